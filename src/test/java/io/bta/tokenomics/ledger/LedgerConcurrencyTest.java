package io.bta.tokenomics.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.error.DomainProblem;
import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.IntegrationTest;
import io.bta.tokenomics.support.Invariants;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Many writers on a handful of accounts at once, with readers alongside: nothing is overdrawn,
 * nothing is lost, nothing deadlocks, and every read sees the same total. Writers mix BTA-UTIL
 * transfers, locks and unlocks (whose total must stay constant) with BTA-GUAR transfers, mints and
 * burns (which take the token row's lock while others insert rows that refer to it).
 */
@IntegrationTest
class LedgerConcurrencyTest {

    static final int ACCOUNTS = 6;
    static final int WRITERS = 16;
    static final int OPERATIONS_PER_WRITER = 250;
    static final int HTTP_WRITERS = 2;
    static final int HTTP_OPERATIONS_PER_WRITER = 60;
    static final int READERS = 3;
    static final Amount FUNDING = Amount.of(1000);

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    TokenId util;
    TokenId guar;
    List<EntityId> accounts;
    final AtomicInteger applied = new AtomicInteger();
    final AtomicInteger refused = new AtomicInteger();
    final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();

    @Test
    void randomConcurrentOperationsKeepEveryInvariantAndLoseNothing() throws Exception {
        ledger.initializeTokens(EntityId.of("admin"));
        util = ledger.resolve("BTA-UTIL");
        guar = ledger.resolve("BTA-GUAR");
        var prefix = "conc-" + UUID.randomUUID() + "-";
        accounts = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            var account = EntityId.of(prefix + i);
            accounts.add(account);
            ledger.transfer(util, ledger.treasury(), account, FUNDING, "funding", EntityId.of("admin"));
        }
        var utilTotal = FUNDING.toBigDecimal().multiply(BigDecimal.valueOf(ACCOUNTS));
        var api = new Api(port);

        var badReads = new ConcurrentLinkedQueue<String>();
        var reads = new AtomicInteger();
        var writersDone = new AtomicBoolean();
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(WRITERS + HTTP_WRITERS + READERS);
        var writers = new ArrayList<java.util.concurrent.Future<?>>();

        for (int w = 0; w < WRITERS; w++) {
            var random = new Random(w);
            writers.add(pool.submit(guarded(start, () -> {
                for (int i = 0; i < OPERATIONS_PER_WRITER; i++) {
                    writeOnce(random);
                }
            })));
        }
        for (int w = 0; w < HTTP_WRITERS; w++) {
            var random = new Random(100 + w);
            writers.add(pool.submit(guarded(start, () -> {
                for (int i = 0; i < HTTP_OPERATIONS_PER_WRITER; i++) {
                    var from = accounts.get(random.nextInt(ACCOUNTS));
                    var to = accounts.get((accounts.indexOf(from) + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS);
                    var r = api.post(
                            "/api/tokens/transfer",
                            Api.token(from.value()),
                            Api.json(
                                    "toEntityId",
                                    to.value(),
                                    "tokenId",
                                    "BTA-UTIL",
                                    "amount",
                                    randomAmount(random).toString()));
                    if (r.status() == 201) {
                        applied.incrementAndGet();
                    } else if (r.status() == 409 && "INSUFFICIENT_BALANCE".equals(r.code())) {
                        refused.incrementAndGet();
                    } else {
                        failures.add(new AssertionError("HTTP " + r.status() + " " + r.body()));
                    }
                }
            })));
        }
        for (int r = 0; r < READERS; r++) {
            pool.submit(guarded(start, () -> {
                while (!writersDone.get()) {
                    var row = jdbc.sql(
                                    """
                                    select sum(available + locked), min(least(available, locked))
                                    from ledger_balances where entity_id like ? and token_id = ?
                                    """)
                            .param(prefix + "%")
                            .param(util.value())
                            .query((rs, n) -> new BigDecimal[] {rs.getBigDecimal(1), rs.getBigDecimal(2)})
                            .single();
                    if (row[0].compareTo(utilTotal) != 0 || row[1].signum() < 0) {
                        badReads.add("sum " + row[0] + ", min part " + row[1]);
                    }
                    for (var account : accounts) {
                        var b = ledger.balance(account, util);
                        if (b.available().isNegative() || b.locked().isNegative()) {
                            badReads.add(account + " " + b);
                        }
                    }
                    reads.incrementAndGet();
                }
            }));
        }

        start.countDown();
        for (var writer : writers) {
            writer.get(5, TimeUnit.MINUTES);
        }
        writersDone.set(true);
        pool.shutdown();
        assertThat(pool.awaitTermination(1, TimeUnit.MINUTES)).isTrue();

        assertThat(failures).as("unexpected failures (deadlocks, 5xx, ...)").isEmpty();
        assertThat(badReads)
                .as("reads that saw a wrong total or a negative part")
                .isEmpty();
        assertThat(reads.get()).isPositive();
        assertThat(applied.get()).isGreaterThan(1000);
        assertThat(refused.get())
                .as("some operations were refused, so the rules were exercised")
                .isPositive();

        var recorded = jdbc.sql(
                        """
                        select count(*) from ledger_transactions
                        where (from_entity_id like :p or to_entity_id like :p) and memo is distinct from 'funding'
                        """)
                .param("p", prefix + "%")
                .query(Long.class)
                .single();
        assertThat(recorded)
                .as("every applied operation is in the history, once")
                .isEqualTo(applied.get());

        var sum = BigDecimal.ZERO;
        for (var account : accounts) {
            sum = sum.add(ledger.balance(account, util).total().toBigDecimal());
        }
        assertThat(sum).isEqualByComparingTo(utilTotal);
        Invariants.assertHold(jdbc);
        Invariants.assertHistoryReplaysToBalances(jdbc);
    }

    private void writeOnce(Random random) {
        var from = accounts.get(random.nextInt(ACCOUNTS));
        var to = accounts.get((accounts.indexOf(from) + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS);
        var amount = randomAmount(random);
        try {
            switch (random.nextInt(10)) {
                case 0 -> ledger.lock(util, from, amount, null, from);
                case 1 -> ledger.unlock(util, from, amount, null, from);
                case 2 -> ledger.mint(guar, from, amount, null, from);
                case 3 -> ledger.burn(guar, from, amount, null, from);
                case 4 -> ledger.transfer(guar, from, to, amount, null, from);
                default -> ledger.transfer(util, from, to, amount, null, from);
            }
            applied.incrementAndGet();
        } catch (DomainProblem expected) {
            refused.incrementAndGet();
        } catch (RuntimeException unexpected) {
            failures.add(unexpected);
        }
    }

    private static Callable<Void> guarded(CountDownLatch start, Runnable body) {
        return () -> {
            start.await();
            body.run();
            return null;
        };
    }

    /** Mostly amounts with up to 18 decimals below what an account holds; sometimes far more. */
    static Amount randomAmount(Random random) {
        if (random.nextInt(20) == 0) {
            return Amount.of(5000);
        }
        var units = new BigInteger(68, random).add(BigInteger.ONE); // up to ~295 tokens
        return Amount.ofUnits(units);
    }
}
