package io.bta.tokenomics.shared.db;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Where a read that may lag goes. Each replica's replayed ledger sequence
 * ({@code ledger_head.last_sequence}, which a standby replays with everything committed before it)
 * is read every {@code replica-check-interval}, and so is the primary's. A replica is usable while
 * it answers and has reached the sequence the primary had {@code replica-max-lag} ago; a read goes
 * to a usable replica that has reached the sequence it asks for (read again once if the last check
 * is behind), else to the primary, never waiting. Health component {@code replicas} and the
 * metrics {@code tokenomics.replica.behind} (sequences), {@code tokenomics.replica.usable} and
 * {@code tokenomics.replica.reads} by {@code target} show which.
 */
@Component
public class Replicas implements HealthIndicator, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Replicas.class);

    /** One replica's last known position. */
    static final class Replica {
        final String name;
        final JdbcClient jdbc;
        volatile long sequence = -1;
        volatile boolean up;
        volatile boolean usable;
        volatile String problem = "not checked yet";

        Replica(String name, JdbcClient jdbc) {
            this.name = name;
            this.jdbc = jdbc;
        }
    }

    private record Sample(Instant at, long head) {}

    private final ReplicaProperties properties;
    private final Clock clock;
    private final JdbcClient primary;
    private final List<Replica> replicas = new ArrayList<>();
    private final Deque<Sample> primaryHeads = new ArrayDeque<>();
    private final AtomicInteger next = new AtomicInteger();
    private final Map<String, Counter> reads = new LinkedHashMap<>();
    private volatile long primaryHead;
    private ThreadPoolTaskScheduler scheduler;
    private ScheduledFuture<?> polling;

    Replicas(DataSource dataSource, ReplicaProperties properties, Clock clock, MeterRegistry meters) {
        this.properties = properties;
        this.clock = clock;
        if (dataSource instanceof ReadRouting routing) {
            this.primary = JdbcClient.create(routing.primary());
            for (var pool : routing.replicas()) {
                var replica = new Replica(pool.name(), JdbcClient.create(pool.dataSource()));
                replicas.add(replica);
                Gauge.builder("tokenomics.replica.behind", replica, r -> r.sequence < 0 ? -1 : primaryHead - r.sequence)
                        .description("Ledger sequences the replica has not replayed yet (-1: unknown)")
                        .tag("replica", replica.name)
                        .register(meters);
                Gauge.builder("tokenomics.replica.usable", replica, r -> r.usable ? 1 : 0)
                        .description("1 while the replica serves reads")
                        .tag("replica", replica.name)
                        .register(meters);
                reads.put(replica.name, reads(meters, replica.name));
            }
        } else {
            this.primary = null;
        }
        reads.put(ReadRouting.PRIMARY, reads(meters, ReadRouting.PRIMARY));
    }

    private static Counter reads(MeterRegistry meters, String target) {
        return Counter.builder("tokenomics.replica.reads")
                .description("Reads that may lag, by where they were served")
                .tag("target", target)
                .register(meters);
    }

    public boolean configured() {
        return !replicas.isEmpty();
    }

    /** Reads every position once; run every {@code replica-check-interval}. */
    public void check() {
        if (!configured()) {
            return;
        }
        var now = clock.instant();
        try {
            primaryHead = head(primary);
            synchronized (primaryHeads) {
                primaryHeads.addLast(new Sample(now, primaryHead));
                var horizon = now.minus(properties.replicaMaxLag());
                while (primaryHeads.size() > 1
                        && !primaryHeads.toArray(Sample[]::new)[1].at().isAfter(horizon)) {
                    primaryHeads.removeFirst();
                }
            }
        } catch (RuntimeException e) {
            log.debug("cannot read the primary's ledger head", e);
        }
        long required = headAtMaxLag();
        for (var r : replicas) {
            try {
                r.sequence = head(r.jdbc);
                r.up = true;
                r.usable = r.sequence >= required;
                r.problem = r.usable ? null : "more than " + properties.replicaMaxLag() + " behind the primary";
            } catch (RuntimeException e) {
                r.up = false;
                r.usable = false;
                r.problem = "not answering";
            }
        }
    }

    /** The primary's head as it was {@code replica-max-lag} ago (the oldest sample kept). */
    private long headAtMaxLag() {
        synchronized (primaryHeads) {
            return primaryHeads.isEmpty() ? 0 : primaryHeads.peekFirst().head();
        }
    }

    private static long head(JdbcClient jdbc) {
        return jdbc.sql("select last_sequence from ledger_head")
                .query(Long.class)
                .single();
    }

    /**
     * The replica that serves a read needing at least {@code sequence}, or null for the primary.
     * Counts the read against its target.
     */
    public String choose(long sequence) {
        if (configured()) {
            int start = Math.floorMod(next.getAndIncrement(), replicas.size());
            for (int k = 0; k < replicas.size(); k++) {
                var r = replicas.get((start + k) % replicas.size());
                if (!r.usable) {
                    continue;
                }
                if (r.sequence < sequence) {
                    try { // the last check may be a moment old: look once more
                        r.sequence = Math.max(r.sequence, head(r.jdbc));
                    } catch (RuntimeException e) {
                        r.up = false;
                        r.usable = false;
                        r.problem = "not answering";
                        continue;
                    }
                }
                if (r.sequence >= sequence) {
                    reads.get(r.name).increment();
                    return r.name;
                }
            }
        }
        reads.get(ReadRouting.PRIMARY).increment();
        return null;
    }

    /** The sequence the replica {@code name} was last seen at. */
    public long sequenceOf(String name) {
        return replicas.stream()
                .filter(r -> r.name.equals(name))
                .mapToLong(r -> r.sequence)
                .findFirst()
                .orElse(-1);
    }

    @Override
    public Health health() {
        if (!configured()) {
            return Health.up().withDetail("replicas", "none configured").build();
        }
        // Reads fall back to the primary: a replica down degrades speed, not service.
        var builder = Health.up().withDetail("primaryHead", primaryHead);
        for (var r : replicas) {
            var detail = new LinkedHashMap<String, Object>();
            detail.put("up", r.up);
            detail.put("usable", r.usable);
            detail.put("sequence", r.sequence);
            detail.put("behind", r.sequence < 0 ? null : primaryHead - r.sequence);
            if (r.problem != null) {
                detail.put("problem", r.problem);
            }
            builder.withDetail(r.name, detail);
        }
        return builder.build();
    }

    @Override
    public void start() {
        if (!configured()) {
            return;
        }
        scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(1);
        scheduler.setThreadNamePrefix("replicas-");
        scheduler.initialize();
        polling = scheduler.scheduleWithFixedDelay(this::checkQuietly, properties.replicaCheckInterval());
    }

    private void checkQuietly() {
        try {
            check();
        } catch (RuntimeException e) {
            log.warn("checking the replicas failed", e);
        }
    }

    @Override
    public void stop() {
        if (polling != null) {
            polling.cancel(false);
        }
        if (scheduler != null) {
            scheduler.shutdown();
        }
    }

    @Override
    public boolean isRunning() {
        return polling != null && !polling.isCancelled();
    }
}
