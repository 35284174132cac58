package io.bta.tokenomics.hostile;

import static io.bta.tokenomics.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.bta.tokenomics.TokenomicsApplication;
import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.Invariants;
import io.bta.tokenomics.support.MutableClock;
import io.bta.tokenomics.support.TestClockConfig;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Suite 6, abuse limits, on a service of its own with small limits: bodies over the size limit are
 * a 413 problem whether their length is declared or chunked; a caller over its rate gets a 429
 * problem with Retry-After, and only that caller, only for state-changing requests; time (the
 * injected clock) refills the bucket.
 */
class AbuseLimitsTest {

    static final int MAX_BODY = 1024;
    static final int BURST = 5;

    static ConfigurableApplicationContext context;
    static Api api;
    static int port;
    static MutableClock clock;
    static JdbcClient jdbc;
    static final TreeMap<String, Integer> TRIED = new TreeMap<>();

    @BeforeAll
    static void start() {
        context = new SpringApplicationBuilder(TokenomicsApplication.class, TestClockConfig.class)
                .run(
                        "--server.port=0",
                        "--tokenomics.data-dir=target/test-data/limits-" + UUID.randomUUID(),
                        "--tokenomics.security.jwt-secret=" + Api.SECRET,
                        "--tokenomics.limits.max-body-size=" + MAX_BODY + "B",
                        "--tokenomics.limits.rate-limit.burst=" + BURST,
                        "--tokenomics.limits.rate-limit.requests-per-second=1",
                        "--logging.level.io.bta.tokenomics.requests=WARN");
        port = ((WebServerApplicationContext) context).getWebServer().getPort();
        api = new Api(port);
        clock = context.getBean(MutableClock.class);
        jdbc = context.getBean(JdbcClient.class);
        api.post("/api/tokens/initialize", Api.adminToken(), null);
        clock.advance(Duration.ofHours(1)); // the set-up's requests leave the admin's bucket full again
    }

    @AfterAll
    static void stop() {
        System.out.println("abuse limits: requests by what they tried and got " + TRIED);
        if (context != null) {
            context.close();
        }
    }

    static void count(String what, Api.Response r) {
        TRIED.merge(what + " -> " + r.status(), 1, Integer::sum);
    }

    /** A transfer body padded with whitespace (valid JSON still) to {@code bytes} bytes. */
    static String transferOf(String from, String to, int bytes) {
        var base = json("fromEntityId", from, "toEntityId", to, "tokenId", "BTA-UTIL", "amount", "1");
        return base + " ".repeat(Math.max(0, bytes - base.length()));
    }

