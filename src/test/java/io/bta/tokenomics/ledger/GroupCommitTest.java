package io.bta.tokenomics.ledger;

import static io.bta.tokenomics.support.Api.json;
import static io.bta.tokenomics.support.Api.token;
import static org.assertj.core.api.Assertions.assertThat;

import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.IntegrationTest;
import io.bta.tokenomics.support.Invariants;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit: operations queued while the writer is busy are applied together, in one database
 * transaction, each with its own outcome. To make "together" certain, the test holds the ledger
 * head's row lock (as a slow commit would): the writer's current batch waits on it, everything
 * submitted meanwhile queues, and once the lock is released the queue is applied as one batch.
 */
@IntegrationTest
class GroupCommitTest {

    static final EntityId ADMIN = EntityId.of("admin");

    @LocalServerPort
    int port;

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    MeterRegistry meters;

    Api api;
    TokenId util;
    ExecutorService pool = Executors.newCachedThreadPool();

    @BeforeEach
    void setUp() {
        api = new Api(port);
        ledger.initializeTokens(ADMIN);
        util = ledger.resolve("BTA-UTIL");
    }

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
        Invariants.assertHold(jdbc);
        Invariants.assertHistoryReplaysToBalances(jdbc);
    }

    EntityId funded(String name, long amount) {
        var entity = EntityId.of(name + "-" + UUID.randomUUID());
        if (amount > 0) {
            ledger.transfer(util, ledger.treasury(), entity, Amount.of(amount), "funding", ADMIN);
        }
        return entity;
    }

    /** Holds the head's lock until the returned latch is counted down; the writer blocks on it. */
    CountDownLatch holdHead() throws Exception {
        var a = funded("plug-a", 10);
        var held = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        pool.submit(() -> transactions.executeWithoutResult(tx -> {
            jdbc.sql("select last_sequence from ledger_head for update")
                    .query(Long.class)
                    .single();
            held.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
        // a plug: the writer takes it alone and blocks on the head, so what follows queues up
        var b = EntityId.of("plug-b-" + UUID.randomUUID());
        ledger.submit(new LedgerOperation.Transfer(util, a, b, Amount.of(1), "plug", ADMIN));
        await(() -> queued() == 0 && writerIsWaitingForALock());
        return release;
    }

    boolean writerIsWaitingForALock() {
        return jdbc.sql(
                                "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like '%ledger_head%'")
                        .query(Long.class)
                        .single()
                > 0;
    }

    double queued() {
        return meters.get("ledger.group_commit.queued").gauge().value();
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 3000 && !condition.getAsBoolean(); i++) {
            Thread.sleep(10); // polling a condition, not waiting for time to pass
        }
        assertThat(condition.getAsBoolean()).as("condition reached").isTrue();
    }

    @Test
    void aRefusedOperationInABatchFailsAloneAndTheOthersCommitTogether() throws Exception {
        var alice = funded("alice", 100);
        var bob = funded("bob", 0);
        var carol = funded("carol", 5);
        var release = holdHead();

        var ops = List.<LedgerOperation>of(
                new LedgerOperation.Transfer(util, alice, bob, Amount.of(60), null, ADMIN),
                new LedgerOperation.Transfer(util, carol, bob, Amount.of(6), null, ADMIN), // overdraft
                new LedgerOperation.Transfer(util, bob, carol, Amount.of(50), null, ADMIN), // needs the first
                new LedgerOperation.Transfer(util, alice, carol, Amount.of(41), null, ADMIN), // overdraft now
                new LedgerOperation.Lock(util, carol, Amount.of(55), null, ADMIN));
        var futures = new ArrayList<CompletableFuture<OperationOutcome>>();
        for (var op : ops) {
            futures.add(ledger.submit(op));
        }
        await(() -> queued() == ops.size());
        release.countDown();

        var outcomes = futures.stream().map(CompletableFuture::join).toList();
        assertThat(outcomes.get(0)).isInstanceOf(OperationOutcome.Applied.class);
        assertThat(outcomes.get(1)).isInstanceOfSatisfying(OperationOutcome.Refused.class, r -> assertThat(
                        r.reason().code())
                .isEqualTo("INSUFFICIENT_BALANCE"));
        assertThat(outcomes.get(2)).isInstanceOf(OperationOutcome.Applied.class);
        assertThat(outcomes.get(3)).isInstanceOf(OperationOutcome.Refused.class);
        assertThat(outcomes.get(4)).isInstanceOf(OperationOutcome.Applied.class);

        var sequences = outcomes.stream()
                .filter(o -> o instanceof OperationOutcome.Applied)
                .map(o -> ((OperationOutcome.Applied) o).transaction().sequence())
                .toList();
        assertThat(sequences.get(1)).isEqualTo(sequences.get(0) + 1);
        assertThat(sequences.get(2)).isEqualTo(sequences.get(0) + 2);
        // one database transaction for all three: the rows share the inserting transaction id
        var writers = jdbc.sql(
                        "select count(distinct xmin::text) from ledger_transactions where sequence = any(?::bigint[])")
                .param(sequences.stream().map(String::valueOf).toArray(String[]::new))
                .query(Long.class)
                .single();
        assertThat(writers).isEqualTo(1);
        assertThat(ledger.balance(alice, util).available()).isEqualTo(Amount.of(40));
        assertThat(ledger.balance(bob, util).available()).isEqualTo(Amount.of(10));
        assertThat(ledger.balance(carol, util).available()).isEqualTo(Amount.ZERO);
        assertThat(ledger.balance(carol, util).locked()).isEqualTo(Amount.of(55));
    }

    @Test
    void requestsInOneBatchKeepTheirOwnAnswersAndTheirIdempotencyKeys() throws Exception {
        var alice = funded("alice", 100);
        var bob = funded("bob", 0);
        var poor = funded("poor", 1);
        var aliceToken = token(alice.value());
        var release = holdHead();

        var key = "k-" + UUID.randomUUID();
        var pay = json("toEntityId", bob.value(), "tokenId", "BTA-UTIL", "amount", "7");
        var first = pool.submit(() -> api.post("/api/tokens/transfer", aliceToken, pay, key));
        await(() -> queued() == 1);
        var duplicate = pool.submit(() -> api.post("/api/tokens/transfer", aliceToken, pay, key));
        await(() -> queued() == 2);
        var refused = pool.submit(() -> api.post(
                "/api/tokens/transfer",
                token(poor.value()),
                json("toEntityId", bob.value(), "tokenId", "BTA-UTIL", "amount", "2"),
                "k-" + UUID.randomUUID()));
        var unkeyed = pool.submit(() -> api.post(
                "/api/tokens/transfer",
                aliceToken,
                json("toEntityId", bob.value(), "tokenId", "BTA-UTIL", "amount", "3")));
        await(() -> queued() == 4);
        release.countDown();

        var applied = first.get(30, TimeUnit.SECONDS);
        assertThat(applied.status()).isEqualTo(201);
        assertThat(duplicate.get(30, TimeUnit.SECONDS).status()).isEqualTo(409);
        assertThat(duplicate.get().code()).isEqualTo("IDEMPOTENCY_REQUEST_IN_PROGRESS");
        assertThat(refused.get(30, TimeUnit.SECONDS).status()).isEqualTo(409);
        assertThat(refused.get().code()).isEqualTo("INSUFFICIENT_BALANCE");
        assertThat(refused.get().isProblem()).isTrue();
        assertThat(unkeyed.get(30, TimeUnit.SECONDS).status()).isEqualTo(201);

        // the retry, in a later batch, gets the stored answer byte for byte
        var retry = api.post("/api/tokens/transfer", aliceToken, pay, key);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.body()).isEqualTo(applied.body());
        var otherBody = api.post(
                "/api/tokens/transfer",
                aliceToken,
                json("toEntityId", bob.value(), "tokenId", "BTA-UTIL", "amount", "8"),
                key);
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(ledger.balance(bob, util).available()).isEqualTo(Amount.of(10)); // 7 + 3, once each
        assertThat(ledger.balance(poor, util).available()).isEqualTo(Amount.of(1));
    }

    @Test
    void aRequestRefusedBeforeItsBatchIsRememberedUnderItsKey() {
        var alice = funded("alice", 10);
        var key = "k-" + UUID.randomUUID();
        var body = json("toEntityId", "not a valid id!", "tokenId", "BTA-UTIL", "amount", "1");
        var first = api.post("/api/tokens/transfer", token(alice.value()), body, key);
        assertThat(first.status()).isEqualTo(400);
        var retry = api.post("/api/tokens/transfer", token(alice.value()), body, key);
        assertThat(retry.status()).isEqualTo(400);
        assertThat(retry.header("Idempotent-Replayed")).isNull(); // answered the same way again
        assertThat(jdbc.sql("select response_status from idempotency_keys where caller = ? and key = ?")
                        .param(alice.value())
                        .param(key)
                        .query(Integer.class)
                        .single())
                .isEqualTo(400);
    }

    @Test
    void aBalanceRowCreatedByARolledBackTransactionIsCreatedAgainLater() {
        var payer = funded("payer", 100);
        var payee = EntityId.of("new-payee-" + UUID.randomUUID());
        // The transfer creates the payee's balance row, then its transaction rolls back: the row is
        // gone, and the writer must not take it for an existing one afterwards.
        try {
            transactions.executeWithoutResult(s -> {
                ledger.transfer(util, payer, payee, Amount.of(1), "rolled back", ADMIN);
                throw new IllegalStateException("roll back");
            });
        } catch (IllegalStateException expected) {
            assertThat(expected).hasMessage("roll back");
        }
        assertThat(jdbc.sql("select count(*) from ledger_balances where entity_id = ?")
                        .param(payee.value())
                        .query(Long.class)
                        .single())
                .isZero();
        // Once through group commit, once inside a transaction.
        ledger.transfer(util, payer, payee, Amount.of(2), "after the rollback", ADMIN);
        transactions.executeWithoutResult(
                s -> ledger.transfer(util, payer, payee, Amount.of(3), "inside a transaction", ADMIN));
        assertThat(ledger.balance(payee, util).available()).isEqualTo(Amount.of(5));
    }
}
