package io.bta.tokenomics.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.bta.tokenomics.support.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The running service keeps two partitions of the history ready past the head's, and says so. */
@IntegrationTest
class LedgerPartitionsTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Autowired
    List<HealthIndicator> indicators;

    @Test
    void partitionsAreReadyAheadAndTheHealthAndGaugeSaySo() {
        for (var table : List.of("ledger_transactions", "ledger_balance_checkpoints", "ledger_supply_checkpoints")) {
            var head = jdbc.sql("select last_sequence from ledger_head")
                    .query(Long.class)
                    .single();
            var upper = jdbc.sql("select ledger_partitions_upper(?)")
                    .param(table)
                    .query(Long.class)
                    .single();
            assertThat(upper).as(table + ": partitions past the head").isGreaterThan(head + 10_000_000L);
        }
        assertThat(meters.get("tokenomics.ledger.partitions.ahead").gauge().value())
                .isEqualTo(2.0);
        var health = indicators.stream()
                .filter(i -> i.getClass().getSimpleName().equals("LedgerPartitions"))
                .findFirst()
                .orElseThrow()
                .health();
        assertThat(health.getStatus().getCode()).isEqualTo("UP");
        assertThat(health.getDetails()).containsEntry("partitionsAhead", 2);
    }
}
