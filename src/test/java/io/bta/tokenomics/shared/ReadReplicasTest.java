package io.bta.tokenomics.shared;

import static io.bta.tokenomics.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.bta.tokenomics.TokenomicsApplication;
import io.bta.tokenomics.shared.db.Replicas;
import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.MutableClock;
import io.bta.tokenomics.support.Ports;
import io.bta.tokenomics.support.PostgresNode;
import io.bta.tokenomics.support.TestClockConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads from a PostgreSQL streaming standby: the service on a primary with one replica. A write's
 * answer carries {@code Ledger-Sequence}; a read that sends it back sees the write, from the
 * replica once it has replayed that far, else from the primary; a read without it may be served a
 * little stale by the replica; a replica past the lag bound or down is skipped (health detail,
 * metric) and never waited on. Every endpoint marked for replicas answers from one (they only read).
 */
class ReadReplicasTest {

    static final String HISTORY = "/api/tokens/transactions/";

    @Test
    void readsGoToTheReplicaOnlyWhenItHasTheWriteTheClientSaw() throws Exception {
        var name = "replicas-" + UUID.randomUUID().toString().substring(0, 8);
        var base = Path.of("target/test-data/" + name).toAbsolutePath();
        try (var primary = PostgresNode.primary(base.resolve("primary"), Ports.free());
                var standby = PostgresNode.standbyOf(primary, base.resolve("standby"), Ports.free(), "replica0")) {
            String[] args = {
                "--server.port=0",
                "--tokenomics.data-dir=" + base.resolve("service"),
                "--spring.datasource.url=" + primary.jdbcUrl(),
                "--spring.datasource.username=postgres",
                "--tokenomics.datasource.replicas[0].url=" + standby.jdbcUrl(),
                "--tokenomics.datasource.replica-max-lag=5s",
                "--tokenomics.datasource.replica-check-interval=1h", // checked by the test
                "--tokenomics.security.jwt-secret=" + Api.SECRET,
                "--tokenomics.webhooks.follow-interval-ms=3600000",
                "--tokenomics.webhooks.dispatch-interval-ms=3600000",
                "--tokenomics.audit.seal-interval=1h"
            };
            try (var context =
                    new SpringApplicationBuilder(TokenomicsApplication.class, TestClockConfig.class).run(args)) {
                var api = new Api(
                        ((WebServerApplicationContext) context).getWebServer().getPort());
                var replicas = context.getBean(Replicas.class);
                var clock = context.getBean(MutableClock.class);
                var meters = context.getBean(MeterRegistry.class);
                var health = (HealthIndicator) replicas;
                var onStandby = JdbcClient.create(standby.dataSource());
                var admin = Api.adminToken();
                var alice = "alice-" + name;

                assertThat(api.post("/api/tokens/initialize", admin, null).status())
                        .isEqualTo(201);
                var first = transfer(api, alice, "1");
                long s1 = Long.parseLong(first.header("Ledger-Sequence"));
                assertThat(s1).isPositive();
                replayed(onStandby, s1);
                replicas.check();

                // the replica has the write: it serves the read that asks for it
                var read = history(api, alice, s1);
                assertThat(read.status()).isEqualTo(200);
                assertThat(read.body()).contains(first.text("id"));
                assertThat(Long.parseLong(read.header("Ledger-Sequence"))).isGreaterThanOrEqualTo(s1);
                assertThat(reads(meters, "replica-0")).isEqualTo(1);

                // every endpoint marked for replicas answers from one
                double before = reads(meters, "replica-0");
                var paths = List.of(
                        "/api/tokens/transactions",
                        "/api/tokens/balance-snapshot?entityId=" + alice,
                        "/api/audit/blocks",
                        "/api/audit/blocks/1",
                        "/api/tokens/transactions/" + first.text("id") + "/proof",
                        "/api/tokens/transactions/by-hash/" + first.text("txHash"),
                        "/api/analytics/tokens/BTA-UTIL/series?metric=totalSupply");
                for (var path : paths) {
                    var r = api.get(path, admin);
                    // nothing is sealed yet (the sealer runs hourly here): no block 1 (404), no proof yet (409)
                    assertThat(r.status()).as(path + " " + r.body()).isIn(200, 404, 409);
                }
                assertThat(reads(meters, "replica-0")).isEqualTo(before + paths.size());

                // replay paused: a read asking for the new write goes to the primary and sees it;
                // one that asks for nothing is served, stale, by the replica
                onStandby.sql("select pg_wal_replay_pause()").query().listOfRows();
                var second = transfer(api, alice, "2");
                long s2 = Long.parseLong(second.header("Ledger-Sequence"));
                assertThat(s2).isGreaterThan(s1);
                double primaryReads = reads(meters, "primary");
                var fresh = history(api, alice, s2);
                assertThat(fresh.body()).contains(second.text("id"));
                assertThat(fresh.header("Ledger-Sequence")).isNull(); // the primary answered
                assertThat(reads(meters, "primary")).isEqualTo(primaryReads + 1);
                var stale = history(api, alice, null);
                assertThat(stale.body()).contains(first.text("id")).doesNotContain(second.text("id"));

                // past the lag bound the replica is skipped, even for reads that ask for nothing
                replicas.check();
                clock.advance(Duration.ofSeconds(6));
                replicas.check();
                clock.advance(Duration.ofSeconds(6));
                replicas.check();
                assertThat(health.health().getDetails().get("replica-0").toString())
                        .contains("usable=false")
                        .contains("behind the primary");
                primaryReads = reads(meters, "primary");
                assertThat(history(api, alice, null).body()).contains(second.text("id"));
                assertThat(reads(meters, "primary")).isEqualTo(primaryReads + 1);

                // replay resumed: the replica catches up and serves again
                onStandby.sql("select pg_wal_replay_resume()").query().listOfRows();
                replayed(onStandby, s2);
                replicas.check();
                var caughtUp = history(api, alice, s2);
                assertThat(caughtUp.body()).contains(second.text("id"));
                assertThat(caughtUp.header("Ledger-Sequence")).isNotNull();

                // a malformed Ledger-Sequence is a 400 that names it
                var bad = api.send(
                        HttpRequest.newBuilder(URI.create(api.base() + HISTORY + alice))
                                .header("Ledger-Sequence", "-1")
                                .GET(),
                        admin,
                        null);
                assertThat(bad.status()).isEqualTo(400);
                assertThat(bad.body()).contains("Ledger-Sequence");

                // the replica down: reads go to the primary, the health says why, nothing waits
                standby.stop();
                replicas.check();
                assertThat(health.health().getDetails().get("replica-0").toString())
                        .contains("up=false");
                var whileDown = history(api, alice, s2);
                assertThat(whileDown.status()).isEqualTo(200);
                assertThat(whileDown.body()).contains(second.text("id"));
            }
        }
    }

    static Api.Response transfer(Api api, String to, String amount) {
        var r = api.post(
                "/api/tokens/transfer",
                Api.adminToken(),
                json("fromEntityId", "treasury", "toEntityId", to, "tokenId", "BTA-UTIL", "amount", amount));
        assertThat(r.status()).isEqualTo(201);
        return r;
    }

    static Api.Response history(Api api, String entity, Long atLeast) {
        var builder = HttpRequest.newBuilder(URI.create(api.base() + HISTORY + entity))
                .GET();
        if (atLeast != null) {
            builder.header("Ledger-Sequence", Long.toString(atLeast));
        }
        return api.send(builder, Api.adminToken(), null);
    }

    static double reads(MeterRegistry meters, String target) {
        var counter =
                meters.find("tokenomics.replica.reads").tag("target", target).counter();
        return counter == null ? 0 : counter.count();
    }

    /** Waits (on the standby, not on business time) until it has replayed {@code sequence}. */
    static void replayed(JdbcClient standby, long sequence) throws InterruptedException {
        var deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            if (standby.sql("select last_sequence from ledger_head")
                            .query(Long.class)
                            .single()
                    >= sequence) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the standby did not replay sequence " + sequence);
    }
}
