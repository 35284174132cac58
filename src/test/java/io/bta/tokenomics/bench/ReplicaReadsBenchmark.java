package io.bta.tokenomics.bench;

import static io.bta.tokenomics.support.Api.json;

import io.bta.tokenomics.TokenomicsApplication;
import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.Ports;
import io.bta.tokenomics.support.PostgresNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * W11, run on demand ({@code mvn -Pbench verify -Dtest=ReplicaReadsBenchmark}), never in the
 * test suite: W1-style single transfers over HTTP while readers page through transaction
 * histories at the same time, on a primary PostgreSQL with one streaming standby. Once with the
 * reads on the primary alone (no replica configured), once with them sent to the replica; each
 * phase reports transfers/s, reads/s and their latencies, and the second the replica's lag behind
 * the primary (in ledger sequences and in replay time, sampled every 100 ms). Sizes:
 * {@code -Dbench.replicas.seconds} (15), {@code .writers} (32), {@code .readers} (32). Written to
 * {@code target/bench/replicas.md}. Nothing here asserts a time.
 */
class ReplicaReadsBenchmark {

    static final int SECONDS = Integer.getInteger("bench.replicas.seconds", 15);
    static final int WRITERS = Integer.getInteger("bench.replicas.writers", 32);
    static final int READERS = Integer.getInteger("bench.replicas.readers", 32);
    static final int ACCOUNTS = 1000;

    record Phase(String name, double writes, double reads, long[] writeMicros, long[] readMicros, String lag) {}

