package io.bta.tokenomics.amm;

import static org.assertj.core.api.Assertions.assertThat;

import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.error.DomainProblem;
import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.IntegrationTest;
import io.bta.tokenomics.support.Invariants;
import io.bta.tokenomics.support.MutableClock;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The swaps' group commit applies a batch set-based: each swap computed on the reserves and the
 * trader's balances the swaps before it in the batch left, each answered on its own, all written
 * together; a batch the ledger refuses as a whole is applied again one swap at a time.
 */
@IntegrationTest
class SwapBatchTest {

    static final EntityId ADMIN = EntityId.of("admin");
    static final int FEE = PoolFees.standard().feeBps();

    @LocalServerPort
    int port;

    @Autowired
    Amm amm;

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    MutableClock clock;

    @Autowired
    io.bta.tokenomics.trust.Trust trust;

    TokenId gov;
    TokenId util;
    Pool pool;

    @BeforeEach
    void setUp() {
        ledger.initializeTokens(ADMIN);
        gov = ledger.resolve("BTA-GOV");
        util = ledger.resolve("BTA-UTIL");
        pool = amm.pools().stream()
                .filter(p -> TokenPair.of(gov, util).equals(new TokenPair(p.tokenA(), p.tokenB())))
                .findFirst()
                .orElseGet(() -> {
                    var created = amm.createPool(gov, util, PoolFees.standard());
                    var provider = EntityId.of("batch-provider");
                    fund(provider, gov, "1000");
                    fund(provider, util, "2000");
                    var govIsA = created.tokenA().equals(gov);
                    amm.addLiquidity(
                            provider,
                            created.id(),
                            Amount.of(govIsA ? "1000" : "2000"),
                            Amount.of(govIsA ? "2000" : "1000"),
                            null,
                            null,
                            null);
                    return created;
                });
    }

    @AfterEach
    void invariantsHold() {
        Invariants.assertHold(jdbc);
    }

    void fund(EntityId entity, TokenId token, String amount) {
        ledger.transfer(token, ledger.treasury(), entity, Amount.of(amount), "test funds", ADMIN);
    }

    BigInteger reserve(TokenId token) {
        var p = amm.pool(pool.id());
        return (p.tokenA().equals(token) ? p.reserveA() : p.reserveB()).units();
    }

    SwapCommitter.Item item(
            EntityId trader, TokenId in, TokenId out, SwapOrder.Kind kind, String amount, String limit) {
        return item(
                trader, new SwapOrder(in, out, kind, Amount.of(amount), limit == null ? null : Amount.of(limit), null));
    }

    SwapCommitter.Item item(EntityId trader, SwapOrder order) {
        return new SwapCommitter.Item(trader, order, new BigDecimal("50"), null, null, new CompletableFuture<>());
    }

