package io.bta.tokenomics.ledger.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps partitions of the ledger's history ready ahead of the head (V28: the transactions and the
 * balance and supply checkpoints are partitioned by sequence range): at start and every
 * {@code tokenomics.ledger.partition-check-interval-ms} (a minute) it has PostgreSQL create the
 * ones missing up to {@link #AHEAD} partitions past the head's ({@code ledger_ensure_partitions},
 * which locks its settings row, so several instances may call it at once). A write past the last
 * partition would fail, so the health component {@code ledgerPartitions} is DOWN when none is left
 * ahead, and the gauge {@code tokenomics.ledger.partitions.ahead} shows how many are.
 */
@Component
class LedgerPartitions implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(LedgerPartitions.class);

    /** Partitions kept ready past the head's: at 10,000 transfers a second, ten million last 16 minutes. */
    static final int AHEAD = 2;

    private final JdbcClient jdbc;
    private final AtomicInteger ahead = new AtomicInteger(-1);

    LedgerPartitions(JdbcClient jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        Gauge.builder("tokenomics.ledger.partitions.ahead", ahead, AtomicInteger::get)
                .description("Partitions of the ledger's history ready past the head's (-1: not checked yet)")
                .register(meters);
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        ensure();
    }

    @Scheduled(
            fixedDelayString = "${tokenomics.ledger.partition-check-interval-ms:60000}",
            initialDelayString = "${tokenomics.ledger.partition-check-interval-ms:60000}")
    void ensure() {
        try {
            ahead.set(jdbc.sql("select ledger_ensure_partitions(?)")
                    .param(AHEAD)
                    .query(Integer.class)
                    .single());
        } catch (RuntimeException e) {
            log.warn("could not create the ledger's next partitions; the next check tries again", e);
        }
    }

    int ahead() {
        return ahead.get();
    }

    @Override
    public Health health() {
        int n = ahead.get();
        var builder = n == 0 ? Health.down() : Health.up();
        return builder.withDetail("partitionsAhead", n).build();
    }
}
