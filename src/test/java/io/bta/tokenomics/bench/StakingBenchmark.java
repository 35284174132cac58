package io.bta.tokenomics.bench;

import io.bta.tokenomics.TokenomicsApplication;
import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.staking.Apy;
import io.bta.tokenomics.staking.LockPeriod;
import io.bta.tokenomics.staking.MinTrustScore;
import io.bta.tokenomics.staking.PoolId;
import io.bta.tokenomics.staking.PoolTerms;
import io.bta.tokenomics.staking.StakeId;
import io.bta.tokenomics.staking.Staking;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Staking at scale, run on demand ({@code mvn -Pbench verify -Dtest=StakingBenchmark}), never
 * in the test suite. On a fresh embedded PostgreSQL it measures:
 *
 * <ul>
 *   <li>the latency of reading one stake's pending reward with 1,000 and with 1,000,000 stakes in
 *       its pool, and their ratio (O(1) reads give a ratio near 1);
 *   <li>the time to distribute a pool of 100,000 and of 1,000,000 stakes.
 * </ul>
 *
 * Stakes are opened by a set-based SQL fixture, not one transaction each, and their principal is
 * not locked in the ledger: only pools, stakes and the reward mints matter here. Sizes can be
 * changed with {@code -Dbench.staking.read-sizes=1000,1000000} and
 * {@code -Dbench.staking.distribute-sizes=100000,1000000}. Results are printed and written to
 * {@code target/bench/staking.md}. Nothing here asserts a time: the numbers are the result.
 */
class StakingBenchmark {

    @Test
    void stakingAtScale() throws IOException {
        var readSizes = sizes("bench.staking.read-sizes", "1000,1000000");
        var distributeSizes = sizes("bench.staking.distribute-sizes", "100000,1000000");
        var report = new StringBuilder("# Staking benchmark\n\n");
        report.append("Machine: ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores, JVM max heap ")
                .append(Runtime.getRuntime().maxMemory() / (1 << 20))
                .append(" MiB, ")
                .append(System.getProperty("os.name"))
                .append(' ')
                .append(System.getProperty("os.arch"))
                .append("\n\n");
        try (var app = start()) {
            var ledger = app.getBean(Ledger.class);
            var staking = app.getBean(Staking.class);
            var jdbc = app.getBean(JdbcClient.class);
            ledger.initializeTokens(EntityId.of("bench"));

            report.append(
                    "## Reading one stake's pending reward\n\n| stakes in pool | reads | p50 µs | p99 µs | mean µs |\n|---:|---:|---:|---:|---:|\n");
            var p50s = new ArrayList<Double>();
            for (int n : readSizes) {
                var pool = pool(staking, ledger, "read-" + n);
                var ids = fixture(jdbc, pool, n, Duration.ofDays(1));
                var sample = new ArrayList<StakeId>();
                for (int i = 0; i < 2000; i++) {
                    sample.add(ids.get((int) ((i * 7919L) % ids.size())));
                }
                for (int i = 0; i < 3000; i++) { // warm-up
                    staking.stake(sample.get(i % sample.size()));
                }
                var nanos = new long[10_000];
                for (int i = 0; i < nanos.length; i++) {
                    long t = System.nanoTime();
                    var stake = staking.stake(sample.get(i % sample.size()));
                    nanos[i] = System.nanoTime() - t;
                    if (!stake.pendingRewards().isPositive()) {
                        throw new IllegalStateException("the fixture accrued nothing");
                    }
                }
                Arrays.sort(nanos);
                double p50 = nanos[nanos.length / 2] / 1000.0;
                p50s.add(p50);
                report.append(String.format(
                        Locale.ROOT,
                        "| %,d | %,d | %.0f | %.0f | %.0f |%n",
                        n,
                        nanos.length,
                        p50,
                        nanos[(int) (nanos.length * 0.99)] / 1000.0,
                        Arrays.stream(nanos).average().orElse(0) / 1000.0));
            }
            if (p50s.size() >= 2) {
                report.append(String.format(
                        Locale.ROOT,
                        "%nRatio of p50 latencies, largest pool / smallest: **%.2f**%n%n",
                        p50s.get(p50s.size() - 1) / p50s.get(0)));
            }

            report.append("## Distributing a pool\n\n| stakes | paid | seconds | stakes/s |\n|---:|---:|---:|---:|\n");
            for (int n : distributeSizes) {
                var pool = pool(staking, ledger, "distribute-" + n);
                fixture(jdbc, pool, n, Duration.ofDays(1));
                long t = System.nanoTime();
                var result = staking.distribute(pool);
                double seconds = (System.nanoTime() - t) / 1e9;
                report.append(String.format(
                        Locale.ROOT,
                        "| %,d | %,d | %.1f | %,.0f |%n",
                        n,
                        result.stakesPaid(),
                        seconds,
                        result.stakesPaid() / seconds));
            }
        }
        System.out.println(report);
        var out = Path.of("target/bench/staking.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
    }

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(TokenomicsApplication.class)
                .run(
                        "--server.port=0",
                        "--tokenomics.data-dir=target/bench-data/staking-" + UUID.randomUUID(),
                        "--tokenomics.security.jwt-secret=benchmark-secret-that-is-long-enough-0123456789",
                        "--logging.level.io.bta.tokenomics.requests=WARN");
    }

    private static PoolId pool(Staking staking, Ledger ledger, String name) {
        return staking.createPool(new PoolTerms(
                        ledger.resolve("BTA-UTIL"),
                        ledger.resolve("BTA-REWARD"),
                        name,
                        Apy.ofPercent(BigDecimal.TEN),
                        Amount.of(1),
                        new LockPeriod(0),
                        MinTrustScore.of(BigDecimal.ZERO),
                        null,
                        null))
                .id();
    }

    /** Opens n stakes of 1 BTA-UTIL set-based, all started {@code ago} with the pool's index at 0. */
    private static List<StakeId> fixture(JdbcClient jdbc, PoolId pool, int n, Duration ago) {
        var start = Timestamp.from(Instant.now().minus(ago));
        var prefix = "bench-" + UUID.randomUUID() + "-";
        jdbc.sql(
                        """
                insert into staking_stakes (id, pool_id, staker_id, amount, trust_score_at_stake, staked_at, unlocks_at,
                    index_at_stake, status)
                select gen_random_uuid(), ?, ? || g, 1, 50, ?, ?, 0, 'ACTIVE' from generate_series(1, ?) g
                """)
                .param(pool.value())
                .param(prefix)
                .param(start)
                .param(start)
                .param(n)
                .update();
        jdbc.sql("update staking_pools set total_staked = ?, staker_count = ?, index_updated_at = ? where id = ?")
                .param(BigDecimal.valueOf(n))
                .param(n)
                .param(start)
                .param(pool.value())
                .update();
        jdbc.sql("analyze staking_stakes").update();
        return jdbc
                .sql("select id from staking_stakes where pool_id = ? order by id limit 100000")
                .param(pool.value())
                .query(UUID.class)
                .list()
                .stream()
                .map(StakeId::new)
                .toList();
    }

    private static List<Integer> sizes(String property, String fallback) {
        return Arrays.stream(System.getProperty(property, fallback).split(","))
                .map(String::strip)
                .map(Integer::parseInt)
                .toList();
    }
}
