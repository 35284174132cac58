package io.bta.tokenomics.airdrops;

import static org.assertj.core.api.Assertions.assertThat;

import io.bta.tokenomics.TokenomicsApplication;
import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.Invariants;
import io.bta.tokenomics.support.MutableClock;
import io.bta.tokenomics.support.PostgresNode;
import io.bta.tokenomics.support.TestClockConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two instances of the service on one PostgreSQL: an entity claiming on both is paid once, and
 * sweeps sent to both at once return the unclaimed rest once.
 */
class AirdropsAcrossInstancesTest {

    @Test
    void aClaimAndASweepHappenOnceAcrossTwoInstances() throws Exception {
        var name = "airdrop-instances-" + UUID.randomUUID().toString().substring(0, 8);
        try (var postgres = PostgresNode.primary(name)) {
            var contexts = new ArrayList<ConfigurableApplicationContext>();
            try {
                for (var instance : new String[] {"a", "b"}) {
                    contexts.add(new SpringApplicationBuilder(TokenomicsApplication.class, TestClockConfig.class)
                            .run(
                                    "--server.port=0",
                                    "--tokenomics.data-dir=target/test-data/" + name + "-" + instance,
                                    "--spring.datasource.url=" + postgres.jdbcUrl(),
                                    "--spring.datasource.username=postgres",
                                    "--tokenomics.security.jwt-secret=" + Api.SECRET,
                                    "--tokenomics.limits.rate-limit.enabled=false",
                                    "--tokenomics.webhooks.follow-interval-ms=3600000",
                                    "--tokenomics.webhooks.dispatch-interval-ms=3600000",
                                    "--tokenomics.audit.seal-interval=1h"));
                }
                var a = api(contexts.get(0));
                var b = api(contexts.get(1));
                var admin = Api.adminToken();
                assertThat(a.post("/api/tokens/initialize", admin, null).status())
                        .isIn(200, 201);
                var clock = contexts.get(0).getBean(MutableClock.class);
                var ends = clock.instant().plus(Duration.ofHours(1));
                var created = a.post(
                        "/api/airdrops",
                        admin,
                        "{\"tokenId\":\"BTA-UTIL\",\"name\":\"twice\",\"endsAt\":\"" + ends + "\",\"claims\":["
                                + "{\"entityId\":\"alice\",\"amount\":\"3\"},{\"entityId\":\"bob\",\"amount\":\"4\"}]}");
                assertThat(created.status()).as(created.body()).isEqualTo(201);
                var id = created.text("id");

                assertThat(a.post("/api/airdrops/" + id + "/claim", Api.token("alice"), null)
                                .status())
                        .isEqualTo(201);
                var onB = b.post("/api/airdrops/" + id + "/claim", Api.token("alice"), null);
                assertThat(onB.status()).isEqualTo(409);
                assertThat(onB.code()).isEqualTo("ALREADY_CLAIMED");

                for (var context : contexts) {
                    context.getBean(MutableClock.class).set(ends);
                }
                var pool = Executors.newFixedThreadPool(8);
                int swept = 0;
                try {
                    var sweeps = new ArrayList<Callable<Api.Response>>();
                    for (int i = 0; i < 8; i++) {
                        var on = i % 2 == 0 ? a : b;
                        sweeps.add(() -> on.post("/api/airdrops/" + id + "/sweep", admin, null));
                    }
                    for (var f : pool.invokeAll(sweeps)) {
                        var r = f.get();
                        if (r.status() == 200) {
                            swept++;
                            assertThat(r.text("sweptAmount")).isEqualTo("4");
                        } else {
                            assertThat(r.code()).as(r.body()).isEqualTo("ALREADY_SWEPT");
                        }
                    }
                } finally {
                    pool.shutdownNow();
                }
                assertThat(swept).isEqualTo(1);
                var jdbc = contexts.get(0).getBean(JdbcClient.class);
                assertThat(jdbc.sql("select count(*) from ledger_transactions where memo like ?")
                                .param("airdrop " + id + " sweep%")
                                .query(Long.class)
                                .single())
                        .isEqualTo(1);
                Invariants.assertHold(jdbc);
            } finally {
                contexts.forEach(ConfigurableApplicationContext::close);
            }
        }
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
    }
}
