package io.bta.tokenomics.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bta.tokenomics.TokenomicsApplication;
import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.support.Api;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The schedule itself, on the real clock: with a one-second interval, the service takes a
 * scheduled snapshot just after each due time, one per due time, and its gauges follow.
 */
class ScheduledSnapshotTest {

    @Test
    void theScheduleTakesOneSnapshotPerDueTime() throws Exception {
        var dataDir = Path.of("target/test-data/analytics-schedule-" + UUID.randomUUID())
                .toString();
        try (var context = new SpringApplicationBuilder(TokenomicsApplication.class)
                .run(
                        "--server.port=0",
                        "--tokenomics.data-dir=" + dataDir,
                        "--tokenomics.security.jwt-secret=" + Api.SECRET,
                        "--tokenomics.analytics.snapshot-interval=1s")) {
            context.getBean(Ledger.class).initializeTokens(EntityId.of("admin"));
            var jdbc = context.getBean(JdbcClient.class);
            var deadline = Instant.now().plus(Duration.ofSeconds(30));
            List<Instant> dueTimes = List.of();
            while (dueTimes.size() < 3 && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
                dueTimes = jdbc.sql(
                                "select distinct due_at from analytics_snapshots where kind = 'SCHEDULED' order by due_at")
                        .query((rs, n) -> rs.getTimestamp(1).toInstant())
                        .list();
            }
            assertThat(dueTimes).as("scheduled due times within 30 s").hasSizeGreaterThanOrEqualTo(3);
            assertThat(dueTimes).allSatisfy(t -> assertThat(t.getNano()).isZero());
            var perDueTime = jdbc.sql(
                            "select count(*) from analytics_snapshots where kind = 'SCHEDULED' group by due_at")
                    .query(Long.class)
                    .list();
            assertThat(perDueTime).containsOnly(4L); // one row per token, once

            var port = ((WebServerApplicationContext) context).getWebServer().getPort();
            var scrape = new Api(port).get("/actuator/prometheus", null);
            assertThat(AnalyticsTest.gauge(scrape.body(), "bta_token_supply", "BTA-GOV"))
                    .isEqualTo(1_000_000_000d);
        }
    }

    @Test
    void anIntervalThatDoesNotDivideADayIsRefused() {
        assertThatThrownBy(() -> new AnalyticsProperties(Duration.ofMinutes(7), 1000, 100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("snapshot-interval");
        assertThatThrownBy(() -> new AnalyticsProperties(Duration.ofMillis(500), 1000, 100))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