    static EntityId trader(String name) {
        return EntityId.of(name + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Test
    void aBatchComputesEachSwapOnWhatTheSwapsBeforeItLeftAndAnswersEachOnItsOwn() {
        var ann = trader("ann");
        var bob = trader("bob"); // holds nothing
        fund(ann, util, "10");
        var rGov = reserve(gov);
        var rUtil = reserve(util);
        var four = Amount.of("4").units();
        var one = Amount.of("1").units();
        var observations = jdbc.sql("select count(*) from amm_observations where pool_id = ?")
                .param(pool.id().value())
                .query(Long.class)
                .single();

        var items = new ArrayList<SwapCommitter.Item>();
        items.add(item(ann, util, gov, SwapOrder.Kind.EXACT_IN, "4", "0")); // 0: applied
        items.add(item(ann, util, gov, SwapOrder.Kind.EXACT_IN, "4", "1000000")); // 1: slippage
        items.add(item(ann, util, gov, SwapOrder.Kind.EXACT_IN, "4", "0")); // 2: applied, 2 UTIL left
        items.add(item(ann, util, gov, SwapOrder.Kind.EXACT_IN, "4", "0")); // 3: beyond what 0 and 2 left
        items.add(item(bob, gov, util, SwapOrder.Kind.EXACT_IN, "1", "0")); // 4: bob has no BTA-GOV
        // 5: ann had no BTA-GOV before the batch: she pays with what swaps 0 and 2 gave her
        items.add(item(ann, gov, util, SwapOrder.Kind.EXACT_OUT, "1", null));
        items.add(item(
                ann,
                new SwapOrder(
                        util,
                        gov,
                        SwapOrder.Kind.EXACT_IN,
                        Amount.of("1"),
                        null,
                        clock.instant().minusSeconds(1)))); // 6: deadline passed
        var outcomes = transactions.execute(s -> amm.swapAll(items));

        // the same swaps one after the other, by v2's formulas
        var out0 = AmmMath.amountOut(four, rUtil, rGov, FEE);
        rUtil = rUtil.add(four);
        rGov = rGov.subtract(out0);
        var out2 = AmmMath.amountOut(four, rUtil, rGov, FEE);
        rUtil = rUtil.add(four);
        rGov = rGov.subtract(out2);
        var in5 = AmmMath.amountIn(one, rGov, rUtil, FEE);
        rGov = rGov.add(in5);
        rUtil = rUtil.subtract(one);

        assertThat(((SwapResult) outcomes.get(0)).amountOut().units()).isEqualTo(out0);
        assertThat(((DomainProblem) outcomes.get(1)).code()).isEqualTo("SLIPPAGE_EXCEEDED");
        assertThat(((SwapResult) outcomes.get(2)).amountOut().units()).isEqualTo(out2);
        assertThat(((DomainProblem) outcomes.get(3)).code()).isEqualTo("INSUFFICIENT_BALANCE");
        assertThat(((DomainProblem) outcomes.get(4)).code()).isEqualTo("INSUFFICIENT_BALANCE");
        assertThat(((SwapResult) outcomes.get(5)).amountIn().units()).isEqualTo(in5);
        assertThat(((DomainProblem) outcomes.get(6)).code()).isEqualTo("DEADLINE_PASSED");
        for (int i : new int[] {0, 2, 5}) {
            assertThat(((SwapResult) outcomes.get(i)).transactions())
                    .as("each applied swap answers with its own two transfers")
                    .hasSize(2);
        }
        assertThat(((SwapResult) outcomes.get(5)).transactions().get(0).fromEntityId())
                .isEqualTo(ann);

        assertThat(reserve(gov)).isEqualTo(rGov);
        assertThat(reserve(util)).isEqualTo(rUtil);
        assertThat(ledger.balance(ann, util).available()).isEqualTo(Amount.of("3"));
        assertThat(ledger.balance(ann, gov).available().units())
                .isEqualTo(out0.add(out2).subtract(in5));
        assertThat(ledger.balance(bob, util).available()).isEqualTo(Amount.ZERO);
        assertThat(jdbc.sql("select count(*) from amm_swaps where trader = ?")
                        .param(ann.value())
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from amm_observations where pool_id = ?")
                        .param(pool.id().value())
                        .query(Long.class)
                        .single())
                .as("one observation per pool and batch")
                .isEqualTo(observations + 1);
    }

    @Test
    void aBatchTheLedgerRefusesWholeIsAppliedOneSwapAtATime() {
        var cat = trader("cat");
        fund(cat, util, "5");
        var api = new Api(port);
        var body = Api.json("tokenIn", "BTA-UTIL", "tokenOut", "BTA-GOV", "amountIn", "2", "amountOutMin", "0");
        ledger.pause(gov, "batch test", ADMIN);
        try {
            // the batch is computed, then the ledger refuses its transfers: applied again alone, refused alone
            var refused = api.post(
                    "/api/amm/swap",
                    Api.token(cat.value()),
                    body,
                    UUID.randomUUID().toString());
            assertThat(refused.status()).as(refused.body()).isEqualTo(409);
            assertThat(refused.code()).isEqualTo("TOKEN_PAUSED");
            assertThat(ledger.balance(cat, util).available()).isEqualTo(Amount.of("5"));
        } finally {
            ledger.unpause(gov, ADMIN);
        }
        var key = UUID.randomUUID().toString();
        var applied = api.post("/api/amm/swap", Api.token(cat.value()), body, key);
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        var replay = api.post("/api/amm/swap", Api.token(cat.value()), body, key);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.body()).isEqualTo(applied.body());
        assertThat(ledger.balance(cat, util).available()).isEqualTo(Amount.of("3"));
    }

    @Test
    void aBatchReadsItsTradersLocalTrustScoresInOneGoAndRecordsEachWithItsSwap() {
        var dee = trader("dee");
        var eve = trader("eve"); // no score recorded: the default
        trust.record(dee, new BigDecimal("87.5"), ADMIN);
        fund(dee, util, "3");
        fund(eve, util, "3");
        var unscored = new ArrayList<SwapCommitter.Item>();
        for (var t : java.util.List.of(dee, eve, dee)) {
            unscored.add(new SwapCommitter.Item(
                    t,
                    new SwapOrder(util, gov, SwapOrder.Kind.EXACT_IN, Amount.of("1"), Amount.of("0"), null),
                    null, // as the HTTP path queues them when scores are local
                    null,
                    null,
                    new CompletableFuture<>()));
        }

        var outcomes = transactions.execute(s -> amm.swapAll(unscored));

        var expected =
                new BigDecimal[] {new BigDecimal("87.5"), trust.scoreOf(eve).score(), new BigDecimal("87.5")};
        for (int i = 0; i < 3; i++) {
            assertThat(outcomes.get(i)).isInstanceOf(SwapResult.class);
            assertThat(((SwapResult) outcomes.get(i)).trustScore()).isEqualByComparingTo(expected[i]);
        }
        for (var t : java.util.List.of(dee, eve)) {
            var recorded = jdbc.sql("select trust_score from amm_swaps where trader = ?")
                    .param(t.value())
                    .query(BigDecimal.class)
                    .list();
            assertThat(recorded).isNotEmpty().allSatisfy(score -> assertThat(score)
                    .isEqualByComparingTo(trust.scoreOf(t).score()));
        }
    }
}
