package io.bta.tokenomics;

import static io.bta.tokenomics.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.bta.tokenomics.support.Api;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Balances and history survive a stop and a start of the service on the same data directory. */
class RestartTest {

    @Test
    void balancesAndHistorySurviveARestart() {
        var dataDir = Path.of("target/test-data/restart-" + UUID.randomUUID()).toString();
        String transactionId;
        long sequence;
        try (var first = start(dataDir)) {
            var api = new Api(port(first));
            assertThat(api.post("/api/tokens/initialize", Api.adminToken(), null)
                            .status())
                    .isEqualTo(201);
            var transfer = api.post(
                    "/api/tokens/transfer",
                    Api.adminToken(),
                    json(
                            "fromEntityId",
                            "treasury",
                            "toEntityId",
                            "alice",
                            "tokenId",
                            "BTA-UTIL",
                            "amount",
                            "1234.000000000000000001"),
                    "restart-key");
            assertThat(transfer.status()).isEqualTo(201);
            transactionId = transfer.text("id");
            sequence = transfer.json().get("sequence").asLong();
        }
        try (var second = start(dataDir)) {
            var api = new Api(port(second));
            var balance = api.get("/api/tokens/balances/alice/BTA-UTIL", Api.token("alice"));
            assertThat(balance.text("available")).isEqualTo("1234.000000000000000001");
            var history = api.get("/api/tokens/transactions", Api.token("alice"));
            assertThat(history.json().get("items").get(0).get("id").asString()).isEqualTo(transactionId);
            var again = api.post("/api/tokens/initialize", Api.adminToken(), null);
            assertThat(again.status()).isEqualTo(200);
            // the idempotency key survived too: the retry is a replay, not a second transfer
            var retry = api.post(
                    "/api/tokens/transfer",
                    Api.adminToken(),
                    json(
                            "fromEntityId",
                            "treasury",
                            "toEntityId",
                            "alice",
                            "tokenId",
                            "BTA-UTIL",
                            "amount",
                            "1234.000000000000000001"),
                    "restart-key");
            assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(retry.json().get("sequence").asLong()).isEqualTo(sequence);
            assertThat(api.get("/api/tokens/balances/alice/BTA-UTIL", Api.token("alice"))
                            .text("available"))
                    .isEqualTo("1234.000000000000000001");
        }
    }

    private static ConfigurableApplicationContext start(String dataDir) {
        return new SpringApplicationBuilder(TokenomicsApplication.class)
                .run(
                        "--server.port=0",
                        "--tokenomics.data-dir=" + dataDir,
                        "--tokenomics.security.jwt-secret=" + Api.SECRET);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
