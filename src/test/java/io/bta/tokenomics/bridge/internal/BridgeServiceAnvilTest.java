package io.bta.tokenomics.bridge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.bta.tokenomics.bridge.Bridge;
import io.bta.tokenomics.bridge.BridgeProperties;
import io.bta.tokenomics.bridge.Reconciliation;
import io.bta.tokenomics.governance.GovernedParameter;
import io.bta.tokenomics.governance.GovernedParameters;
import io.bta.tokenomics.governance.ProposalActionType;
import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.support.AnvilNode;
import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.Invariants;
import io.bta.tokenomics.support.MutableClock;
import io.bta.tokenomics.support.TestClockConfig;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.web3j.crypto.Keys;

/**
 * The bridge service against a real local node (Anvil): deploy, withdraw (escrowed here, minted
 * there), deposit (burned there, credited here once deep enough, exactly once), a reorg before the
 * depth, pause, limits, bad input, concurrent withdrawals; after each step the escrow reconciles
 * with the supply on chain. The passes are run by the test (the scheduled ones wait an hour);
 * blocks are mined with {@code anvil_mine}, business time moves on the {@link MutableClock}.
 * Skipped without {@code anvil}, except under CI, where it must run.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "tokenomics.data-dir=target/test-data/bridge-${random.uuid}",
            "tokenomics.security.jwt-secret=" + Api.SECRET,
            "tokenomics.idempotency.cleanup-interval-ms=3600000",
            "tokenomics.rewards.expiry-interval-ms=3600000",
            "tokenomics.guarantees.expiry-interval-ms=3600000",
            "tokenomics.audit.seal-interval=1h",
            "tokenomics.webhooks.follow-interval-ms=3600000",
            "tokenomics.webhooks.dispatch-interval-ms=3600000",
            "tokenomics.webhooks.purge-interval-ms=3600000",
            "tokenomics.webhooks.stream-poll-interval-ms=3600000",
            "tokenomics.analytics.snapshot-interval=1h",
            "tokenomics.limits.rate-limit.enabled=false",
            // anchoring is off, so the bridge signs with the chain's key (ADR 0030)
            "tokenomics.chain.anchoring-enabled=false",
            "tokenomics.chain.private-key=" + AnvilNode.KEY_0,
            "tokenomics.bridge.enabled=true",
            "tokenomics.bridge.confirmations=12",
            // pages of 5 blocks: every follower pass here reads the chain over many ranges
            "tokenomics.bridge.log-range=" + BridgeServiceAnvilTest.LOG_RANGE,
            "tokenomics.bridge.send-interval=1h",
            "tokenomics.bridge.follow-interval=1h",
            "tokenomics.bridge.withdrawal-max=1000",
            "tokenomics.bridge.daily-outflow-max=3000"
        })
@Import(TestClockConfig.class)
@DirtiesContext
class BridgeServiceAnvilTest {

    static final BigInteger UNIT = BigInteger.TEN.pow(18);
    static final int CONFIRMATIONS = 12;
    static final int LOG_RANGE = 5;

    static AnvilNode anvil;

    @BeforeAll
    static void startAnvil() throws Exception {
        anvil = AnvilNode.start("the bridge service tests");
    }

    @AfterAll
    static void stopAnvil() throws InterruptedException {
        if (anvil != null) {
            anvil.close();
        }
    }

    @DynamicPropertySource
    static void chain(DynamicPropertyRegistry registry) {
        registry.add("tokenomics.chain.rpc-url", () -> anvil.rpcUrl());
    }

    @LocalServerPort
    int port;

    @Autowired
    Ledger ledger;

    @Autowired
    Bridge bridge;

    @Autowired
    BridgeWorker worker;

    @Autowired
    BridgeStore store;

    @Autowired
    BridgeChain chain;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    Api api;
    String admin = Api.adminToken();
    String bridgeAddress;
    String util;
    String gov;

    @BeforeEach
    void deployed() {
        api = new Api(port);
        ledger.initializeTokens(EntityId.of("admin"));
        var deploy = api.post("/api/bridge/deploy", admin, "{}");
        assertThat(deploy.status()).as(deploy.body()).isEqualTo(200);
        bridgeAddress = deploy.text("bridgeAddress");
        for (var t : deploy.json().get("tokens")) {
            if (t.get("symbol").asString().equals("BTA-UTIL")) {
                util = t.get("contractAddress").asString();
            }
            if (t.get("symbol").asString().equals("BTA-GOV")) {
                gov = t.get("contractAddress").asString();
            }
        }
    }

    @Test
    void deployingAgainAnswersTheSameContractsAndDeploysNothing() throws Exception {
        long before = chain.contracts().blockNumber();
        var again = api.post("/api/bridge/deploy", admin, "{}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("bridgeAddress")).isEqualTo(bridgeAddress);
        assertThat(chain.contracts().blockNumber()).isEqualTo(before);

        var status = api.get("/api/bridge", Api.token("someone"));
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.json().get("chainId").asLong()).isEqualTo(31337);
        assertThat(status.json().get("confirmations").asInt()).isEqualTo(CONFIRMATIONS);
        assertThat(status.json().get("paused").asBoolean()).isFalse();
        var symbols = new ArrayList<String>();
        status.json().get("tokens").forEach(t -> symbols.add(t.get("symbol").asString()));
        assertThat(symbols).containsExactly("BTA-GOV", "BTA-REWARD", "BTA-UTIL");
        assertThat(chain.contracts().bridgeable(bridgeAddress, util)).isTrue();

        assertThat(api.post("/api/bridge/deploy", Api.token("someone"), "{}").status())
                .isEqualTo(403);
    }

    @Test
    void aWithdrawalIsEscrowedThenMintedOnChainThenConfirmed() throws Exception {
        var alice = funded("BTA-UTIL", 100);
        var to = randomAddress();
        var w = api.post(
                "/api/bridge/withdrawals",
                Api.token(alice.value()),
                Api.json("tokenId", "BTA-UTIL", "amount", "40", "toAddress", to),
                UUID.randomUUID().toString());
        assertThat(w.status()).as(w.body()).isEqualTo(201);
        assertThat(w.text("status")).isEqualTo("REQUESTED");
        assertThat(w.text("entityId")).isEqualTo(alice.value());
        assertThat(w.text("toAddress")).isEqualTo(to);
        assertThat(balance(alice, "BTA-UTIL")).isEqualTo(Amount.of(60));
        assertConsistent();

        worker.send();
        var sent = api.get("/api/bridge/withdrawals/" + w.text("id"), Api.token(alice.value()));
        assertThat(sent.text("status")).isEqualTo("SUBMITTED");
        assertThat(sent.text("chainTxHash")).startsWith("0x");
        assertThat(chain.contracts().balanceOf(util, to)).isEqualTo(UNIT.multiply(BigInteger.valueOf(40)));
        assertConsistent();

        anvil.mine(CONFIRMATIONS);
        worker.follow();
        var confirmed = api.get("/api/bridge/withdrawals/" + w.text("id"), Api.token(alice.value()));
        assertThat(confirmed.text("status")).isEqualTo("CONFIRMED");
        assertThat(confirmed.json().get("chainBlockNumber").asLong()).isPositive();
        assertConsistent();

        // the holder's list; another user sees nothing of it
        var list = api.get("/api/bridge/withdrawals?limit=10", Api.token(alice.value()));
        assertThat(list.json().get("items")).hasSize(1);
        assertThat(api.get("/api/bridge/withdrawals/" + w.text("id"), Api.token("mallory"))
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/bridge/withdrawals?entityId=" + alice.value(), Api.token("mallory"))
                        .status())
                .isEqualTo(403);
        Invariants.assertHold(jdbc);
    }

    @Test
    void aDepositIsCreditedOnceWhenDeepEnoughAndNotAgainAfterARestart() throws Exception {
        var holder = holderOnChain();
        var bob = EntityId.of("bob-" + UUID.randomUUID());
        holder.approve(util, bridgeAddress, UNIT.multiply(BigInteger.valueOf(20)));
        holder.deposit(bridgeAddress, util, UNIT.multiply(BigInteger.valueOf(20)), bob.value());

        worker.follow();
        var seen = api.get("/api/bridge/deposits", Api.token(bob.value()));
        assertThat(seen.json()).hasSize(1);
        assertThat(seen.json().get(0).get("status").asString()).isEqualTo("SEEN");
        assertThat(balance(bob, "BTA-UTIL")).isEqualTo(Amount.ZERO);
        assertConsistent();

        anvil.mine(CONFIRMATIONS - 2); // the deposit's block and 10 more: 11 deep
        worker.follow();
        assertThat(balance(bob, "BTA-UTIL")).isEqualTo(Amount.ZERO);

        anvil.mine(1);
        worker.follow();
        var credited = api.get("/api/bridge/deposits?entityId=" + bob.value(), Api.token(bob.value()));
        assertThat(credited.json().get(0).get("status").asString()).isEqualTo("CREDITED");
        assertThat(credited.json().get(0).get("transactionId").asString()).isNotBlank();
        assertThat(balance(bob, "BTA-UTIL")).isEqualTo(Amount.of(20));
        assertConsistent();

        // a restart that lost the follower's cursor reads every deposit again: none is credited twice
        store.setNextBlock(chain.chainId(), 0, clock.instant());
        worker.follow();
        anvil.mine(CONFIRMATIONS);
        worker.follow();
        assertThat(balance(bob, "BTA-UTIL")).isEqualTo(Amount.of(20));
        assertThat(api.get("/api/bridge/deposits?entityId=" + bob.value(), Api.token(bob.value()))
                        .json())
                .hasSize(1);
        assertConsistent();
        Invariants.assertHold(jdbc);
    }

    @Test
    void depositsSpreadOverMoreBlocksThanOneLogRangeAreEachCreditedOnceInOnePass() throws Exception {
        var holder = holderOnChain();
        var dana = EntityId.of("dana-" + UUID.randomUUID());
        holder.approve(util, bridgeAddress, UNIT.multiply(BigInteger.valueOf(6)));
        long first = chain.contracts().blockNumber() + 1;
        for (int i = 1; i <= 3; i++) {
            holder.deposit(bridgeAddress, util, UNIT.multiply(BigInteger.valueOf(i)), dana.value());
            anvil.mine(LOG_RANGE + 2); // the next deposit is in another range
        }
        anvil.mine(CONFIRMATIONS);
        long head = chain.contracts().blockNumber();
        assertThat(head - first).as("the deposits span several log ranges").isGreaterThan(3L * LOG_RANGE);

        worker.follow(); // one pass: it pages through every range up to the head
        assertThat(balance(dana, "BTA-UTIL")).isEqualTo(Amount.of(6));
        var deposits = api.get("/api/bridge/deposits?entityId=" + dana.value(), Api.token(dana.value()));
        assertThat(deposits.json()).hasSize(3);
        deposits.json().forEach(d -> assertThat(d.get("status").asString()).isEqualTo("CREDITED"));
        assertThat(store.nextBlock(chain.chainId()).orElseThrow()).isGreaterThan(first + 2L * (LOG_RANGE + 2));

        // read again from before the first: each is still credited once
        store.setNextBlock(chain.chainId(), first - 1, clock.instant());
        worker.follow();
        assertThat(balance(dana, "BTA-UTIL")).isEqualTo(Amount.of(6));
        assertThat(api.get("/api/bridge/deposits?entityId=" + dana.value(), Api.token(dana.value()))
                        .json())
                .hasSize(3);
        assertConsistent();
    }

    @Test
    void aDepositWhoseBlockIsReplacedBeforeItsDepthIsNeverCredited() throws Exception {
        var holder = holderOnChain();
        var carol = EntityId.of("carol-" + UUID.randomUUID());
        var snapshot = anvil.rpc("evm_snapshot").asString();
        holder.approve(util, bridgeAddress, UNIT.multiply(BigInteger.valueOf(5)));
        holder.deposit(bridgeAddress, util, UNIT.multiply(BigInteger.valueOf(5)), carol.value());
        anvil.mine(3);
        worker.follow();
        assertThat(api.get("/api/bridge/deposits", Api.token(carol.value())).json())
                .hasSize(1);

        assertThat(anvil.rpc("evm_revert", snapshot).asBoolean()).isTrue();
        anvil.mine(CONFIRMATIONS + 5);
        worker.follow();
        worker.follow();
        assertThat(balance(carol, "BTA-UTIL")).isEqualTo(Amount.ZERO);
        assertThat(api.get("/api/bridge/deposits", Api.token(carol.value())).json())
                .isEmpty();
        assertConsistent();
    }

    @Test
    void aDepositToAnInvalidEntityIdIsHeldForAnAdmin() throws Exception {
        var holder = holderOnChain();
        var invalid = "not valid " + UUID.randomUUID();
        holder.approve(util, bridgeAddress, UNIT);
        holder.deposit(bridgeAddress, util, UNIT, invalid);
        anvil.mine(CONFIRMATIONS);
        worker.follow();
        var held = api.get(
                "/api/bridge/deposits?entityId="
                        + java.net.URLEncoder.encode(invalid, java.nio.charset.StandardCharsets.UTF_8),
                admin);
        assertThat(held.status()).as(held.body()).isEqualTo(200);
        assertThat(held.json().get(0).get("status").asString()).isEqualTo("HELD");
        assertConsistent();
    }

    @Test
    void anAdminReleasesAHeldDepositToAValidEntityOnce() throws Exception {
        var holder = holderOnChain();
        var invalid = "not valid " + UUID.randomUUID();
        holder.approve(util, bridgeAddress, UNIT.multiply(BigInteger.valueOf(3)));
        holder.deposit(bridgeAddress, util, UNIT.multiply(BigInteger.valueOf(3)), invalid);
        anvil.mine(CONFIRMATIONS);
        worker.follow();
        var listed = api.get(
                "/api/bridge/deposits?entityId="
                        + java.net.URLEncoder.encode(invalid, java.nio.charset.StandardCharsets.UTF_8),
                admin);
        var id = listed.json().get(0).get("id").asString();
        assertThat(listed.json().get(0).get("status").asString()).isEqualTo("HELD");
        var owner = EntityId.of("released-" + UUID.randomUUID().toString().substring(0, 8));
        var escrowBefore =
                ledger.balance(bridge.escrow(), ledger.resolve("BTA-UTIL")).total();
        var path = "/api/bridge/deposits/" + id + "/release";

        // only an admin, only to a valid entity, only a deposit that exists
        assertThat(api.post(path, Api.token(owner.value()), Api.json("entityId", owner.value()))
                        .status())
                .isEqualTo(403);
        var invalidTarget = api.post(path, admin, Api.json("entityId", "not valid"));
        assertThat(invalidTarget.status()).as(invalidTarget.body()).isEqualTo(400);
        var unknown = api.post(
                "/api/bridge/deposits/" + UUID.randomUUID() + "/release", admin, Api.json("entityId", owner.value()));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("UNKNOWN_DEPOSIT");
        assertThat(balance(owner, "BTA-UTIL")).isEqualTo(Amount.ZERO);

        var released = api.post(path, admin, Api.json("entityId", owner.value()));
        assertThat(released.status()).as(released.body()).isEqualTo(200);
        assertThat(released.text("status")).isEqualTo("CREDITED");
        assertThat(released.text("transactionId")).isNotBlank();
        assertThat(balance(owner, "BTA-UTIL")).isEqualTo(Amount.of(3));
        assertThat(ledger.balance(bridge.escrow(), ledger.resolve("BTA-UTIL")).total())
                .isEqualTo(escrowBefore.minus(Amount.of(3)));
        assertConsistent();

        // a second release is refused and moves nothing
        var again = api.post(path, admin, Api.json("entityId", owner.value()));
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("DEPOSIT_NOT_HELD");
        assertThat(balance(owner, "BTA-UTIL")).isEqualTo(Amount.of(3));

        // a deposit credited by the follower is not HELD either
        var credited = EntityId.of("credited-" + UUID.randomUUID().toString().substring(0, 8));
        holder.approve(util, bridgeAddress, UNIT);
        holder.deposit(bridgeAddress, util, UNIT, credited.value());
        anvil.mine(CONFIRMATIONS);
        worker.follow();
        var creditedId = api.get("/api/bridge/deposits?entityId=" + credited.value(), admin)
                .json()
                .get(0)
                .get("id")
                .asString();
        var notHeld =
                api.post("/api/bridge/deposits/" + creditedId + "/release", admin, Api.json("entityId", owner.value()));
        assertThat(notHeld.status()).isEqualTo(409);
        assertThat(notHeld.code()).isEqualTo("DEPOSIT_NOT_HELD");
        assertThat(balance(owner, "BTA-UTIL")).isEqualTo(Amount.of(3));
        assertThat(balance(credited, "BTA-UTIL")).isEqualTo(Amount.of(1));
        assertConsistent();
    }

    @Test
    void aWithdrawalOverTheBalanceIsTheLedgersRefusalWithNothingMovedAndNoWithdrawal() {
        var gina = funded("BTA-UTIL", 10);
        var utilId = ledger.resolve("BTA-UTIL");
        var escrowBefore = ledger.balance(bridge.escrow(), utilId).total();
        long rowsBefore = jdbc.sql("select count(*) from bridge_withdrawals")
                .query(Long.class)
                .single();
        var r = api.post(
                "/api/bridge/withdrawals",
                Api.token(gina.value()),
                Api.json("tokenId", "BTA-UTIL", "amount", "10.000000000000000001", "toAddress", randomAddress()),
                UUID.randomUUID().toString());
        assertThat(r.status()).as(r.body()).isEqualTo(409);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.code()).isEqualTo("INSUFFICIENT_BALANCE");
        assertThat(balance(gina, "BTA-UTIL")).isEqualTo(Amount.of(10));
        assertThat(ledger.balance(bridge.escrow(), utilId).total()).isEqualTo(escrowBefore);
        assertThat(jdbc.sql("select count(*) from bridge_withdrawals where entity_id = ?")
                        .param(gina.value())
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from bridge_withdrawals")
                        .query(Long.class)
                        .single())
                .isEqualTo(rowsBefore);
        assertThat(api.get("/api/bridge/withdrawals", Api.token(gina.value()))
                        .json()
                        .get("items")
                        .size())
                .isZero();
        assertConsistent();
    }

    @Test
    void aBatchSentAgainAfterACrashMintsEachWithdrawalOnce() throws Exception {
        var dave = funded("BTA-UTIL", 10);
        var to = randomAddress();
        var w = api.post(
                "/api/bridge/withdrawals",
                Api.token(dave.value()),
                Api.json("tokenId", "BTA-UTIL", "amount", "7", "toAddress", to));
        assertThat(w.status()).as(w.body()).isEqualTo(201);
        var row = bridge.withdrawalRow(UUID.fromString(w.text("id")));
        // the sender minted it and died before recording: the row is still REQUESTED
        var first = chain.contracts()
                .withdrawBatch(
                        bridgeAddress,
                        util,
                        List.of(new BridgeContracts.Withdrawal(
                                util, to, row.amount().units(), row.withdrawalId())));
        assertThat(first.minted()).hasSize(1);

        worker.send();
        var after = api.get("/api/bridge/withdrawals/" + w.text("id"), Api.token(dave.value()));
        assertThat(after.text("status")).isEqualTo("SUBMITTED");
        assertThat(after.text("chainTxHash")).isEqualTo(first.receipt().transactionHash());
        assertThat(chain.contracts().balanceOf(util, to)).isEqualTo(UNIT.multiply(BigInteger.valueOf(7)));
        assertConsistent();
    }

    @Test
    void pausingStopsWithdrawalsHereAndTheContractOnChain() throws Exception {
        var erin = funded("BTA-UTIL", 10);
        var paused = api.post("/api/bridge/pause", admin, "{}");
        assertThat(paused.status()).as(paused.body()).isEqualTo(200);
        assertThat(paused.json().get("paused").asBoolean()).isTrue();
        assertThat(chain.contracts().paused(bridgeAddress)).isTrue();
        try {
            var refused = api.post(
                    "/api/bridge/withdrawals",
                    Api.token(erin.value()),
                    Api.json("tokenId", "BTA-UTIL", "amount", "1", "toAddress", randomAddress()));
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.code()).isEqualTo("BRIDGE_PAUSED");
            assertThat(balance(erin, "BTA-UTIL")).isEqualTo(Amount.of(10));
            assertThat(api.post("/api/bridge/pause", Api.token(erin.value()), "{}")
                            .status())
                    .isEqualTo(403);
        } finally {
            var unpaused = api.post("/api/bridge/unpause", admin, "{}");
            assertThat(unpaused.json().get("paused").asBoolean()).isFalse();
        }
        assertThat(chain.contracts().paused(bridgeAddress)).isFalse();
    }

    @Test
    void badInputIsRefusedAndMovesNothing() {
        var frank = funded("BTA-UTIL", 10);
        var token = Api.token(frank.value());
        var good = randomAddress();
        var checksummed = Keys.toChecksumAddress(good);
        // one letter's case flipped breaks the checksum
        int letter = -1;
        for (int i = 2; i < checksummed.length(); i++) {
            if (Character.isLetter(checksummed.charAt(i))) {
                letter = i;
                break;
            }
        }
        String mistyped = null;
        if (letter > 0) {
            char c = checksummed.charAt(letter);
            mistyped = checksummed.substring(0, letter)
                    + (Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c))
                    + checksummed.substring(letter + 1);
        }
        record Case(String tokenId, String amount, String to, int status) {}
        var cases = new ArrayList<Case>(List.of(
                new Case("BTA-UTIL", "1", "0x1234", 400),
                new Case("BTA-UTIL", "1", "0x" + "0".repeat(40), 400),
                new Case("BTA-UTIL", "1", "0x" + "g".repeat(40), 400),
                new Case("BTA-UTIL", "0", good, 400),
                new Case("BTA-UTIL", "0.0000000000000000001", good, 400),
                new Case("BTA-UTIL", "11", good, 409), // the ledger's INSUFFICIENT_BALANCE
                new Case("BTA-UTIL", "1001", good, 422),
                new Case("BTA-GUAR", "1", good, 422)));
        if (mistyped != null) {
            cases.add(new Case("BTA-UTIL", "1", mistyped, 400));
        }
        for (var c : cases) {
            var r = api.post(
                    "/api/bridge/withdrawals",
                    token,
                    Api.json("tokenId", c.tokenId(), "amount", c.amount(), "toAddress", c.to()));
            assertThat(r.status()).as(c + ": " + r.body()).isEqualTo(c.status());
            assertThat(r.isProblem()).isTrue();
        }
        assertThat(balance(frank, "BTA-UTIL")).isEqualTo(Amount.of(10));
        // a valid checksummed address and one base unit go through
        var ok = api.post(
                "/api/bridge/withdrawals",
                token,
                Api.json("tokenId", "BTA-UTIL", "amount", "0.000000000000000001", "toAddress", checksummed));
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        assertThat(ok.text("toAddress")).isEqualTo(good);
    }

    @Test
    void theDailyOutflowIsLimitedPerTokenOverARolling24Hours() throws Exception {
        clock.advance(Duration.ofDays(2)); // out of any earlier test's window
        var gina = funded("BTA-GOV", 5000);
        var token = Api.token(gina.value());
        for (int i = 0; i < 3; i++) {
            var r = api.post(
                    "/api/bridge/withdrawals",
                    token,
                    Api.json("tokenId", "BTA-GOV", "amount", "1000", "toAddress", randomAddress()));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        var over = api.post(
                "/api/bridge/withdrawals",
                token,
                Api.json("tokenId", "BTA-GOV", "amount", "1", "toAddress", randomAddress()));
        assertThat(over.status()).isEqualTo(422);
        assertThat(over.code()).isEqualTo("WITHDRAWAL_LIMIT");
        assertThat(balance(gina, "BTA-GOV")).isEqualTo(Amount.of(2000));

        clock.advance(Duration.ofHours(24).plusSeconds(1));
        var later = api.post(
                "/api/bridge/withdrawals",
                token,
                Api.json("tokenId", "BTA-GOV", "amount", "1", "toAddress", randomAddress()));
        assertThat(later.status()).as(later.body()).isEqualTo(201);
        worker.send();
        assertConsistent();
    }

    @Test
    void sixteenConcurrentWithdrawalsAreEachMintedOnce() throws Exception {
        int n = 16;
        var holders = new ArrayList<EntityId>();
        var addresses = new ArrayList<String>();
        for (int i = 0; i < n; i++) {
            holders.add(funded("BTA-UTIL", 5));
            addresses.add(randomAddress());
        }
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(n);
        try {
            var futures = new ArrayList<java.util.concurrent.Future<Api.Response>>();
            for (int i = 0; i < n; i++) {
                int k = i;
                Callable<Api.Response> call = () -> {
                    start.await();
                    return api.post(
                            "/api/bridge/withdrawals",
                            Api.token(holders.get(k).value()),
                            Api.json("tokenId", "BTA-UTIL", "amount", "3", "toAddress", addresses.get(k)),
                            UUID.randomUUID().toString());
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            var ids = new ArrayList<String>();
            for (var f : futures) {
                var r = f.get();
                assertThat(r.status()).as(r.body()).isEqualTo(201);
                ids.add(r.text("id"));
            }
            assertConsistent();
            worker.send();
            worker.send(); // a second pass finds nothing to send
            for (int i = 0; i < n; i++) {
                assertThat(chain.contracts().balanceOf(util, addresses.get(i)))
                        .isEqualTo(UNIT.multiply(BigInteger.valueOf(3)));
                var row = bridge.withdrawalRow(UUID.fromString(ids.get(i)));
                assertThat(chain.contracts().processed(bridgeAddress, row.withdrawalId()))
                        .isTrue();
                assertThat(row.status().name()).isEqualTo("SUBMITTED");
            }
            assertConsistent();
        } finally {
            pool.shutdownNow();
        }
        Invariants.assertHold(jdbc);
    }

    @Test
    void aPausedTokenIsPausedOnChainTooAndItsWithdrawalsWait() throws Exception {
        var holder = funded("BTA-GOV", 10);
        var before = api.post(
                "/api/bridge/withdrawals",
                Api.token(holder.value()),
                Api.json("tokenId", "BTA-GOV", "amount", "2", "toAddress", randomAddress()));
        assertThat(before.status()).as(before.body()).isEqualTo(201);
        assertThat(api.post("/api/tokens/BTA-GOV/pause", admin, "{\"reason\":\"incident\"}")
                        .status())
                .isEqualTo(200);
        try {
            var refused = api.post(
                    "/api/bridge/withdrawals",
                    Api.token(holder.value()),
                    Api.json("tokenId", "BTA-GOV", "amount", "1", "toAddress", randomAddress()));
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.code()).isEqualTo("TOKEN_PAUSED");
            assertThat(worker.send()).as("the paused token's withdrawal waits").isZero();
            assertThat(chain.contracts().paused(gov)).isTrue();
            assertThat(chain.contracts().paused(util)).isFalse();
        } finally {
            assertThat(api.post("/api/tokens/BTA-GOV/unpause", admin, null).status())
                    .isEqualTo(200);
        }
        assertThat(worker.send()).isEqualTo(1);
        assertThat(chain.contracts().paused(gov)).isFalse();
        assertConsistent();
    }

    @Test
    void governanceMayPauseAndUnpauseTheBridgeAndTheSenderBringsTheChainAlong() throws Exception {
        var pause = action("PAUSE_BRIDGE");
        var unpause = action("UNPAUSE_BRIDGE");
        assertThat(pause.validate(java.util.Map.of())).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> pause.validate(java.util.Map.of("x", "1")))
                .isInstanceOf(IllegalArgumentException.class);
        var holder = funded("BTA-UTIL", 5);
        var execution = new ProposalActionType.Execution(
                new io.bta.tokenomics.governance.ProposalId(UUID.randomUUID()), EntityId.of("admin"));
        pause.execute(java.util.Map.of(), execution);
        try {
            assertThat(bridge.status().paused()).isTrue();
            var refused = api.post(
                    "/api/bridge/withdrawals",
                    Api.token(holder.value()),
                    Api.json("tokenId", "BTA-UTIL", "amount", "1", "toAddress", randomAddress()));
            assertThat(refused.code()).isEqualTo("BRIDGE_PAUSED");
            worker.send();
            assertThat(chain.contracts().paused(bridgeAddress)).isTrue();
        } finally {
            unpause.execute(java.util.Map.of(), execution);
        }
        worker.send();
        assertThat(chain.contracts().paused(bridgeAddress)).isFalse();
        assertThat(bridge.status().paused()).isFalse();
    }

    @Test
    void theWithdrawalMaximumIsAGovernedParameter() {
        var max = parameter("bridge.withdrawal-max.BTA-REWARD");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> max.validate("0"))
                .isInstanceOf(IllegalArgumentException.class);
        max.apply("5");
        var holder = EntityId.of("holder-" + UUID.randomUUID());
        ledger.mint(ledger.resolve("BTA-REWARD"), holder, Amount.of(10), "test funds", EntityId.of("admin"));
        var over = api.post(
                "/api/bridge/withdrawals",
                Api.token(holder.value()),
                Api.json("tokenId", "BTA-REWARD", "amount", "6", "toAddress", randomAddress()));
        assertThat(over.status()).isEqualTo(422);
        assertThat(over.code()).isEqualTo("WITHDRAWAL_LIMIT");
        assertThat(balance(holder, "BTA-REWARD")).isEqualTo(Amount.of(10));
        var within = api.post(
                "/api/bridge/withdrawals",
                Api.token(holder.value()),
                Api.json("tokenId", "BTA-REWARD", "amount", "5", "toAddress", randomAddress()));
        assertThat(within.status()).as(within.body()).isEqualTo(201);
        worker.send();
        assertConsistent();
    }

    @Test
    void aBatchTheContractRefusesFailsAndGoesBackToItsHolders() throws Exception {
        var reward = chain.contracts().bridgeable(bridgeAddress, rewardAddress()) ? rewardAddress() : null;
        assertThat(reward).isNotNull();
        var holder = EntityId.of("holder-" + UUID.randomUUID());
        ledger.mint(ledger.resolve("BTA-REWARD"), holder, Amount.of(10), "test funds", EntityId.of("admin"));
        var w = api.post(
                "/api/bridge/withdrawals",
                Api.token(holder.value()),
                Api.json("tokenId", "BTA-REWARD", "amount", "4", "toAddress", randomAddress()));
        assertThat(w.status()).as(w.body()).isEqualTo(201);
        assertThat(balance(holder, "BTA-REWARD")).isEqualTo(Amount.of(6));
        chain.contracts().unregisterToken(bridgeAddress, reward);
        try {
            worker.send();
        } finally {
            chain.contracts().registerToken(bridgeAddress, reward);
        }
        var failed = api.get("/api/bridge/withdrawals/" + w.text("id"), Api.token(holder.value()));
        assertThat(failed.text("status")).isEqualTo("FAILED");
        assertThat(balance(holder, "BTA-REWARD")).isEqualTo(Amount.of(10));
        assertConsistent();
        Invariants.assertHold(jdbc);
    }

    @Test
    void theHealthComponentAndTheGaugeTurnRedWhenTheEscrowDoesNotReconcile() {
        jobs.record(bridge.reconciliation());
        assertThat(health.health().getStatus().getCode()).isEqualTo("UP");
        assertThat(meters.get("bridge.reconciliation.consistent")
                        .tag("token", "BTA-UTIL")
                        .gauge()
                        .value())
                .isEqualTo(1);

        var real = bridge.reconciliation();
        var broken = new ArrayList<Reconciliation>();
        for (var r : real) {
            broken.add(
                    r.symbol().equals("BTA-UTIL")
                            ? Reconciliation.of(
                                    r.tokenId(),
                                    r.symbol(),
                                    r.escrowed().plus(Amount.of(1)),
                                    r.onChainSupply(),
                                    r.withdrawalsInFlight(),
                                    r.depositsInFlight())
                            : r);
        }
        jobs.record(broken);
        try {
            assertThat(health.health().getStatus().getCode()).isEqualTo("DOWN");
            assertThat(meters.get("bridge.reconciliation.consistent")
                            .tag("token", "BTA-UTIL")
                            .gauge()
                            .value())
                    .isEqualTo(0);
        } finally {
            jobs.record(real);
        }
    }

    @Test
    void aWithdrawalRepeatedWithItsIdempotencyKeyIsMadeOnce() {
        var holder = funded("BTA-UTIL", 10);
        var key = UUID.randomUUID().toString();
        var body = Api.json("tokenId", "BTA-UTIL", "amount", "2", "toAddress", randomAddress());
        var first = api.post("/api/bridge/withdrawals", Api.token(holder.value()), body, key);
        var again = api.post("/api/bridge/withdrawals", Api.token(holder.value()), body, key);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.text("id")).isEqualTo(first.text("id"));
        assertThat(balance(holder, "BTA-UTIL")).isEqualTo(Amount.of(8));
        assertThat(api.get("/api/bridge/withdrawals", Api.token(holder.value()))
                        .json()
                        .get("items"))
                .hasSize(1);
    }

    @Test
    void everyEndpointNeedsACallerAndTheAdminOnesAnAdmin() {
        var user = Api.token("user-" + UUID.randomUUID());
        record Call(String method, String path, boolean adminOnly) {}
        var calls = List.of(
                new Call("GET", "/api/bridge", false),
                new Call("POST", "/api/bridge/deploy", true),
                new Call("POST", "/api/bridge/withdrawals", false),
                new Call("GET", "/api/bridge/withdrawals/" + UUID.randomUUID(), false),
                new Call("GET", "/api/bridge/withdrawals", false),
                new Call("GET", "/api/bridge/deposits", false),
                new Call("GET", "/api/bridge/reconciliation", true),
                new Call("POST", "/api/bridge/pause", true),
                new Call("POST", "/api/bridge/unpause", true));
        for (var c : calls) {
            var anonymous = c.method().equals("GET") ? api.get(c.path(), null) : api.post(c.path(), null, "{}");
            assertThat(anonymous.status()).as("anonymous " + c).isEqualTo(401);
            if (c.adminOnly()) {
                var asUser = c.method().equals("GET") ? api.get(c.path(), user) : api.post(c.path(), user, "{}");
                assertThat(asUser.status()).as("user " + c).isEqualTo(403);
            }
        }
        assertThat(bridge.status().paused()).isFalse();
    }

    /**
     * The hostile-input suite walks the default context, where the bridge is off; here the
     * bridge's endpoints get the same kinds of input (broken JSON, wrong JSON types, odd numbers
     * and addresses, oversized and control-character text, non-canonical ids), each answered by a
     * 4xx problem with nothing moved and no row written. An amount sent as a JSON number is not
     * among them: it is valid, as everywhere (ADR 0019).
     */
    @Test
    void hostileInputToTheBridgesEndpointsIsA4xxProblemAndChangesNothing() {
        var holder = funded("BTA-UTIL", 10);
        var token = Api.token(holder.value());
        var to = randomAddress();
        var withdrawals = List.of(
                "{",
                "[]",
                "null",
                "\"text\"",
                "{\"tokenId\":[\"BTA-UTIL\"],\"amount\":\"1\",\"toAddress\":\"" + to + "\"}",
                "{\"tokenId\":\"BTA-UTIL\",\"amount\":\"1\",\"toAddress\":{\"a\":1}}",
                "{\"tokenId\":\"BTA-UTIL\",\"amount\":\"1e3\",\"toAddress\":\"" + to + "\"}",
                "{\"tokenId\":\"BTA-UTIL\",\"amount\":\"-1\",\"toAddress\":\"" + to + "\"}",
                "{\"tokenId\":\"BTA-UTIL\",\"amount\":\"NaN\",\"toAddress\":\"" + to + "\"}",
                "{\"tokenId\":\"BTA-UTIL\",\"amount\":\"" + "9".repeat(80) + "\",\"toAddress\":\"" + to + "\"}",
                "{\"tokenId\":\"BTA-UTIL\",\"amount\":\"1\",\"toAddress\":\"" + to + "0\"}",
                "{\"tokenId\":\"BTA-UTIL\",\"amount\":\"1\",\"toAddress\":\"0x" + "\uff11".repeat(40) + "\"}",
                "{\"tokenId\":\"BTA-UTIL\",\"amount\":\"1\",\"toAddress\":\" " + to + "\\u0000\"}",
                "{\"tokenId\":\"" + "A".repeat(10_000) + "\",\"amount\":\"1\",\"toAddress\":\"" + to + "\"}",
                "{\"tokenId\":\"BTA-UTIL\",\"amount\":\"1\",\"toAddress\":\"" + to
                        + "\",\"fromEntityId\":\"../treasury\"}",
                "{\"tokenId\":\"BTA-UTIL\",\"amount\":\"1\",\"toAddress\":\"" + to
                        + "\",\"fromEntityId\":\"treasury\"}");
        long withdrawalRows = jdbc.sql("select count(*) from bridge_withdrawals")
                .query(Long.class)
                .single();
        var refused = new ArrayList<String>();
        for (var body : withdrawals) {
            var r = api.post("/api/bridge/withdrawals", token, body);
            if (r.status() < 400 || r.status() >= 500 || !r.isProblem()) {
                refused.add("withdrawal " + abbreviated(body) + " -> " + r.status() + " " + r.body());
            }
        }
        var releases = List.of(
                "{",
                "{\"entityId\":1}",
                "{\"entityId\":\"a\\u0000b\"}",
                "{\"entityId\":\"" + "e".repeat(10_000) + "\"}");
        for (var body : releases) {
            var r = api.post("/api/bridge/deposits/" + UUID.randomUUID() + "/release", admin, body);
            if (r.status() < 400 || r.status() >= 500 || !r.isProblem()) {
                refused.add("release " + abbreviated(body) + " -> " + r.status() + " " + r.body());
            }
        }
        for (var path : List.of(
                "/api/bridge/withdrawals/1-2-3-4-5",
                "/api/bridge/withdrawals/" + "f".repeat(5000),
                "/api/bridge/withdrawals?limit=-1",
                "/api/bridge/withdrawals?limit=abc",
                "/api/bridge/withdrawals?cursor=%00%01",
                "/api/bridge/deposits?limit=100000")) {
            var r = api.get(path, token);
            if (r.status() < 400 || r.status() >= 500 || !r.isProblem()) {
                refused.add("GET " + abbreviated(path) + " -> " + r.status() + " " + abbreviated(r.body()));
            }
        }
        var release = api.post("/api/bridge/deposits/1-2-3-4-5/release", admin, Api.json("entityId", "x"));
        if (release.status() != 404) {
            refused.add("release of a non-canonical id -> " + release.status());
        }
        assertThat(refused).as("hostile inputs not refused with a 4xx problem").isEmpty();
        assertThat(balance(holder, "BTA-UTIL")).isEqualTo(Amount.of(10));
        assertThat(jdbc.sql("select count(*) from bridge_withdrawals")
                        .query(Long.class)
                        .single())
                .isEqualTo(withdrawalRows);
        assertConsistent();
        Invariants.assertHold(jdbc);
    }

    static String abbreviated(String s) {
        return s.length() <= 120 ? s : s.substring(0, 120) + "…";
    }

    @Test
    void aSecondInstanceRunsNoPassWhileTheFirstHoldsTheBridgesJob() {
        var lease = Duration.ofMinutes(2);
        var properties = new BridgeProperties(
                true,
                CONFIRMATIONS,
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                100,
                5000,
                "bridge-escrow",
                null,
                null,
                0,
                "1000",
                "3000",
                lease,
                null,
                null,
                null);
        var second = new BridgeJobs(worker, bridge, properties, meters, jobRuns);
        var firstRan = new java.util.concurrent.atomic.AtomicInteger();
        var secondRan = new java.util.concurrent.atomic.AtomicInteger();
        try {
            assertThat(jobs.runHeld("test", firstRan::incrementAndGet)).isTrue();
            assertThat(second.runHeld("test", secondRan::incrementAndGet)).isFalse();
            // the holder renews on each pass; the other keeps skipping
            clock.advance(Duration.ofMinutes(1));
            assertThat(jobs.runHeld("test", firstRan::incrementAndGet)).isTrue();
            clock.advance(Duration.ofMinutes(1));
            assertThat(second.runHeld("test", secondRan::incrementAndGet)).isFalse();
            assertThat(firstRan).hasValue(2);
            assertThat(secondRan).hasValue(0);
            assertThat(jdbc.sql("select claimed_by from job_runs where job = ?")
                            .param(BridgeJobs.JOB)
                            .query(String.class)
                            .list())
                    .containsExactly(jobs.holder());

            // a holder that stops renewing (it died) loses the job after the lease
            clock.advance(lease.plusSeconds(1));
            assertThat(second.runHeld("test", secondRan::incrementAndGet)).isTrue();
            assertThat(jobs.runHeld("test", firstRan::incrementAndGet)).isFalse();
            assertThat(firstRan).hasValue(2);
            assertThat(secondRan).hasValue(1);

            // one that lets go hands it over at once
            jobRuns.letGo(BridgeJobs.JOB, second.holder());
            assertThat(jobs.runHeld("test", firstRan::incrementAndGet)).isTrue();
            assertThat(second.runHeld("test", secondRan::incrementAndGet)).isFalse();
        } finally {
            jobRuns.letGo(BridgeJobs.JOB, second.holder());
        }
    }

    // ---- helpers

    @Autowired
    io.bta.tokenomics.shared.scheduling.JobRuns jobRuns;

    @Autowired
    java.util.List<ProposalActionType> actions;

    @Autowired
    java.util.List<GovernedParameters> parameters;

    @Autowired
    BridgeJobs jobs;

    @Autowired
    BridgeHealthIndicator health;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    ProposalActionType action(String type) {
        return actions.stream().filter(a -> a.type().equals(type)).findFirst().orElseThrow();
    }

    GovernedParameter parameter(String key) {
        return parameters.stream()
                .flatMap(p -> p.all().stream())
                .filter(p -> p.key().equals(key))
                .findFirst()
                .orElseThrow();
    }

    String rewardAddress() {
        return bridge.status().tokens().stream()
                .filter(t -> t.symbol().equals("BTA-REWARD"))
                .findFirst()
                .orElseThrow()
                .contractAddress();
    }

    /** An entity holding {@code amount} of {@code symbol}, from the treasury. */
    EntityId funded(String symbol, long amount) {
        var entity = EntityId.of("holder-" + UUID.randomUUID());
        ledger.transfer(
                ledger.resolve(symbol),
                ledger.treasury(),
                entity,
                Amount.of(amount),
                "test funds",
                EntityId.of("admin"));
        return entity;
    }

    Amount balance(EntityId entity, String symbol) {
        return ledger.balance(entity, ledger.resolve(symbol)).available();
    }

    /**
     * Anvil's second account, holding 30 BTA-UTIL on chain, withdrawn to it through the service and
     * minted; a client that signs as it.
     */
    BridgeContracts holderOnChain() throws Exception {
        var holder = BridgeContracts.connect(anvil.rpcUrl(), AnvilNode.KEY_1, Duration.ofSeconds(10));
        var source = funded("BTA-UTIL", 30);
        var w = api.post(
                "/api/bridge/withdrawals",
                Api.token(source.value()),
                Api.json("tokenId", "BTA-UTIL", "amount", "30", "toAddress", holder.address()));
        assertThat(w.status()).as(w.body()).isEqualTo(201);
        worker.send();
        assertThat(chain.contracts().balanceOf(util, holder.address()))
                .isGreaterThanOrEqualTo(UNIT.multiply(BigInteger.valueOf(30)));
        return holder;
    }

    void assertConsistent() {
        var r = api.get("/api/bridge/reconciliation", admin);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        for (Reconciliation each : bridge.reconciliation()) {
            assertThat(each.consistent()).as(each.toString()).isTrue();
        }
        for (var each : r.json()) {
            assertThat(each.get("consistent").asBoolean()).as(each.toString()).isTrue();
        }
    }

    static String randomAddress() {
        var bytes = new byte[20];
        ThreadLocalRandom.current().nextBytes(bytes);
        return "0x" + HexFormat.of().formatHex(bytes);
    }
}
