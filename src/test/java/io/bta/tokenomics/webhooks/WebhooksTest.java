package io.bta.tokenomics.webhooks;

import static io.bta.tokenomics.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.IntegrationTest;
import io.bta.tokenomics.support.MutableClock;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class WebhooksTest {

    private static final String ADMIN = Api.adminToken();

    @LocalServerPort
    int port;

    @Autowired
    Webhooks webhooks;

    @Autowired
    MutableClock clock;

    @Autowired
    WebhooksProperties properties;

    @Autowired
    JdbcClient jdbc;

    Api api;
    Receiver receiver;
    final List<String> endpoints = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(port);
        receiver = new Receiver();
        api.post("/api/tokens/initialize", ADMIN, null);
        // Everything other tests wrote to the ledger is turned into messages before any endpoint of
        // this test exists, so the endpoints get only this test's messages.
        webhooks.followLedger();
    }

    @AfterEach
    void tearDown() {
        for (var id : endpoints) {
            api.send(HttpRequest.newBuilder(uri("/api/admin/webhooks/" + id)).DELETE(), ADMIN, null);
        }
        receiver.close();
    }

    @Test
    void deliveriesAreSignedRetriedWithBackoffAndInOrderPerEntity() {
        var alice = unique("alice");
        var bob = unique("bob");
        var endpoint = register(List.of(WebhookEventTypes.LEDGER_TRANSFERRED));
        receiver.plan(n -> n <= 3 ? 500 : 200); // the first three requests fail on purpose

        var sequences = new ArrayList<Long>();
        sequences.add(transfer("treasury", alice, "100"));
        sequences.add(transfer("treasury", alice, "50"));
        sequences.add(transfer(alice, bob, "30"));
        sequences.add(transfer("treasury", bob, "7"));
        sequences.add(transfer(bob, alice, "1"));
        assertThat(webhooks.followLedger()).isEqualTo(5);

        // Attempt 1 of the first message fails; every later message shares an entity with it and waits.
        assertThat(webhooks.dispatchDue()).isEqualTo(1);
        var first = attempts(endpoint).get(0);
        assertThat(first.get("statusCode").asInt()).isEqualTo(500);
        assertThat(first.get("succeeded").asBoolean()).isFalse();
        var messageId = first.get("messageId").asString();

        // Each retry waits for its backoff: nominal × (1 ± jitter), moved by the clock, never slept.
        for (int failed = 1; failed <= 3; failed++) {
            var last = attempts(endpoint).get(0);
            var attemptedAt = Instant.parse(last.get("attemptedAt").asString());
            var next = Instant.parse(last.get("nextAttemptAt").asString());
            var nominal = properties.retryInitialDelay().multipliedBy((long)
                    Math.pow(properties.retryMultiplier(), failed - 1));
            var spread = nominal.multipliedBy(properties.retryJitterPercent()).dividedBy(100);
            assertThat(Duration.between(attemptedAt, next)).isBetween(nominal.minus(spread), nominal.plus(spread));

            clock.set(next.minusMillis(1));
            assertThat(webhooks.dispatchDue()).as("not due before its time").isZero();
            clock.set(next);
            int made = webhooks.dispatchDue();
            assertThat(made).isEqualTo(failed < 3 ? 1 : 5); // the third retry succeeds, then the rest follow
        }

        var received = receiver.received();
        assertThat(received).hasSize(8).allSatisfy(r -> assertThat(r.signatureValid())
                .as("signature of %s", r.webhookId())
                .isTrue());
        // the retries carry the same webhook-id, and each a timestamp of its own attempt
        assertThat(received.subList(0, 4))
                .extracting(Receiver.Received::webhookId)
                .containsOnly("msg_" + messageId);
        assertThat(received.get(3).timestamp()).isGreaterThan(received.get(0).timestamp());
        // every transfer arrived, acknowledged, in ledger order
        var acknowledged = received.stream()
                .filter(Receiver.Received::acknowledged)
                .map(r -> r.data().get("sequence").asLong())
                .toList();
        assertThat(acknowledged).containsExactlyElementsOf(sequences);
        var firstBody = received.get(3);
        assertThat(firstBody.type()).isEqualTo("ledger.transferred");
        assertThat(firstBody.data().get("toEntityId").asString()).isEqualTo(alice);
        assertThat(firstBody.data().get("amount").asString()).isEqualTo("100");

        var attemptsOfFirst = api.get("/api/admin/webhooks/messages/" + messageId + "/attempts", ADMIN);
        assertThat(attemptsOfFirst.json()).hasSize(4);
        assertThat(attemptsOfFirst.json().get(0).get("succeeded").asBoolean()).isTrue();
        assertThat(attemptsOfFirst.json().get(0).get("nextAttemptAt").isNull()).isTrue();
        var health = api.get("/api/admin/webhooks/" + endpoint, ADMIN);
        assertThat(health.json().get("consecutiveFailures").asInt()).isZero();
        assertThat(health.json().get("status").asString()).isEqualTo("ENABLED");
        assertThat(health.json().get("secret").isNull()).isTrue();
    }

    @Test
    void anEndpointIsDisabledAfterRepeatedFailuresAndResumesWhenEnabled() {
        var carol = unique("carol");
        var endpoint = register(List.of(WebhookEventTypes.LEDGER_TRANSFERRED));
        receiver.plan(n -> 503);
        transfer("treasury", carol, "5");
        webhooks.followLedger();

        int limit = properties.disableAfterFailures();
        assertThat(webhooks.dispatchDue()).isEqualTo(1);
        for (int i = 2; i <= limit; i++) {
            clock.set(
                    Instant.parse(attempts(endpoint).get(0).get("nextAttemptAt").asString()));
            assertThat(webhooks.dispatchDue()).isEqualTo(1);
        }
        var disabled = api.get("/api/admin/webhooks/" + endpoint, ADMIN).json();
        assertThat(disabled.get("status").asString()).isEqualTo("DISABLED");
        assertThat(disabled.get("disabledReason").asString()).isEqualTo("failed " + limit + " times in a row");
        assertThat(disabled.get("consecutiveFailures").asInt()).isEqualTo(limit);

        // Disabled: the pending delivery waits, even when due.
        clock.set(Instant.parse(attempts(endpoint).get(0).get("nextAttemptAt").asString()));
        assertThat(webhooks.dispatchDue()).isZero();
        assertThat(receiver.received()).hasSize(limit);

        receiver.plan(n -> 204);
        var enabled = patch("/api/admin/webhooks/" + endpoint, json("status", "ENABLED"));
        assertThat(enabled.status()).isEqualTo(200);
        assertThat(enabled.json().get("consecutiveFailures").asInt()).isZero();
        assertThat(webhooks.dispatchDue()).isEqualTo(1);
        var last = receiver.received().get(limit);
        assertThat(last.acknowledged()).isTrue();
        assertThat(last.data().get("toEntityId").asString()).isEqualTo(carol);
    }

    @Test
    void aMessageCanBeReplayedAloneOrWithEverythingSinceATime() {
        var dave = unique("dave");
        var endpoint = register(List.of(WebhookEventTypes.LEDGER_TRANSFERRED, WebhookEventTypes.LEDGER_LOCKED));
        clock.advance(Duration.ofSeconds(1)); // after every message recorded so far
        var since = clock.instant();
        transfer("treasury", dave, "10");
        var lock = api.post("/api/tokens/lock", ADMIN, json("entityId", dave, "tokenId", "BTA-UTIL", "amount", "4"));
        assertThat(lock.status()).isEqualTo(201);
        webhooks.followLedger();
        assertThat(webhooks.dispatchDue()).isEqualTo(2);
        var messageId = receiver.received().get(0).webhookId();

        var one = api.post("/api/admin/webhooks/" + endpoint + "/replay", ADMIN, json("messageId", messageId));
        assertThat(one.status()).isEqualTo(202);
        assertThat(webhooks.dispatchDue()).isEqualTo(1);
        assertThat(receiver.received().get(2).webhookId()).isEqualTo(messageId);
        assertThat(receiver.received().get(2).body())
                .isEqualTo(receiver.received().get(0).body());

        var all = api.post("/api/admin/webhooks/" + endpoint + "/replay", ADMIN, json("since", since.toString()));
        assertThat(all.status()).isEqualTo(202);
        assertThat(all.json().get("enqueued").asInt()).isEqualTo(2);
        assertThat(webhooks.dispatchDue()).isEqualTo(2);
        assertThat(receiver.received())
                .extracting(Receiver.Received::type)
                .containsExactly(
                        "ledger.transferred",
                        "ledger.locked",
                        "ledger.transferred",
                        "ledger.transferred",
                        "ledger.locked");
    }

    @Test
    void otherModulesEventsAreDeliveredAfterTheirTransactionCommits() {
        var erin = unique("erin");
        register(List.of(WebhookEventTypes.TRUST_SCORE_CHANGED, WebhookEventTypes.REWARD_DISTRIBUTED));
        assertThat(api.put("/api/trust/" + erin, ADMIN, "{\"score\": 77.5}").status())
                .isEqualTo(200);
        var reward = api.post(
                "/api/rewards",
                ADMIN,
                json("recipientId", erin, "type", "MANUAL", "sourceRef", "webhook-test", "amount", "3"));
        assertThat(reward.status()).isEqualTo(201);
        // The listeners run after commit, asynchronously: wait (in real time) for both messages.
        awaitTrue(() -> jdbc.sql("select count(*) from webhook_messages where parties @> array[?::text]")
                        .param(erin)
                        .query(Long.class)
                        .single()
                == 2);
        webhooks.dispatchDue();
        var mine = receiver.received().stream()
                .filter(r -> r.body().contains(erin))
                .toList();
        assertThat(mine)
                .extracting(Receiver.Received::type)
                .containsExactlyInAnyOrder("trust.score.changed", "rewards.reward.distributed");
        assertThat(mine).allSatisfy(r -> assertThat(r.signatureValid()).isTrue());
        var trust = mine.stream()
                .filter(r -> r.type().equals("trust.score.changed"))
                .findFirst()
                .orElseThrow();
        assertThat(trust.data().get("score").decimalValue()).isEqualByComparingTo("77.5");
        var distributed = mine.stream()
                .filter(r -> r.type().equals("rewards.reward.distributed"))
                .findFirst()
                .orElseThrow();
        assertThat(distributed.data().get("rewardId").asString()).isEqualTo(reward.text("id"));
        assertThat(distributed.data().get("amount").asString()).isEqualTo("3");
    }

    @Test
    void registrationIsValidatedAndAdminOnly() {
        var bad = api.post(
                "/api/admin/webhooks",
                ADMIN,
                "{\"url\": \"ftp://example.com/x\", \"eventTypes\": [\"ledger.transferred\", \"nope\"]}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.isProblem()).isTrue();
        assertThat(bad.json().get("errors"))
                .extracting(e -> e.get("field").asString())
                .containsExactly("url", "eventTypes");
        assertThat(api.post("/api/admin/webhooks", ADMIN, "{\"url\": \"https://example.com/x\"}")
                        .status())
                .isEqualTo(400);
        assertThat(api.post("/api/admin/webhooks", ADMIN, "{\"url\": \"not a url\", \"eventTypes\": [\"*\"]}")
                        .status())
                .isEqualTo(400);
        var notAdmin = api.post(
                "/api/admin/webhooks",
                Api.token("mallory"),
                "{\"url\": \"https://example.com/x\", \"eventTypes\": [\"*\"]}");
        assertThat(notAdmin.status()).isEqualTo(403);
        var unknown = api.get("/api/admin/webhooks/" + UUID.randomUUID(), ADMIN);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("UNKNOWN_WEBHOOK");
        assertThat(api.get("/api/admin/webhooks/not-a-uuid", ADMIN).status()).isEqualTo(404);
        assertThat(api.post(
                                "/api/admin/webhooks/" + UUID.randomUUID() + "/replay",
                                ADMIN,
                                json("since", "2026-01-01T00:00:00Z"))
                        .status())
                .isEqualTo(404);

        var created = api.post(
                "/api/admin/webhooks",
                ADMIN,
                "{\"url\": \"https://example.com/hooks\", \"eventTypes\": [\"*\"], \"description\": \"all\"}");
        assertThat(created.status()).isEqualTo(201);
        endpoints.add(created.text("id"));
        assertThat(created.text("secret")).startsWith("whsec_");
        assertThat(api.get("/api/admin/webhooks", ADMIN).json())
                .anySatisfy(e -> assertThat(e.get("id").asString()).isEqualTo(created.text("id")))
                .allSatisfy(e -> assertThat(e.get("secret").isNull()).isTrue());
        var rotated = api.post("/api/admin/webhooks/" + created.text("id") + "/rotate-secret", ADMIN, null);
        assertThat(rotated.text("secret")).startsWith("whsec_").isNotEqualTo(created.text("secret"));
        var deleted = api.send(
                HttpRequest.newBuilder(uri("/api/admin/webhooks/" + created.text("id")))
                        .DELETE(),
                ADMIN,
                null);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(api.get("/api/admin/webhooks/" + created.text("id"), ADMIN).status())
                .isEqualTo(404);
    }

    @Test
    void afterARotationBothSecretsSignUntilTheOverlapEnds() {
        var frank = unique("frank");
        var endpoint = register(List.of(WebhookEventTypes.LEDGER_TRANSFERRED));
        var old = receiverSecret;
        var rotated = api.post("/api/admin/webhooks/" + endpoint + "/rotate-secret", ADMIN, null)
                .text("secret");
        transfer("treasury", frank, "1");
        webhooks.followLedger();
        receiver.trust(old);
        webhooks.dispatchDue();
        assertThat(receiver.received().get(0).signature().split(" ")).hasSize(2);
        assertThat(receiver.received().get(0).signatureValid())
                .as("the old secret still verifies")
                .isTrue();

        clock.advance(properties.secretRotationOverlap().plusSeconds(1));
        transfer("treasury", frank, "2");
        webhooks.followLedger();
        webhooks.dispatchDue();
        var after = receiver.received().get(1);
        assertThat(after.signature().split(" ")).hasSize(1);
        assertThat(after.signatureValid())
                .as("the old secret no longer verifies")
                .isFalse();
        assertThat(Receiver.verifies(after, rotated))
                .as("the new secret verifies")
                .isTrue();
        assertThat(Receiver.verifies(receiver.received().get(0), rotated)).isTrue();
    }

    // --- helpers

    private String receiverSecret;

    private String register(List<String> types) {
        var node = tools.jackson.databind.json.JsonMapper.builder().build().createObjectNode();
        node.put("url", receiver.url());
        var array = node.putArray("eventTypes");
        types.forEach(array::add);
        var created = api.post("/api/admin/webhooks", ADMIN, node.toString());
        assertThat(created.status()).isEqualTo(201);
        receiverSecret = created.text("secret");
        receiver.trust(receiverSecret);
        endpoints.add(created.text("id"));
        return created.text("id");
    }

    private long transfer(String from, String to, String amount) {
        var r = api.post(
                "/api/tokens/transfer",
                ADMIN,
                json("fromEntityId", from, "toEntityId", to, "tokenId", "BTA-UTIL", "amount", amount));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("sequence").asLong();
    }

    private List<JsonNode> attempts(String endpoint) {
        var r = api.get("/api/admin/webhooks/" + endpoint + "/attempts", ADMIN);
        assertThat(r.status()).isEqualTo(200);
        var list = new ArrayList<JsonNode>();
        r.json().forEach(list::add);
        return list;
    }

    private Api.Response patch(String path, String body) {
        return api.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/json")
                        .method("PATCH", HttpRequest.BodyPublishers.ofString(body)),
                ADMIN,
                null);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static void awaitTrue(BooleanSupplier condition) {
        io.bta.tokenomics.support.Await.until(condition);
    }
}
