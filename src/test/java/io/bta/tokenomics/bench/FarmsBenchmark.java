package io.bta.tokenomics.bench;

import io.bta.tokenomics.TokenomicsApplication;
import io.bta.tokenomics.farms.FarmId;
import io.bta.tokenomics.farms.Farms;
import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * W9, farms at scale, run on demand ({@code mvn -Pbench verify -Dtest=FarmsBenchmark}), never in
 * the test suite. On a fresh embedded PostgreSQL, for a farm of 1,000 and one of 1,000,000
 * positions, it times harvests through the facade, one after another (each one a transaction: the
 * program row, the farm row and the position row locked, the position settled, a mint of
 * BTA-REWARD inside the emission budget), and reports harvests per second and the ratio of the two
 * farms' per-harvest latencies: accrual is O(1) per action, so the ratio should stay near 1 (goal
 * ≤ 1.5).
 *
 * <p>Positions are opened by a set-based SQL fixture of 1 token each, not one deposit each, and
 * their principal is not locked in the ledger: only the farm's accrual and the payouts matter here.
 * Each round harvests the same 1,000 positions of a farm once; rounds are at least a second apart,
 * because a farm accrues by the second and a second harvest within the same second would find
 * nothing. Sizes: {@code -Dbench.farms.sizes=1000,1000000}; rounds: {@code
 * -Dbench.farms.rounds=3} (after one round of warm-up). Results are printed and written to {@code
 * target/bench/farms.md}. Nothing here asserts a time: the numbers are the result.
 */
class FarmsBenchmark {

    static final int SAMPLE = 1000;
    static final BigInteger ONE_TOKEN = BigInteger.TEN.pow(Amount.SCALE);

    @Test
    void harvestsAtScale() throws IOException, InterruptedException {
        var sizes = sizes("bench.farms.sizes", "1000,1000000");
        int rounds = Integer.getInteger("bench.farms.rounds", 3);
        var report = new StringBuilder("# Farms benchmark (W9)\n\n");
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
            var farms = app.getBean(Farms.class);
            var jdbc = app.getBean(JdbcClient.class);
            var bench = EntityId.of("bench");
            ledger.initializeTokens(bench);

            report.append("## Harvesting one position, one harvest at a time\n\n")
                    .append("| positions in farm | harvests | p50 µs | p99 µs | mean µs | harvests/s |\n")
                    .append("|---:|---:|---:|---:|---:|---:|\n");
            var p50s = new ArrayList<Double>();
            var rates = new ArrayList<Double>();
            for (int n : sizes) {
                var token = ledger.createShareToken(
                                "BTA-LP-W9-" + n + "-"
                                        + UUID.randomUUID()
                                                .toString()
                                                .substring(0, 4)
                                                .toUpperCase(Locale.ROOT),
                                "W9 " + n,
                                bench)
                        .id();
                var farm = farms.createFarm(token, 1, null, null).id();
                var owners = fixture(jdbc, farm, n);
                int sample = owners.size();
                var nanos = new long[sample * rounds];
                for (int round = -1; round < rounds; round++) { // round -1 warms up
                    long started = System.currentTimeMillis();
                    for (int i = 0; i < sample; i++) {
                        long t = System.nanoTime();
                        var position = farms.harvest(owners.get(i), farm);
                        long took = System.nanoTime() - t;
                        if (round >= 0) {
                            nanos[round * sample + i] = took;
                        }
                        if (!position.harvested().isPositive()) {
                            throw new IllegalStateException("the fixture accrued nothing");
                        }
                    }
                    // the next harvest of each position must fall in a later second
                    long left = 1100 - (System.currentTimeMillis() - started);
                    if (left > 0) {
                        Thread.sleep(left);
                    }
                }
                long total = Arrays.stream(nanos).sum();
                Arrays.sort(nanos);
                double p50 = nanos[nanos.length / 2] / 1000.0;
                double rate = nanos.length / (total / 1e9);
                p50s.add(p50);
                rates.add(rate);
                report.append(String.format(
                        Locale.ROOT,
                        "| %,d | %,d | %.0f | %.0f | %.0f | %,.0f |%n",
                        n,
                        nanos.length,
                        p50,
                        nanos[(int) (nanos.length * 0.99)] / 1000.0,
                        total / 1000.0 / nanos.length,
                        rate));
            }
            if (p50s.size() >= 2) {
                report.append(String.format(
                        Locale.ROOT,
                        "%nRatio of p50 latencies, largest farm / smallest: **%.2f** (goal ≤ 1.5); harvests/s,"
                                + " smallest farm / largest: %.2f%n",
                        p50s.get(p50s.size() - 1) / p50s.get(0),
                        rates.get(0) / rates.get(rates.size() - 1)));
            }
        }
        System.out.println(report);
        var out = Path.of("target/bench/farms.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
    }

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(TokenomicsApplication.class)
                .run(
                        "--server.port=0",
                        "--tokenomics.data-dir=target/bench-data/farms-" + UUID.randomUUID(),
                        "--tokenomics.security.jwt-secret=benchmark-secret-that-is-long-enough-0123456789",
                        "--logging.level.io.bta.tokenomics.requests=WARN");
    }

    /**
     * Opens n positions of 1 token each (working amount 1 token: trust 50, no boost) set-based, as
     * if deposited a minute ago with the farm's index at 0, and answers the owners of the first
     * {@link #SAMPLE}, spread over the whole farm.
     */
    private static List<EntityId> fixture(JdbcClient jdbc, FarmId farm, int n) {
        var prefix = "w9-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        var units = new BigDecimal(ONE_TOKEN);
        jdbc.sql(
                        """
                insert into farm_positions (farm_id, entity_id, amount, working_amount, reward_debt, carry, pending,
                    harvested, trust_score, updated_at)
                select ?, ? || g, ?, ?, 0, 0, 0, 0, 50, now() from generate_series(1, ?) g
                """)
                .param(farm.value())
                .param(prefix)
                .param(units)
                .param(units)
                .param(n)
                .update();
        var total = units.multiply(BigDecimal.valueOf(n));
        long minuteAgo = Instant.now().getEpochSecond() - 60;
        jdbc.sql(
                        """
                update farms set total_staked = ?, total_working = ?, acc_reward_per_share = 0, last_reward_at = ?,
                    starts_at = to_timestamp(?)
                where id = ?
                """)
                .param(total)
                .param(total)
                .param(minuteAgo)
                .param(minuteAgo)
                .param(farm.value())
                .update();
        jdbc.sql("analyze farm_positions").update();
        var owners = new ArrayList<EntityId>();
        for (int i = 0; i < Math.min(SAMPLE, n); i++) {
            owners.add(EntityId.of(prefix + (1 + (int) ((i * 7919L) % n))));
        }
        return owners;
    }

    private static List<Integer> sizes(String property, String fallback) {
        return Arrays.stream(System.getProperty(property, fallback).split(","))
                .map(String::strip)
                .map(Integer::parseInt)
                .toList();
    }
}
