package io.bta.tokenomics.amm;

import static org.assertj.core.api.Assertions.assertThat;

import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.IntegrationTest;
import io.bta.tokenomics.support.Invariants;
import io.bta.tokenomics.support.MutableClock;
import io.bta.tokenomics.trust.Trust;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The AMM over HTTP against PostgreSQL. Two pools stand throughout: BTA-GOV/BTA-UTIL and
 * BTA-UTIL/BTA-GUAR, so BTA-GOV to BTA-GUAR goes through both until the third test class of pair
 * is created (in order, second). The context is discarded after the class: the share tokens it
 * creates would be listed by other classes' catalogs of four BTA tokens.
 */
@IntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AmmApiTest {

    static final EntityId ADMIN = EntityId.of("admin");
    static final EntityId PROVIDER = EntityId.of("amm-provider");

    @LocalServerPort
    int port;

    @Autowired
    Amm amm;

    @Autowired
    Ledger ledger;

    @Autowired
    Trust trust;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    List<io.bta.tokenomics.governance.ProposalActionType> actions;

    Api api;
    TokenId gov;
    TokenId util;
    TokenId guar;
    Pool govUtil;
    Pool utilGuar;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        ledger.initializeTokens(ADMIN);
        gov = ledger.resolve("BTA-GOV");
        util = ledger.resolve("BTA-UTIL");
        guar = ledger.resolve("BTA-GUAR");
        govUtil = poolOf(gov, util, "1000", "2000");
        utilGuar = poolOf(util, guar, "3000", "1000");
    }

    @AfterEach
    void invariantsHold() {
        Invariants.assertHold(jdbc);
        Invariants.assertHistoryReplaysToBalances(jdbc);
    }

    /** The pool of the pair, created with liquidity on first use. */
    private Pool poolOf(TokenId x, TokenId y, String amountX, String amountY) {
        var existing = amm.pools().stream()
                .filter(p -> TokenPair.of(x, y).equals(new TokenPair(p.tokenA(), p.tokenB())))
                .findFirst();
        if (existing.isPresent()) {
            return existing.get();
        }
        var pool = amm.createPool(x, y, PoolFees.standard());
        fund(PROVIDER, x, amountX);
        fund(PROVIDER, y, amountY);
        var xIsA = pool.tokenA().equals(x);
        amm.addLiquidity(
                PROVIDER,
                pool.id(),
                Amount.of(xIsA ? amountX : amountY),
                Amount.of(xIsA ? amountY : amountX),
                null,
                null,
                null);
        return amm.pool(pool.id());
    }

    private void fund(EntityId entity, TokenId token, String amount) {
        if (token.equals(guar)) {
            ledger.mint(token, entity, Amount.of(amount), "test funds", ADMIN);
        } else {
            ledger.transfer(token, ledger.treasury(), entity, Amount.of(amount), "test funds", ADMIN);
        }
    }

    private EntityId trader(String name) {
        return EntityId.of(name + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    private Amount available(EntityId entity, TokenId token) {
        return ledger.balance(entity, token).available();
    }

    private static BigInteger units(String decimal) {
        return Amount.of(decimal).units();
    }

    private static String decimal(BigInteger units) {
        return Amount.ofUnits(units).toString();
    }

    // --- routing through two pools (first: no BTA-GOV/BTA-GUAR pool exists yet) ---

    @Test
    @Order(1)
    void swapsThroughTwoPoolsWhenThePairHasNoneAndQuotesTheSameAnswer() {
        var alice = trader("alice");
        fund(alice, gov, "10");
        var g = amm.pool(govUtil.id());
        var u = amm.pool(utilGuar.id());
        var govReserve = g.tokenA().equals(gov) ? g.reserveA() : g.reserveB();
        var utilInFirst = g.tokenA().equals(gov) ? g.reserveB() : g.reserveA();
        var utilInSecond = u.tokenA().equals(util) ? u.reserveA() : u.reserveB();
        var guarReserve = u.tokenA().equals(util) ? u.reserveB() : u.reserveA();
        var middle = AmmMath.amountOut(units("10"), govReserve.units(), utilInFirst.units(), 30);
        var expected = AmmMath.amountOut(middle, utilInSecond.units(), guarReserve.units(), 30);

        var quote = api.get("/api/amm/quote?tokenIn=BTA-GOV&tokenOut=BTA-GUAR&amountIn=10", Api.token(alice.value()));
        assertThat(quote.status()).as(quote.body()).isEqualTo(200);
        assertThat(quote.text("amountOut")).isEqualTo(decimal(expected));

        var swap = api.post(
                "/api/amm/swap",
                Api.token(alice.value()),
                Api.json("tokenIn", "BTA-GOV", "tokenOut", "BTA-GUAR", "amountIn", "10", "amountOutMin", "0"));
        assertThat(swap.status()).as(swap.body()).isEqualTo(201);
        assertThat(swap.text("amountOut")).isEqualTo(decimal(expected));
        assertThat(swap.json().get("route").size()).isEqualTo(2);
        assertThat(swap.json().get("route").get(0).asString())
                .isEqualTo(govUtil.id().toString());
        assertThat(swap.json().get("route").get(1).asString())
                .isEqualTo(utilGuar.id().toString());
        assertThat(swap.json().get("transactions").size()).isEqualTo(3);
        assertThat(swap.json().get("transactions").get(0).get("txHash").asString())
                .hasSize(64);
        assertThat(available(alice, gov)).isEqualTo(Amount.ZERO);
        assertThat(available(alice, guar)).isEqualTo(Amount.ofUnits(expected));
    }

    // --- creating a pool, and its first liquidity (v2's vector) ---

    @Test
    @Order(2)
    void createsAPoolOncePerPairInEitherOrderAndItsFirstLiquidityMintsV2sShares() {
        var admin = Api.adminToken();
        var created = api.post("/api/amm/pools", admin, Api.json("tokenA", "BTA-GUAR", "tokenB", "BTA-GOV"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.text("lpSymbol")).startsWith("BTA-LP-");
        assertThat(created.json().get("feeBps").asInt()).isEqualTo(30);
        assertThat(created.text("status")).isEqualTo("ACTIVE");
        assertThat(created.text("reserveA")).isEqualTo("0");
        assertThat(created.text("lpSupply")).isEqualTo("0");
        assertThat(created.json().get("priceAInB").isNull()).isTrue();
        var id = created.text("id");

        var again = api.post("/api/amm/pools", admin, Api.json("tokenA", "BTA-GOV", "tokenB", "BTA-GUAR"));
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("POOL_EXISTS");
        assertThat(again.text("poolId")).isEqualTo(id);

        var same = api.post("/api/amm/pools", admin, Api.json("tokenA", "BTA-GOV", "tokenB", "GOVERNANCE"));
        assertThat(same.refusedField("tokenB")).contains("must differ");
        var notAdmin =
                api.post("/api/amm/pools", Api.token("someone"), Api.json("tokenA", "BTA-GOV", "tokenB", "BTA-REWARD"));
        assertThat(notAdmin.status()).isEqualTo(403);

        var provider = trader("first");
        fund(provider, gov, "1");
        fund(provider, guar, "4");
        var pool = amm.pool(PoolId.of(id));
        var govIsA = pool.tokenA().equals(gov);
        var added = api.post(
                "/api/amm/pools/" + id + "/liquidity",
                Api.token(provider.value()),
                Api.json("amountADesired", govIsA ? "1" : "4", "amountBDesired", govIsA ? "4" : "1"));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.text("liquidity")).isEqualTo("1.999999999999999");
        var after = api.get("/api/amm/pools/" + id, Api.token(provider.value()));
        assertThat(after.text("lpSupply")).isEqualTo("2");
        assertThat(after.text(govIsA ? "priceAInB" : "priceBInA")).isEqualTo("4");
        assertThat(ledger.balance(Amm.lockedSharesEntity(PoolId.of(id)), pool.lpTokenId())
                        .available())
                .isEqualTo(Amount.ofUnits(AmmMath.MINIMUM_LIQUIDITY));
        assertThat(ledger.balance(provider, pool.lpTokenId()).available()).isEqualTo(Amount.of("1.999999999999999"));
    }

    // --- swaps: exact answers ---

    @Test
    void anExactInSwapGivesAmmMathsAmountAndKGrows() {
        var bob = trader("bob");
        fund(bob, util, "50");
        var before = amm.pool(govUtil.id());
        var utilIsA = before.tokenA().equals(util);
        var reserveIn = utilIsA ? before.reserveA() : before.reserveB();
        var reserveOut = utilIsA ? before.reserveB() : before.reserveA();
        var expected = AmmMath.amountOut(units("50"), reserveIn.units(), reserveOut.units(), before.feeBps());

        var swap = api.post(
                "/api/amm/swap",
                Api.token(bob.value()),
                Api.json("tokenIn", "BTA-UTIL", "tokenOut", "BTA-GOV", "amountIn", "50", "amountOutMin", "1"));

        assertThat(swap.status()).as(swap.body()).isEqualTo(201);
        assertThat(swap.text("amountIn")).isEqualTo("50");
        assertThat(swap.text("amountOut")).isEqualTo(decimal(expected));
        assertThat(swap.text("feePaid")).isEqualTo("0.15");
        assertThat(new BigDecimal(swap.text("priceImpact"))).isPositive();
        var after = amm.pool(govUtil.id());
        var kBefore = before.reserveA().units().multiply(before.reserveB().units());
        var kAfter = after.reserveA().units().multiply(after.reserveB().units());
        assertThat(kAfter).isGreaterThan(kBefore);
        assertThat(available(bob, gov)).isEqualTo(Amount.ofUnits(expected));
        var recorded = jdbc.sql("select fee_bps, trust_score from amm_swaps where trader = ?")
                .param(bob.value())
                .query((rs, n) -> rs.getInt(1) + " "
                        + rs.getBigDecimal(2).stripTrailingZeros().toPlainString())
                .single();
        assertThat(recorded)
                .isEqualTo(
                        "30 " + trust.scoreOf(bob).score().stripTrailingZeros().toPlainString());
    }

    @Test
    void anExactOutSwapTakesAmmMathsAmount() {
        var carol = trader("carol");
        fund(carol, gov, "20");
        var before = amm.pool(govUtil.id());
        var govIsA = before.tokenA().equals(gov);
        var reserveIn = govIsA ? before.reserveA() : before.reserveB();
        var reserveOut = govIsA ? before.reserveB() : before.reserveA();
        var expected = AmmMath.amountIn(units("7"), reserveIn.units(), reserveOut.units(), before.feeBps());

        var swap = api.post(
                "/api/amm/swap",
                Api.token(carol.value()),
                Api.json("tokenIn", "BTA-GOV", "tokenOut", "BTA-UTIL", "amountOut", "7", "amountInMax", "20"));

        assertThat(swap.status()).as(swap.body()).isEqualTo(201);
        assertThat(swap.text("amountOut")).isEqualTo("7");
        assertThat(swap.text("amountIn")).isEqualTo(decimal(expected));
        assertThat(available(carol, util)).isEqualTo(Amount.of("7"));
        assertThat(available(carol, gov)).isEqualTo(Amount.of("20").minus(Amount.ofUnits(expected)));
    }

    @Test
    void aQuoteChangesNothing() {
        var head = Invariants.ledgerHead(jdbc);
        var quote = api.get("/api/amm/quote?tokenIn=BTA-UTIL&tokenOut=BTA-GOV&amountOut=1", Api.token("quoter"));
        assertThat(quote.status()).as(quote.body()).isEqualTo(200);
        assertThat(quote.json().get("transactions").size()).isZero();
        assertThat(Invariants.ledgerHead(jdbc)).isEqualTo(head);
    }

    // --- refusals, with nothing moved ---

    @Test
    void slippageBeyondTheLimitIsRefusedWithTheAmountAndMovesNothing() {
        var dan = trader("dan");
        fund(dan, util, "10");
        var head = Invariants.ledgerHead(jdbc);
        var quoted = api.get("/api/amm/quote?tokenIn=BTA-UTIL&tokenOut=BTA-GOV&amountIn=10", Api.token(dan.value()))
                .text("amountOut");

        var tooLittle = api.post(
                "/api/amm/swap",
                Api.token(dan.value()),
                Api.json("tokenIn", "BTA-UTIL", "tokenOut", "BTA-GOV", "amountIn", "10", "amountOutMin", "100"));
        assertThat(tooLittle.status()).as(tooLittle.body()).isEqualTo(422);
        assertThat(tooLittle.code()).isEqualTo("SLIPPAGE_EXCEEDED");
        assertThat(tooLittle.text("amountOut")).isEqualTo(quoted);

        var tooMuch = api.post(
                "/api/amm/swap",
                Api.token(dan.value()),
                Api.json("tokenIn", "BTA-UTIL", "tokenOut", "BTA-GOV", "amountOut", "4", "amountInMax", "1"));
        assertThat(tooMuch.status()).as(tooMuch.body()).isEqualTo(422);
        assertThat(tooMuch.code()).isEqualTo("SLIPPAGE_EXCEEDED");
        assertThat(tooMuch.text("amountIn")).isNotBlank();

        assertThat(Invariants.ledgerHead(jdbc)).isEqualTo(head);
        assertThat(available(dan, util)).isEqualTo(Amount.of("10"));
    }

    @Test
    void aPassedDeadlineIsRefusedAndMovesNothing() {
        var erin = trader("erin");
        fund(erin, util, "10");
        var head = Invariants.ledgerHead(jdbc);
        var deadline = clock.instant().minusSeconds(1).toString();

        var swap = api.post(
                "/api/amm/swap",
                Api.token(erin.value()),
                Api.json(
                        "tokenIn",
                        "BTA-UTIL",
                        "tokenOut",
                        "BTA-GOV",
                        "amountIn",
                        "10",
                        "amountOutMin",
                        "0",
                        "deadline",
                        deadline));
        assertThat(swap.status()).as(swap.body()).isEqualTo(422);
        assertThat(swap.code()).isEqualTo("DEADLINE_PASSED");

        var add = api.post(
                "/api/amm/pools/" + govUtil.id() + "/liquidity",
                Api.token(erin.value()),
                Api.json("amountADesired", "1", "amountBDesired", "1", "deadline", deadline));
        assertThat(add.status()).as(add.body()).isEqualTo(422);
        assertThat(add.code()).isEqualTo("DEADLINE_PASSED");
        assertThat(Invariants.ledgerHead(jdbc)).isEqualTo(head);
    }

    @Test
    void aSwapBeyondTheCallersBalanceIsRefusedAndMovesNothing() {
        var fay = trader("fay");
        fund(fay, util, "1");
        var head = Invariants.ledgerHead(jdbc);
        var swap = api.post(
                "/api/amm/swap",
                Api.token(fay.value()),
                Api.json("tokenIn", "BTA-UTIL", "tokenOut", "BTA-GOV", "amountIn", "5", "amountOutMin", "0"));
        assertThat(swap.status()).as(swap.body()).isEqualTo(422);
        assertThat(swap.code()).isEqualTo("INSUFFICIENT_BALANCE");
        assertThat(Invariants.ledgerHead(jdbc)).isEqualTo(head);
    }

    @Test
    void aPoolsReservesAreMovedByTheAmmAloneEvenAnAdminIsRefused() {
        var pool = "amm:" + govUtil.id();
        var head = Invariants.ledgerHead(jdbc);
        var admin = Api.adminToken();
        for (var attempt : List.of(
                api.post(
                        "/api/tokens/transfer",
                        admin,
                        Api.json("fromEntityId", pool, "toEntityId", "thief", "tokenId", "BTA-GOV", "amount", "1")),
                api.post("/api/tokens/burn", admin, Api.json("entityId", pool, "tokenId", "BTA-GOV", "amount", "1")),
                api.post("/api/tokens/lock", admin, Api.json("entityId", pool, "tokenId", "BTA-GOV", "amount", "1")),
                api.post(
                        "/api/tokens/transfer",
                        admin,
                        Api.json(
                                "fromEntityId",
                                "amm:" + govUtil.id() + ":locked",
                                "toEntityId",
                                "thief",
                                "tokenId",
                                govUtil.lpSymbol(),
                                "amount",
                                "0.000000000000000001")))) {
            assertThat(attempt.status()).as(attempt.body()).isEqualTo(422);
            assertThat(attempt.code()).isEqualTo("ENTITY_IN_CUSTODY");
        }
        assertThat(Invariants.ledgerHead(jdbc)).isEqualTo(head);
        // the AMM itself still pays out of the pool
        var gil = trader("gil");
        fund(gil, util, "10");
        var swap = api.post(
                "/api/amm/swap",
                Api.token(gil.value()),
                Api.json("tokenIn", "BTA-UTIL", "tokenOut", "BTA-GOV", "amountIn", "10", "amountOutMin", "0"));
        assertThat(swap.status()).as(swap.body()).isEqualTo(201);
    }

    @Test
    void askingForMoreThanThePoolHoldsIsInsufficientLiquidity() {
        var head = Invariants.ledgerHead(jdbc);
        var swap = api.post(
                "/api/amm/swap",
                Api.token("greedy"),
                Api.json("tokenIn", "BTA-UTIL", "tokenOut", "BTA-GOV", "amountOut", "1000000", "amountInMax", "1"));
        assertThat(swap.status()).as(swap.body()).isEqualTo(422);
        assertThat(swap.code()).isEqualTo("INSUFFICIENT_LIQUIDITY");
        assertThat(Invariants.ledgerHead(jdbc)).isEqualTo(head);
    }

    @Test
    void aPausedPoolRefusesSwapsAndDepositsButPaysOut() {
        var admin = Api.adminToken();
        var paused = api.send(
                java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create("http://127.0.0.1:" + port + "/api/amm/pools/" + utilGuar.id()))
                        .header("Content-Type", "application/json")
                        .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"status\":\"paused\"}")),
                admin,
                null);
        assertThat(paused.status()).as(paused.body()).isEqualTo(200);
        assertThat(paused.text("status")).isEqualTo("PAUSED");
        try {
            var head = Invariants.ledgerHead(jdbc);
            var swap = api.post(
                    "/api/amm/swap",
                    Api.token("someone"),
                    Api.json("tokenIn", "BTA-UTIL", "tokenOut", "BTA-GUAR", "amountIn", "1", "amountOutMin", "0"));
            assertThat(swap.status()).as(swap.body()).isEqualTo(409);
            assertThat(swap.code()).isEqualTo("POOL_PAUSED");
            assertThat(Invariants.ledgerHead(jdbc)).isEqualTo(head);

            var shares = ledger.balance(PROVIDER, utilGuar.lpTokenId()).available();
            var out = amm.removeLiquidity(PROVIDER, utilGuar.id(), Amount.of("1"), null, null, null);
            assertThat(out.amountA().isPositive()).isTrue();
            assertThat(ledger.balance(PROVIDER, utilGuar.lpTokenId()).available())
                    .isEqualTo(shares.minus(Amount.of("1")));
        } finally {
            amm.updatePool(utilGuar.id(), null, PoolStatus.ACTIVE);
        }
    }

    @Test
    void malformedInputIsA400NamingTheField() {
        var token = Api.token("someone");
        assertThat(api.post(
                                "/api/amm/swap",
                                token,
                                Api.json(
                                        "tokenIn",
                                        "BTA-UTIL",
                                        "tokenOut",
                                        "BTA-GOV",
                                        "amountIn",
                                        "abc",
                                        "amountOutMin",
                                        "0"))
                        .refusedField("amountIn"))
                .isNotBlank();
        assertThat(api.post(
                                "/api/amm/swap",
                                token,
                                Api.json(
                                        "tokenIn",
                                        "BTA-NOPE",
                                        "tokenOut",
                                        "BTA-GOV",
                                        "amountIn",
                                        "1",
                                        "amountOutMin",
                                        "0"))
                        .refusedField("tokenIn"))
                .contains("BTA-NOPE");
        var lpSymbol = amm.pool(govUtil.id()).lpSymbol();
        assertThat(api.post(
                                "/api/amm/swap",
                                token,
                                Api.json(
                                        "tokenIn",
                                        lpSymbol,
                                        "tokenOut",
                                        "BTA-GOV",
                                        "amountIn",
                                        "1",
                                        "amountOutMin",
                                        "0"))
                        .refusedField("tokenIn"))
                .isEqualTo(lpSymbol + " is a pool's share token; pools and swaps take BTA tokens");
        assertThat(api.post(
                                "/api/amm/swap",
                                token,
                                Api.json("tokenIn", "BTA-UTIL", "tokenOut", "BTA-GOV", "amountIn", "1"))
                        .refusedField("amountOutMin"))
                .contains("required");
        assertThat(api.post(
                                "/api/amm/pools/" + govUtil.id() + "/liquidity",
                                token,
                                Api.json("amountADesired", "-1", "amountBDesired", "1"))
                        .refusedField("amountADesired"))
                .isNotBlank();
        assertThat(api.get("/api/amm/pools/" + govUtil.id() + "/twap?window=forever", token)
                        .refusedField("window"))
                .isNotBlank();
        assertThat(api.get("/api/amm/pools/not-a-pool", token).code()).isEqualTo("UNKNOWN_AMM_POOL");
    }

    // --- liquidity ---

    @Test
    void liquidityIsTakenAtThePoolsRatioAndRemovalNeverPaysMoreThanWasPutIn() {
        var lp = trader("lp");
        fund(lp, gov, "100");
        fund(lp, util, "1000");
        var pool = amm.pool(govUtil.id());
        var govIsA = pool.tokenA().equals(gov);
        var desiredA = govIsA ? "100" : "1000";
        var desiredB = govIsA ? "1000" : "100";
        var expected = AmmMath.optimalDeposit(
                units(desiredA),
                units(desiredB),
                BigInteger.ZERO,
                BigInteger.ZERO,
                pool.reserveA().units(),
                pool.reserveB().units());
        var expectedShares = AmmMath.liquidity(
                expected.amountA(),
                expected.amountB(),
                pool.reserveA().units(),
                pool.reserveB().units(),
                pool.lpSupply().units());

        var added = api.post(
                "/api/amm/pools/" + pool.id() + "/liquidity",
                Api.token(lp.value()),
                Api.json("amountADesired", desiredA, "amountBDesired", desiredB, "amountAMin", "0", "amountBMin", "0"));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.text("amountA")).isEqualTo(decimal(expected.amountA()));
        assertThat(added.text("amountB")).isEqualTo(decimal(expected.amountB()));
        assertThat(added.text("liquidity")).isEqualTo(decimal(expectedShares));

        var tooMuch = api.post(
                "/api/amm/pools/" + pool.id() + "/liquidity/remove",
                Api.token(lp.value()),
                Api.json("liquidity", decimal(expectedShares), "amountAMin", "100000000"));
        assertThat(tooMuch.status()).as(tooMuch.body()).isEqualTo(422);
        assertThat(tooMuch.code()).isEqualTo("SLIPPAGE_EXCEEDED");

        var notHeld = api.post(
                "/api/amm/pools/" + pool.id() + "/liquidity/remove",
                Api.token(lp.value()),
                Api.json("liquidity", decimal(expectedShares.add(BigInteger.ONE))));
        assertThat(notHeld.status()).as(notHeld.body()).isEqualTo(422);
        assertThat(notHeld.code()).isEqualTo("INSUFFICIENT_BALANCE");

        var removed = api.post(
                "/api/amm/pools/" + pool.id() + "/liquidity/remove",
                Api.token(lp.value()),
                Api.json("liquidity", decimal(expectedShares)));
        assertThat(removed.status()).as(removed.body()).isEqualTo(201);
        assertThat(Amount.of(removed.text("amountA")).units()).isLessThanOrEqualTo(expected.amountA());
        assertThat(Amount.of(removed.text("amountB")).units()).isLessThanOrEqualTo(expected.amountB());
        assertThat(ledger.balance(lp, pool.lpTokenId()).available()).isEqualTo(Amount.ZERO);
    }

    // --- trust discount ---

    @Test
    void aTrustedCallerPaysThePoolsLowerFeeAndTheSwapRecordsIt() {
        amm.updatePool(utilGuar.id(), new PoolFees(30, 5, new BigDecimal("80")), null);
        try {
            var trusted = trader("trusted");
            trust.record(trusted, new BigDecimal("90"), ADMIN);
            fund(trusted, util, "10");
            var pool = amm.pool(utilGuar.id());
            var utilIsA = pool.tokenA().equals(util);
            var expected = AmmMath.amountOut(
                    units("10"),
                    (utilIsA ? pool.reserveA() : pool.reserveB()).units(),
                    (utilIsA ? pool.reserveB() : pool.reserveA()).units(),
                    5);

            var swap = api.post(
                    "/api/amm/swap",
                    Api.token(trusted.value()),
                    Api.json("tokenIn", "BTA-UTIL", "tokenOut", "BTA-GUAR", "amountIn", "10", "amountOutMin", "0"));

            assertThat(swap.status()).as(swap.body()).isEqualTo(201);
            assertThat(swap.text("amountOut")).isEqualTo(decimal(expected));
            assertThat(swap.json().get("hops").get(0).get("feeBps").asInt()).isEqualTo(5);
            assertThat(swap.text("trustScore")).isEqualTo("90");
            var recorded = jdbc.sql("select fee_bps from amm_swaps where trader = ?")
                    .param(trusted.value())
                    .query(Integer.class)
                    .single();
            assertThat(recorded).isEqualTo(5);
        } finally {
            amm.updatePool(utilGuar.id(), PoolFees.standard(), null);
        }
    }

    // --- TWAP ---

    @Test
    void theTwapOfAWindowAfterTheLastChangeIsThePriceThen() {
        var pool = amm.pool(govUtil.id());
        clock.advance(Duration.ofHours(2));
        var twap = api.get("/api/amm/pools/" + pool.id() + "/twap?window=1h", Api.token("reader"));
        assertThat(twap.status()).as(twap.body()).isEqualTo(200);
        assertThat(twap.text("priceAInB")).isEqualTo(pool.priceAInB().toPlainString());
        assertThat(twap.text("priceBInA")).isEqualTo(pool.priceBInA().toPlainString());
    }

    // --- analytics ---

    @Test
    void statsSumTheVolumeAndFeesOfTheWindowAndTheValueLocked() {
        clock.advance(Duration.ofDays(2));
        var ivy = trader("ivy");
        fund(ivy, util, "20");
        amm.swap(ivy, new SwapOrder(util, gov, SwapOrder.Kind.EXACT_IN, Amount.of("10"), Amount.ZERO, null));
        amm.swap(ivy, new SwapOrder(util, gov, SwapOrder.Kind.EXACT_IN, Amount.of("3.3333"), Amount.ZERO, null));
        var pool = amm.pool(govUtil.id());
        var utilIsA = pool.tokenA().equals(util);

        var stats = api.get("/api/amm/pools/" + pool.id() + "/stats?window=1d", Api.token("reader"));

        assertThat(stats.status()).as(stats.body()).isEqualTo(200);
        assertThat(stats.json().get("swaps").asLong()).isEqualTo(2);
        assertThat(stats.text(utilIsA ? "volumeA" : "volumeB")).isEqualTo("13.3333");
        assertThat(stats.text(utilIsA ? "volumeB" : "volumeA")).isEqualTo("0");
        // 10·30/10000 = 0.03; 3.3333·30/10000 = 0.0099999
        assertThat(stats.text(utilIsA ? "feesA" : "feesB")).isEqualTo("0.0399999");
        assertThat(stats.text("tvlInA"))
                .isEqualTo(pool.reserveA().plus(pool.reserveA()).toString());
        assertThat(stats.text("reserveB")).isEqualTo(pool.reserveB().toString());
    }

    @Test
    void theSeriesSumsSwapsPerBucketAndCarriesTheReservesAtEachBucketsEnd() {
        // a fresh hour: the previous tests' swaps are in earlier buckets
        clock.advance(Duration.ofDays(3));
        var hourStart = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        clock.set(hourStart.plus(Duration.ofMinutes(10)));
        var pool = amm.pool(govUtil.id());
        var utilIsA = pool.tokenA().equals(util);
        var before = amm.pool(govUtil.id());
        var jon = trader("jon");
        fund(jon, util, "20");
        amm.swap(jon, new SwapOrder(util, gov, SwapOrder.Kind.EXACT_IN, Amount.of("10"), Amount.ZERO, null));
        var afterFirst = amm.pool(govUtil.id());
        clock.advance(Duration.ofHours(2)); // an hour with no swap between
        amm.swap(jon, new SwapOrder(util, gov, SwapOrder.Kind.EXACT_IN, Amount.of("4"), Amount.ZERO, null));
        var afterSecond = amm.pool(govUtil.id());
        clock.advance(Duration.ofMinutes(5));

        var series = api.get(
                "/api/amm/pools/" + pool.id() + "/series?interval=1h&from=" + hourStart + "&to=" + clock.instant(),
                Api.token("reader"));
        assertThat(series.status()).as(series.body()).isEqualTo(200);
        var points = series.json().get("points");
        assertThat(points).hasSize(3);
        assertThat(points.get(0).get("start").asString()).isEqualTo(hourStart.toString());
        assertThat(points.get(0).get("swaps").asLong()).isEqualTo(1);
        assertThat(points.get(0).get(utilIsA ? "volumeA" : "volumeB").asString())
                .isEqualTo("10");
        assertThat(points.get(0).get(utilIsA ? "feesA" : "feesB").asString()).isEqualTo("0.03");
        assertThat(points.get(0).get("reserveA").asString())
                .isEqualTo(afterFirst.reserveA().toString());
        // the empty hour: no flow, the reserves carried
        assertThat(points.get(1).get("swaps").asLong()).isZero();
        assertThat(points.get(1).get("volumeA").asString()).isEqualTo("0");
        assertThat(points.get(1).get("reserveB").asString())
                .isEqualTo(afterFirst.reserveB().toString());
        assertThat(points.get(2).get("swaps").asLong()).isEqualTo(1);
        assertThat(points.get(2).get(utilIsA ? "volumeA" : "volumeB").asString())
                .isEqualTo("4");
        assertThat(points.get(2).get("reserveA").asString())
                .isEqualTo(afterSecond.reserveA().toString());
        assertThat(points.get(2).get("tvlInB").asString())
                .isEqualTo(afterSecond.reserveB().plus(afterSecond.reserveB()).toString());
        assertThat(before.reserveA()).isNotEqualTo(afterFirst.reserveA());

        var tooMany = api.get(
                "/api/amm/pools/" + pool.id() + "/series?interval=5m&from=2020-01-01T00:00:00Z", Api.token("reader"));
        assertThat(tooMany.refusedField("from")).contains("at most 1000");
        assertThat(api.get("/api/amm/pools/" + pool.id() + "/series?interval=2h", Api.token("reader"))
                        .refusedField("interval"))
                .contains("5m, 1h, 1d");
    }

    // --- idempotency ---

    @Test
    void aSwapRetriedWithItsIdempotencyKeyAppliesOnce() {
        var hal = trader("hal");
        fund(hal, util, "4");
        var body = Api.json("tokenIn", "BTA-UTIL", "tokenOut", "BTA-GOV", "amountIn", "2", "amountOutMin", "0");
        var key = UUID.randomUUID().toString();
        var first = api.post("/api/amm/swap", Api.token(hal.value()), body, key);
        var second = api.post("/api/amm/swap", Api.token(hal.value()), body, key);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(available(hal, util)).isEqualTo(Amount.of("2"));
    }

    // --- protocol fee ---

    @Test
    void theProtocolFeeMintsOneSixthOfTheGrowthOfRootKToTheTreasuryOnlyWhileOn() {
        var lp = trader("fee-lp");
        fund(lp, gov, "10");
        fund(lp, util, "100");
        var pool = amm.pool(govUtil.id());
        var treasuryShares = ledger.balance(ledger.treasury(), pool.lpTokenId()).available();
        amm.setProtocolFee(true);
        try {
            amm.addLiquidity(lp, pool.id(), Amount.of("1"), Amount.of("100"), null, null, null);
            assertThat(ledger.balance(ledger.treasury(), pool.lpTokenId()).available())
                    .as("k_last was 0: nothing owed yet")
                    .isEqualTo(treasuryShares);
            var trader = trader("fee-trader");
            fund(trader, util, "100");
            amm.swap(trader, new SwapOrder(util, gov, SwapOrder.Kind.EXACT_IN, Amount.of("100"), Amount.ZERO, null));
            var grown = amm.pool(pool.id());
            var kLast = jdbc.sql("select k_last from amm_pools where id = ?")
                    .param(pool.id().value())
                    .query(BigDecimal.class)
                    .single()
                    .toBigIntegerExact();
            var owed = AmmMath.protocolFee(
                    grown.lpSupply().units(),
                    grown.reserveA().units(),
                    grown.reserveB().units(),
                    kLast);
            assertThat(owed).isPositive();
            amm.addLiquidity(lp, pool.id(), Amount.of("1"), Amount.of("100"), null, null, null);
            assertThat(ledger.balance(ledger.treasury(), pool.lpTokenId()).available())
                    .isEqualTo(treasuryShares.plus(Amount.ofUnits(owed)));
        } finally {
            amm.setProtocolFee(false);
        }
    }

    // --- governance ---

    @Test
    void governanceMayCreateAPoolAndSwitchTheProtocolFee() {
        var create = actions.stream()
                .filter(a -> a.type().equals("CREATE_POOL"))
                .findFirst()
                .orElseThrow();
        var normalized =
                create.validate(java.util.Map.of("tokenA", "BTA-UTIL", "tokenB", "BTA-REWARD", "feeBps", "25"));
        assertThat(normalized).containsEntry("feeBps", "25").containsKeys("tokenA", "tokenB");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> create.validate(java.util.Map.of("tokenA", "BTA-UTIL", "tokenB", "UTILITY")))
                .hasMessageStartingWith("tokenB: must differ");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> create.validate(
                        java.util.Map.of("tokenA", "BTA-UTIL", "tokenB", "BTA-REWARD", "feeBps", "5000")))
                .hasMessageStartingWith("feeBps: ");

        var fee = actions.stream()
                .filter(a -> a.type().equals("SET_AMM_PROTOCOL_FEE"))
                .findFirst()
                .orElseThrow();
        assertThat(fee.validate(java.util.Map.of("enabled", "TRUE"))).containsEntry("enabled", "true");
        fee.execute(java.util.Map.of("enabled", "true"), null);
        assertThat(amm.protocolFeeOn()).isTrue();
        fee.execute(java.util.Map.of("enabled", "false"), null);
        assertThat(amm.protocolFeeOn()).isFalse();
    }

    @Test
    void concurrentRequestsForOnePairCreateOnePool() throws Exception {
        var executor = Executors.newFixedThreadPool(4);
        try {
            var tasks = new ArrayList<Callable<Integer>>();
            for (int i = 0; i < 4; i++) {
                var body = i % 2 == 0
                        ? Api.json("tokenA", "BTA-REWARD", "tokenB", "BTA-UTIL")
                        : Api.json("tokenA", "BTA-UTIL", "tokenB", "BTA-REWARD");
                tasks.add(
                        () -> api.post("/api/amm/pools", Api.adminToken(), body).status());
            }
            var statuses = new ArrayList<Integer>();
            for (var f : executor.invokeAll(tasks)) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(201, 409, 409, 409);
        } finally {
            executor.shutdownNow();
        }
    }

    // --- concurrency ---

    @Test
    void concurrentSwapsEachKeepTheirOwnSlippageCheckAndARefusedOneMovesNothing() throws Exception {
        var head = Invariants.ledgerHead(jdbc);
        var traders = new ArrayList<EntityId>();
        for (int i = 0; i < 12; i++) {
            var t = trader("g" + i);
            fund(t, util, "3");
            traders.add(t);
        }
        var afterFunding = Invariants.ledgerHead(jdbc);
        var executor = Executors.newFixedThreadPool(12);
        try {
            var tasks = new ArrayList<Callable<Integer>>();
            for (int i = 0; i < 12; i++) {
                var t = traders.get(i);
                var min = i % 3 == 0 ? "1000000" : "0";
                tasks.add(() -> api.post(
                                "/api/amm/swap",
                                Api.token(t.value()),
                                Api.json(
                                        "tokenIn",
                                        "BTA-UTIL",
                                        "tokenOut",
                                        "BTA-GOV",
                                        "amountIn",
                                        "3",
                                        "amountOutMin",
                                        min))
                        .status());
            }
            var statuses = new ArrayList<Integer>();
            for (var f : executor.invokeAll(tasks)) {
                statuses.add(f.get());
            }
            assertThat(statuses).filteredOn(st -> st == 201).hasSize(8);
            assertThat(statuses).filteredOn(st -> st == 422).hasSize(4);
        } finally {
            executor.shutdownNow();
        }
        assertThat(Invariants.ledgerHead(jdbc) - afterFunding)
                .as("two transfers per applied swap")
                .isEqualTo(16);
        assertThat(afterFunding).isGreaterThan(head);
        for (int i = 0; i < 12; i += 3) {
            assertThat(available(traders.get(i), util)).isEqualTo(Amount.of("3"));
        }
    }

    @Test
    void sixteenThreadsSwappingAndProvidingOnOnePoolKeepTheLedgerAndK() throws Exception {
        var pool = amm.pool(govUtil.id());
        var kBefore = pool.reserveA().units().multiply(pool.reserveB().units());
        var workers = new ArrayList<EntityId>();
        for (int i = 0; i < 16; i++) {
            var w = trader("w" + i);
            fund(w, gov, "50");
            fund(w, util, "500");
            workers.add(w);
        }
        var executor = Executors.newFixedThreadPool(16);
        try {
            var tasks = new ArrayList<Callable<Integer>>();
            for (int i = 0; i < 16; i++) {
                var w = workers.get(i);
                var provides = i % 4 == 0;
                tasks.add(() -> {
                    int done = 0;
                    for (int n = 0; n < 5; n++) {
                        if (provides) {
                            amm.addLiquidity(w, pool.id(), Amount.of("2"), Amount.of("20"), null, null, null);
                        } else {
                            var in = n % 2 == 0 ? util : gov;
                            var out = n % 2 == 0 ? gov : util;
                            amm.swap(
                                    w,
                                    new SwapOrder(in, out, SwapOrder.Kind.EXACT_IN, Amount.of("1"), Amount.ZERO, null));
                        }
                        done++;
                    }
                    return done;
                });
            }
            List<Future<Integer>> results = executor.invokeAll(tasks);
            for (var r : results) {
                assertThat(r.get()).isEqualTo(5);
            }
        } finally {
            executor.shutdownNow();
        }
        var after = amm.pool(pool.id());
        var kAfter = after.reserveA().units().multiply(after.reserveB().units());
        assertThat(kAfter).isGreaterThan(kBefore);
        var decreasing = jdbc.sql("select count(*) from amm_swaps where k_after < k_before")
                .query(Long.class)
                .single();
        assertThat(decreasing).isZero();
        // the pool's shares all add up: every holder's, the locked minimum, the treasury's
        var held = jdbc.sql("select coalesce(sum(available + locked), 0) from ledger_balances where token_id = ?")
                .param(after.lpTokenId().value())
                .query(BigDecimal.class)
                .single();
        assertThat(Amount.of(held)).isEqualTo(after.lpSupply());
    }
}