    Api.Response post(String path, String token, String body, boolean chunked, String idempotencyKey) {
        var bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .POST(
                        chunked
                                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))
                                : HttpRequest.BodyPublishers.ofByteArray(bytes));
        return api.send(builder, token, idempotencyKey);
    }

    long lastSequence() {
        return jdbc.sql("select last_sequence from ledger_head")
                .query(Long.class)
                .single();
    }

    @Test
    void aBodyOverTheLimitIs413WhetherItsLengthIsDeclaredOrChunked() {
        clock.advance(Duration.ofHours(1));
        var before = lastSequence();
        for (boolean chunked : new boolean[] {false, true}) {
            for (var key : new String[] {null, "k-" + UUID.randomUUID()}) {
                var r = post(
                        "/api/tokens/transfer",
                        Api.adminToken(),
                        transferOf("treasury", "big", MAX_BODY + 50),
                        chunked,
                        key);
                count("oversize" + (chunked ? " chunked" : "") + (key == null ? "" : " with key"), r);
                assertThat(r.status())
                        .as("chunked %s, key %s: %s", chunked, key, r.body())
                        .isEqualTo(413);
                assertThat(r.isProblem()).isTrue();
                assertThat(r.code()).isEqualTo("PAYLOAD_TOO_LARGE");
                assertThat(r.text("detail")).contains(Integer.toString(MAX_BODY));
            }
        }
        assertThat(lastSequence()).as("an oversize request changed the ledger").isEqualTo(before);
        // just under the limit, chunked or not, the same request goes through
        for (boolean chunked : new boolean[] {false, true}) {
            var r = post(
                    "/api/tokens/transfer",
                    Api.adminToken(),
                    transferOf("treasury", "big", MAX_BODY - 10),
                    chunked,
                    null);
            count("under the limit" + (chunked ? " chunked" : ""), r);
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        Invariants.assertHold(jdbc);
    }

    @Test
    void aCallerOverItsRateGets429WithRetryAfterAndOnlyThatCaller() {
        clock.advance(Duration.ofHours(1));
        var alice = "alice-" + UUID.randomUUID();
        var bob = "bob-" + UUID.randomUUID();
        var aliceToken = Api.token(alice);
        var body = json("toEntityId", bob, "tokenId", "BTA-UTIL", "amount", "1");
        for (int i = 0; i < BURST; i++) {
            var r = api.post("/api/tokens/transfer", aliceToken, body);
            count("alice within her burst", r);
            assertThat(r.status())
                    .as("request %d of the burst: %s", i + 1, r.body())
                    .isNotEqualTo(429);
        }
        var refused = api.post("/api/tokens/transfer", aliceToken, body);
        count("alice over her rate", refused);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.code()).isEqualTo("RATE_LIMITED");
        assertThat(refused.text("detail")).isNotBlank();
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 2);

        // reads are not limited, nor are other callers
        var read = api.get("/api/tokens/balances", aliceToken);
        count("alice reads while limited", read);
        assertThat(read.status()).isEqualTo(200);
        var other = api.post(
                "/api/tokens/transfer",
                Api.token(bob),
                json("toEntityId", alice, "tokenId", "BTA-UTIL", "amount", "1"));
        count("bob while alice is limited", other);
        assertThat(other.status()).isNotEqualTo(429);

        // one second refills one token, and only one
        clock.advance(Duration.ofSeconds(1));
        var again = api.post("/api/tokens/transfer", aliceToken, body);
        count("alice after 1 s", again);
        assertThat(again.status()).isNotEqualTo(429);
        var tooSoon = api.post("/api/tokens/transfer", aliceToken, body);
        count("alice again at once", tooSoon);
        assertThat(tooSoon.status()).isEqualTo(429);
    }

    @Test
    void aRefusedRequestDoesNotTakeItsIdempotencyKey() {
        clock.advance(Duration.ofHours(1));
        var carol = "carol-" + UUID.randomUUID();
        api.post(
                "/api/tokens/transfer",
                Api.adminToken(),
                json("fromEntityId", "treasury", "toEntityId", carol, "tokenId", "BTA-UTIL", "amount", "100"));
        var token = Api.token(carol);
        var body = json("toEntityId", "dave", "tokenId", "BTA-UTIL", "amount", "1");
        for (int i = 0; i < BURST; i++) {
            api.post("/api/tokens/transfer", token, body, "fill-" + i + "-" + UUID.randomUUID());
        }
        var key = "k-" + UUID.randomUUID();
        var refused = api.post("/api/tokens/transfer", token, body, key);
        count("keyed request over the rate", refused);
        assertThat(refused.status()).isEqualTo(429);
        clock.advance(Duration.ofSeconds(2));
        var retried = api.post("/api/tokens/transfer", token, body, key);
        count("the same key after Retry-After", retried);
        assertThat(retried.status()).as(retried.body()).isEqualTo(201);
        assertThat(retried.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void anonymousCallersAreCountedByAddressAndRefusalsAreCounted() {
        clock.advance(Duration.ofHours(1));
        double before = refusalsCounted("anonymous");
        int limited = 0;
        for (int i = 0; i < BURST + 3; i++) {
            var r = api.post("/api/tokens/transfer", null, "{}");
            count("anonymous", r);
            assertThat(r.status()).isIn(401, 429);
            assertThat(r.isProblem()).isTrue();
            if (r.status() == 429) {
                limited++;
            }
        }
        assertThat(limited).isEqualTo(3);
        assertThat(refusalsCounted("anonymous") - before).isEqualTo(3.0);
    }

    @Test
    void excludedPathsAreNeverLimited() {
        clock.advance(Duration.ofHours(1));
        var token = Api.token("bench-" + UUID.randomUUID());
        for (int i = 0; i < BURST * 3; i++) {
            // the bench endpoints only exist with the bench profile: a 404 here, but never a 429
            var r = api.post("/api/bench/echo", token, "{}");
            count("excluded path", r);
            assertThat(r.status()).isNotEqualTo(429);
        }
    }

    double refusalsCounted(String caller) {
        var metrics = api.get("/actuator/prometheus", null).body();
        return metrics.lines()
                .filter(l -> l.startsWith("rate_limit_refusals_total") && l.contains("caller=\"" + caller + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }
}
