package io.bta.tokenomics.webhooks;

import static io.bta.tokenomics.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.bta.tokenomics.TokenomicsApplication;
import io.bta.tokenomics.support.Api;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Events committed before the service stops, and not yet turned into deliveries, are delivered
 * after it starts again: the ledger's (its follower had not run) and another module's (its
 * listener had failed, so the event publication was still incomplete).
 */
class WebhookCrashRecoveryTest {

    @Test
    void eventsCommittedBeforeAStopAreDeliveredAfterTheRestart() throws Exception {
        var dataDir = Path.of("target/test-data/webhooks-restart-" + UUID.randomUUID())
                .toString();
        var gina = WebhooksTest.unique("gina");
        long transferSequence;
        try (var receiver = new Receiver()) {
            try (var first = start(dataDir)) {
                var api = new Api(port(first));
                var jdbc = first.getBean(JdbcClient.class);
                assertThat(api.post("/api/tokens/initialize", Api.adminToken(), null)
                                .status())
                        .isEqualTo(201);
                var created = api.post(
                        "/api/admin/webhooks",
                        Api.adminToken(),
                        "{\"url\": \"" + receiver.url()
                                + "\", \"eventTypes\": [\"ledger.transferred\", \"trust.score.changed\"]}");
                assertThat(created.status()).isEqualTo(201);
                receiver.trust(created.text("secret"));

                // The webhooks' listener fails for trust events until the constraint is dropped: as if
                // the service had stopped before the listener completed.
                jdbc.sql(
                                "alter table webhook_messages add constraint crash_here check (type <> 'trust.score.changed') not valid")
                        .update();
                var transfer = api.post(
                        "/api/tokens/transfer",
                        Api.adminToken(),
                        json("fromEntityId", "treasury", "toEntityId", gina, "tokenId", "BTA-UTIL", "amount", "42"));
                assertThat(transfer.status()).isEqualTo(201);
                transferSequence = transfer.json().get("sequence").asLong();
                assertThat(api.put("/api/trust/" + gina, Api.adminToken(), "{\"score\": 61}")
                                .status())
                        .isEqualTo(200);
                WebhooksTest.awaitTrue(() -> jdbc.sql(
                                        """
                                        select count(*) from event_publication
                                        where event_type like '%TrustScoreChanged' and completion_date is null
                                          and status = 'FAILED'
                                        """)
                                .query(Long.class)
                                .single()
                        == 1);
                jdbc.sql("alter table webhook_messages drop constraint crash_here")
                        .update();

                var webhooks = first.getBean(Webhooks.class);
                assertThat(webhooks.ledgerPosition()).isLessThan(transferSequence);
                assertThat(webhooks.messages(0, null, 100))
                        .noneMatch(m -> m.parties().contains(gina));
            }
            assertThat(receiver.received()).isEmpty();

            try (var second = start(dataDir)) {
                var webhooks = second.getBean(Webhooks.class);
                webhooks.followLedger();
                // the incomplete publication is republished at start, and its listener records the message
                var jdbc = second.getBean(JdbcClient.class);
                WebhooksTest.awaitTrue(
                        () -> jdbc.sql("select count(*) from webhook_messages where parties @> array[?::text]")
                                        .param(gina)
                                        .query(Long.class)
                                        .single()
                                == 2);
                webhooks.dispatchDue();
            }
            var received = receiver.received();
            assertThat(received).allSatisfy(r -> assertThat(r.signatureValid()).isTrue());
            assertThat(received.stream().filter(r -> r.body().contains(gina)))
                    .extracting(Receiver.Received::type)
                    .containsExactlyInAnyOrder("ledger.transferred", "trust.score.changed");
            assertThat(received.stream()
                            .filter(r -> r.type().equals("ledger.transferred"))
                            .filter(r -> r.body().contains(gina))
                            .findFirst()
                            .orElseThrow()
                            .data()
                            .get("sequence")
                            .asLong())
                    .isEqualTo(transferSequence);
        }
    }

    private static ConfigurableApplicationContext start(String dataDir) {
        return new SpringApplicationBuilder(TokenomicsApplication.class)
                .run(
                        "--server.port=0",
                        "--tokenomics.data-dir=" + dataDir,
                        "--tokenomics.security.jwt-secret=" + Api.SECRET,
                        // nothing runs on its own: the test says when
                        "--tokenomics.webhooks.follow-interval-ms=3600000",
                        "--tokenomics.webhooks.dispatch-interval-ms=3600000");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
