package io.bta.tokenomics.webhooks;

import static io.bta.tokenomics.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.bta.tokenomics.guarantees.Guarantees;
import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.IntegrationTest;
import io.bta.tokenomics.support.MutableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class EventStreamTest {

    private static final String ADMIN = Api.adminToken();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @LocalServerPort
    int port;

    @Autowired
    Webhooks webhooks;

    @Autowired
    Guarantees guarantees;

    @Autowired
    MutableClock clock;

    Api api;

    /** One server-sent event as the client parsed it. */
    record Event(String id, String name, JsonNode data) {}

    /** A client of the stream: a thread parses the lines into events until the stream is closed. */
    final class Client implements AutoCloseable {
        final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        final BlockingQueue<String> comments = new LinkedBlockingQueue<>();
        final int status;
        private final Stream<String> lines;

        Client(String token, String lastEventId) throws Exception {
            var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/events/stream"))
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "text/event-stream");
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            var response = HTTP.sendAsync(request.GET().build(), HttpResponse.BodyHandlers.ofLines())
                    .get(10, TimeUnit.SECONDS);
            status = response.statusCode();
            lines = response.body();
            var reader = new Thread(this::read, "sse-client");
            reader.setDaemon(true);
            reader.start();
            // the stream opens with a comment: from then on the subscription is registered
            assertThat(comments.poll(10, TimeUnit.SECONDS)).as("stream opened").startsWith("stream open");
        }

        private void read() {
            var fields = new HashMap<String, String>();
            try {
                lines.forEach(line -> {
                    if (line.isEmpty()) {
                        if (fields.containsKey("data")) {
                            events.add(new Event(
                                    fields.get("id"), fields.get("event"), JSON.readTree(fields.get("data"))));
                        }
                        fields.clear();
                    } else if (line.startsWith(":")) {
                        comments.add(line.substring(1));
                    } else {
                        int colon = line.indexOf(':');
                        var value = line.substring(colon + 1);
                        fields.merge(
                                line.substring(0, colon),
                                value.startsWith(" ") ? value.substring(1) : value,
                                (a, b) -> a + "\n" + b);
                    }
                });
            } catch (RuntimeException closed) {
                // the test closed the stream
            }
        }

        Event next() throws InterruptedException {
            var event = events.poll(10, TimeUnit.SECONDS);
            assertThat(event).as("an event within 10 seconds").isNotNull();
            return event;
        }

        @Override
        public void close() {
            lines.close();
        }
    }

    @BeforeEach
    void setUp() {
        api = new Api(port);
        api.post("/api/tokens/initialize", ADMIN, null);
        webhooks.followLedger();
    }

    @Test
    void aCallerReceivesItsOwnEventsAndNotAnotherUsers() throws Exception {
        var alice = WebhooksTest.unique("alice");
        var bob = WebhooksTest.unique("bob");
        try (var aliceStream = new Client(Api.token(alice), null);
                var bobStream = new Client(Api.token(bob), null);
                var adminStream = new Client(ADMIN, null)) {
            assertThat(aliceStream.status).isEqualTo(200);
            transfer("treasury", alice, "12");
            webhooks.followLedger();
            var received = aliceStream.next();
            assertThat(received.name()).isEqualTo("ledger.transferred");
            assertThat(received.data().get("type").asString()).isEqualTo("ledger.transferred");
            assertThat(received.data().get("data").get("toEntityId").asString()).isEqualTo(alice);

            transfer("treasury", bob, "13");
            webhooks.followLedger();
            // bob's first event is his own: alice's transfer never reached him
            assertThat(bobStream.next().data().get("data").get("toEntityId").asString())
                    .isEqualTo(bob);
            // an admin sees both (and possibly other tests' events: look for these two)
            var seen = new HashMap<String, Boolean>(Map.of(alice, false, bob, false));
            while (seen.containsValue(false)) {
                var e = adminStream.next();
                var to = e.data().get("data").path("toEntityId").asString();
                if (seen.containsKey(to)) {
                    seen.put(to, true);
                }
            }
            assertThat(aliceStream.events).isEmpty();
        }
    }

    @Test
    void aReconnectingClientGetsWhatItMissedAfterItsLastEventId() throws Exception {
        var carol = WebhooksTest.unique("carol");
        String lastSeen;
        try (var first = new Client(Api.token(carol), null)) {
            transfer("treasury", carol, "1");
            webhooks.followLedger();
            lastSeen = first.next().id();
        }
        // while carol is away
        transfer("treasury", carol, "2");
        transfer("treasury", carol, "3");
        webhooks.followLedger();
        try (var again = new Client(Api.token(carol), lastSeen)) {
            assertThat(again.next().data().get("data").get("amount").asString()).isEqualTo("2");
            assertThat(again.next().data().get("data").get("amount").asString()).isEqualTo("3");
        }
    }

    @Test
    void theBeneficiarySeesTheReleaseOfItsGuarantee() throws Exception {
        var beneficiary = WebhooksTest.unique("beneficiary");
        try (var stream = new Client(Api.token(beneficiary), null)) {
            var id = allocate(beneficiary, null);
            assertThat(stream.next().name()).isEqualTo("guarantees.guarantee.allocated");
            var released = api.post("/api/guarantees/allocations/" + id + "/release", ADMIN, null);
            assertThat(released.status()).as(released.body()).isEqualTo(200);
            var event = stream.next();
            assertThat(event.name()).isEqualTo("guarantees.guarantee.released");
            assertThat(event.data().get("data").get("allocationId").asString()).isEqualTo(id);
            assertThat(event.data().get("data").get("beneficiaryId").asString()).isEqualTo(beneficiary);
            assertThat(event.data().get("data").get("expired").asBoolean()).isFalse();
        }
    }

    @Test
    void theBeneficiarySeesTheExpiryOfItsGuarantee() throws Exception {
        var beneficiary = WebhooksTest.unique("beneficiary");
        try (var stream = new Client(Api.token(beneficiary), null)) {
            var id = allocate(beneficiary, clock.instant().plus(Duration.ofDays(1)));
            assertThat(stream.next().name()).isEqualTo("guarantees.guarantee.allocated");
            clock.advance(Duration.ofDays(1));
            assertThat(guarantees.expireDue()).isPositive();
            var event = stream.next();
            assertThat(event.name()).isEqualTo("guarantees.guarantee.released");
            assertThat(event.data().get("data").get("allocationId").asString()).isEqualTo(id);
            assertThat(event.data().get("data").get("expired").asBoolean()).isTrue();
        }
    }

    @Test
    void theStreamNeedsACaller() {
        assertThat(api.get("/api/events/stream", null).status()).isEqualTo(401);
    }

    /** Allocates 5 BTA-GUAR from a new guarantor to the beneficiary; returns the allocation's id. */
    private String allocate(String beneficiary, java.time.Instant expiresAt) {
        var body = JSON.createObjectNode();
        body.put("guaranteeId", WebhooksTest.unique("g"));
        body.put("guarantorId", WebhooksTest.unique("guarantor"));
        body.put("beneficiaryId", beneficiary);
        body.put("amount", "5");
        if (expiresAt != null) {
            body.put("expiresAt", expiresAt.toString());
        }
        var r = api.post("/api/guarantees/allocations", ADMIN, JSON.writeValueAsString(body));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.text("id");
    }

    private void transfer(String from, String to, String amount) {
        var r = api.post(
                "/api/tokens/transfer",
                ADMIN,
                json("fromEntityId", from, "toEntityId", to, "tokenId", "BTA-UTIL", "amount", amount));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }
}
