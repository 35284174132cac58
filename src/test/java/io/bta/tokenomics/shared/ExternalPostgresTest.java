package io.bta.tokenomics.shared;

import static io.bta.tokenomics.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.bta.tokenomics.TokenomicsApplication;
import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.Invariants;
import io.bta.tokenomics.support.PostgresNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The service on a PostgreSQL it did not start: a server process of its own (made with the
 * embedded distribution's {@code initdb} and {@code pg_ctl}), named by
 * {@code spring.datasource.url}. Flyway builds the schema there, the embedded server is not
 * started, and the ledger works and keeps its invariants; a second start on the same database
 * finds its data.
 */
class ExternalPostgresTest {

    @Test
    void theServiceRunsOnAPostgresItDidNotStart() throws Exception {
        var name = "external-" + UUID.randomUUID().toString().substring(0, 8);
        var dataDir = Path.of("target/test-data/" + name).toAbsolutePath();
        try (var postgres = PostgresNode.primary(name)) {
            String[] args = {
                "--server.port=0",
                "--tokenomics.data-dir=" + dataDir,
                "--spring.datasource.url=" + postgres.jdbcUrl(),
                "--spring.datasource.username=postgres",
                "--tokenomics.security.jwt-secret=" + Api.SECRET,
                "--tokenomics.webhooks.follow-interval-ms=3600000",
                "--tokenomics.webhooks.dispatch-interval-ms=3600000",
                "--tokenomics.audit.seal-interval=1h"
            };
            var alice = "alice-" + name;
            try (var context = new SpringApplicationBuilder(TokenomicsApplication.class).run(args)) {
                var api = new Api(
                        ((WebServerApplicationContext) context).getWebServer().getPort());
                assertThat(api.post("/api/tokens/initialize", Api.adminToken(), null)
                                .status())
                        .isEqualTo(201);
                var transfer = api.post(
                        "/api/tokens/transfer",
                        Api.adminToken(),
                        json("fromEntityId", "treasury", "toEntityId", alice, "tokenId", "BTA-UTIL", "amount", "12.5"));
                assertThat(transfer.status()).isEqualTo(201);
            }
            assertThat(Files.exists(dataDir.resolve("postgres")))
                    .as("no embedded PostgreSQL was started")
                    .isFalse();
            var jdbc = JdbcClient.create(postgres.dataSource());
            assertThat(jdbc.sql("select count(*) from flyway_schema_history where success")
                            .query(Long.class)
                            .single())
                    .isPositive();
            Invariants.assertHold(jdbc);

            try (var context = new SpringApplicationBuilder(TokenomicsApplication.class).run(args)) {
                var api = new Api(
                        ((WebServerApplicationContext) context).getWebServer().getPort());
                var balance = api.get("/api/tokens/balances/" + alice + "/BTA-UTIL", Api.adminToken());
                assertThat(balance.status()).isEqualTo(200);
                assertThat(balance.text("available")).isEqualTo("12.5");
            }
        }
    }
}