    @Test
    void readsFromAReplicaWhileTransfersRun() throws Exception {
        var name = "w11-" + UUID.randomUUID().toString().substring(0, 8);
        var base = Path.of("target/bench-data/" + name).toAbsolutePath();
        var phases = new ArrayList<Phase>();
        try (var primary = PostgresNode.primary(base.resolve("primary"), Ports.free());
                var standby = PostgresNode.standbyOf(primary, base.resolve("standby"), Ports.free(), "w11")) {
            phases.add(run("reads on the primary", base, primary, null));
            phases.add(run("reads on the replica", base, primary, standby));
        }
        var report = new StringBuilder("# W11: transfers with history reads, primary alone vs a replica\n\n");
        report.append(String.format(
                Locale.ROOT,
                "%d s per phase after 3 s of warm-up; %d writer and %d reader connections; %d accounts; %d cores.%n%n",
                SECONDS,
                WRITERS,
                READERS,
                ACCOUNTS,
                Runtime.getRuntime().availableProcessors()));
        report.append(
                "| phase | transfers/s | transfer p50 ms | p99 ms | reads/s | read p50 ms | p99 ms | replica lag |\n");
        report.append("|---|---:|---:|---:|---:|---:|---:|---|\n");
        for (var p : phases) {
            report.append(String.format(
                    Locale.ROOT,
                    "| %s | %.0f | %.2f | %.2f | %.0f | %.2f | %.2f | %s |%n",
                    p.name(),
                    p.writes(),
                    pct(p.writeMicros(), 50),
                    pct(p.writeMicros(), 99),
                    p.reads(),
                    pct(p.readMicros(), 50),
                    pct(p.readMicros(), 99),
                    p.lag()));
        }
        var a = phases.get(0);
        var b = phases.get(1);
        report.append(String.format(
                Locale.ROOT,
                "%nRatios (replica / primary alone): transfers/s %.2f, reads/s %.2f.%n",
                b.writes() / a.writes(),
                b.reads() / a.reads()));
        System.out.println(report);
        var out = Path.of("target/bench/replicas.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
    }

    private Phase run(String phase, Path base, PostgresNode primary, PostgresNode replica) throws Exception {
        var args = new ArrayList<>(List.of(
                "--server.port=0",
                "--tokenomics.data-dir=" + base.resolve("service-" + (replica == null ? "a" : "b")),
                "--spring.datasource.url=" + primary.jdbcUrl(),
                "--spring.datasource.username=postgres",
                "--spring.datasource.hikari.maximum-pool-size=40",
                "--tokenomics.security.jwt-secret=" + Api.SECRET,
                "--tokenomics.limits.rate-limit.enabled=false",
                "--logging.level.io.bta.tokenomics.requests=WARN"));
        if (replica != null) {
            args.add("--tokenomics.datasource.replicas[0].url=" + replica.jdbcUrl());
            args.add("--tokenomics.datasource.replica-pool-size=40");
        }
        try (ConfigurableApplicationContext context =
                new SpringApplicationBuilder(TokenomicsApplication.class).run(args.toArray(String[]::new))) {
            var api = new Api(
                    ((WebServerApplicationContext) context).getWebServer().getPort());
            var admin = Api.adminToken();
            api.post("/api/tokens/initialize", admin, null);
            var fund = new StringBuilder("{\"mode\":\"ATOMIC\",\"transfers\":[");
            for (int i = 0; i < ACCOUNTS; i++) {
                fund.append(i == 0 ? "" : ",")
                        .append(json(
                                "fromEntityId",
                                "treasury",
                                "toEntityId",
                                "w11-" + i,
                                "tokenId",
                                "BTA-UTIL",
                                "amount",
                                "1000"));
            }
            var funded = api.post(
                    "/api/tokens/transfers/batch", admin, fund.append("]}").toString());
            if (funded.status() >= 300) {
                throw new IllegalStateException("funding answered " + funded.status() + ": " + funded.body());
            }
            load(api, admin, 3, null, null); // warm-up
            var lag = new LagSampler(primary, replica);
            var result = load(api, admin, SECONDS, lag, phase);
            return result;
        }
    }

    private Phase load(Api api, String admin, int seconds, LagSampler lag, String phase) throws Exception {
        var stop = new AtomicBoolean();
        var writes = new AtomicLong();
        var reads = new AtomicLong();
        var writeMicros = Collections.synchronizedList(new ArrayList<Long>());
        var readMicros = Collections.synchronizedList(new ArrayList<Long>());
        var firstError = new java.util.concurrent.atomic.AtomicReference<String>();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + READERS + 1);
        for (int w = 0; w < WRITERS; w++) {
            pool.submit(() -> {
                var random = ThreadLocalRandom.current();
                while (!stop.get()) {
                    int from = random.nextInt(ACCOUNTS);
                    int to = (from + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
                    long t0 = System.nanoTime();
                    var r = api.post(
                            "/api/tokens/transfer",
                            admin,
                            json(
                                    "fromEntityId",
                                    "w11-" + from,
                                    "toEntityId",
                                    "w11-" + to,
                                    "tokenId",
                                    "BTA-UTIL",
                                    "amount",
                                    "0.01"),
                            UUID.randomUUID().toString());
                    if (r.status() == 201) {
                        writes.incrementAndGet();
                        writeMicros.add((System.nanoTime() - t0) / 1000);
                    } else if (firstError.get() == null) {
                        firstError.set(r.status() + " " + r.body());
                    }
                }
            });
        }
        for (int r = 0; r < READERS; r++) {
            pool.submit(() -> {
                var random = ThreadLocalRandom.current();
                while (!stop.get()) {
                    long t0 = System.nanoTime();
                    var answer = api.send(
                            HttpRequest.newBuilder(URI.create(api.base() + "/api/tokens/transactions/w11-"
                                            + random.nextInt(ACCOUNTS) + "?limit=50"))
                                    .GET(),
                            admin,
                            null);
                    if (answer.status() == 200) {
                        reads.incrementAndGet();
                        readMicros.add((System.nanoTime() - t0) / 1000);
                    }
                }
            });
        }
        if (lag != null) {
            pool.submit(lag::sample);
        }
        var started = Instant.now();
        Thread.sleep(seconds * 1000L); // the load's duration, not business time
        stop.set(true);
        if (lag != null) {
            lag.stop();
        }
        pool.shutdown();
        pool.awaitTermination(60, TimeUnit.SECONDS);
        double elapsed = Duration.between(started, Instant.now()).toMillis() / 1000.0;
        if (firstError.get() != null) {
            System.out.println("W11 " + phase + ": first refused transfer: " + firstError.get());
        }
        return new Phase(
                phase,
                writes.get() / elapsed,
                reads.get() / elapsed,
                sorted(writeMicros),
                sorted(readMicros),
                lag == null ? "-" : lag.report());
    }

    /** The replica's distance behind the primary, every 100 ms: ledger sequences and replay time. */
    static final class LagSampler {
        private final JdbcClient primary;
        private final JdbcClient replica;
        private final AtomicBoolean stop = new AtomicBoolean();
        private final List<Long> behind = Collections.synchronizedList(new ArrayList<>());
        private final List<Long> replayMillis = Collections.synchronizedList(new ArrayList<>());

        LagSampler(PostgresNode primary, PostgresNode replica) {
            this.primary = JdbcClient.create(primary.dataSource());
            this.replica = replica == null ? null : JdbcClient.create(replica.dataSource());
        }

        void sample() {
            if (replica == null) {
                return;
            }
            while (!stop.get()) {
                long head = primary.sql("select last_sequence from ledger_head")
                        .query(Long.class)
                        .single();
                long replayed = replica.sql("select last_sequence from ledger_head")
                        .query(Long.class)
                        .single();
                behind.add(Math.max(0, head - replayed));
                var ms = primary.sql("select coalesce(extract(epoch from replay_lag) * 1000, 0)::bigint"
                                + " from pg_stat_replication where application_name = 'w11'")
                        .query(Long.class)
                        .optional()
                        .orElse(0L);
                replayMillis.add(ms);
                try {
                    Thread.sleep(100); // sampling period
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stop() {
            stop.set(true);
        }

        String report() {
            if (replica == null) {
                return "-";
            }
            var b = sorted(behind);
            var t = sorted(replayMillis);
            return String.format(
                    Locale.ROOT,
                    "behind by p50 %d / p99 %d / max %d sequences; replay lag p50 %d / p99 %d ms",
                    b.length == 0 ? 0 : b[b.length / 2],
                    b.length == 0 ? 0 : b[(int) Math.min(b.length - 1, Math.floor(b.length * 0.99))],
                    b.length == 0 ? 0 : b[b.length - 1],
                    t.length == 0 ? 0 : t[t.length / 2],
                    t.length == 0 ? 0 : t[(int) Math.min(t.length - 1, Math.floor(t.length * 0.99))]);
        }
    }

    private static long[] sorted(List<Long> values) {
        long[] a;
        synchronized (values) {
            a = values.stream().mapToLong(Long::longValue).toArray();
        }
        Arrays.sort(a);
        return a;
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(sorted.length * p / 100.0))] / 1000.0;
    }
}
