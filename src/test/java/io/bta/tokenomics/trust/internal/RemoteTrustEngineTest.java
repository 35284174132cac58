package io.bta.tokenomics.trust.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.MutableClock;
import io.bta.tokenomics.support.TestClockConfig;
import io.bta.tokenomics.trust.Trust;
import io.bta.tokenomics.trust.TrustProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The service with {@code tokenomics.trust.engine-url} pointing at a real HTTP server run by this
 * test, which answers scores, fails, answers garbage and hangs as each test says. Its own context
 * (the shared one has no engine), with the usual test clock.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "tokenomics.data-dir=target/test-data/${random.uuid}",
            "tokenomics.security.jwt-secret=" + Api.SECRET,
            "tokenomics.trust.engine-timeout=300ms",
            "tokenomics.trust.cache-ttl=5m"
        })
@Import(TestClockConfig.class)
class RemoteTrustEngineTest {

    static final Duration TTL = Duration.ofMinutes(5);

    /** What the engine does with the next requests. */
    enum Behaviour {
        SCORE,
        FAIL_500,
        MALFORMED_JSON,
        OUT_OF_RANGE,
        NOT_FOUND,
        HANG
    }

    /** The ways the engine can fail, each with the reason it is counted under. */
    enum Failure {
        FAIL_500(Behaviour.FAIL_500, "status"),
        MALFORMED_JSON(Behaviour.MALFORMED_JSON, "invalid"),
        OUT_OF_RANGE(Behaviour.OUT_OF_RANGE, "invalid"),
        HANG(Behaviour.HANG, "timeout");

        final Behaviour behaviour;
        final String reason;

        Failure(Behaviour behaviour, String reason) {
            this.behaviour = behaviour;
            this.reason = reason;
        }
    }

    static final HttpServer engine;
    static final ExecutorService engineThreads = Executors.newCachedThreadPool(r -> {
        var t = new Thread(r, "test-trust-engine");
        t.setDaemon(true);
        return t;
    });
    static final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    static volatile Behaviour behaviour = Behaviour.SCORE;
    static volatile String score = "50";
    static volatile CountDownLatch hangRelease = new CountDownLatch(1);

    static {
        try {
            engine = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        engine.setExecutor(engineThreads);
        engine.createContext("/scores/", RemoteTrustEngineTest::answer);
        engine.start();
    }

    static void answer(HttpExchange exchange) throws IOException {
        var entityId = exchange.getRequestURI().getPath().substring("/scores/".length());
        requests.computeIfAbsent(entityId, k -> new AtomicInteger()).incrementAndGet();
        try (exchange) {
            switch (behaviour) {
                case SCORE:
                    send(
                            exchange,
                            200,
                            "{\"entityId\":\"" + entityId + "\",\"score\":" + score
                                    + ",\"updatedAt\":\"2026-01-01T00:00:00Z\",\"model\":\"v2\"}");
                    break;
                case OUT_OF_RANGE:
                    send(exchange, 200, "{\"entityId\":\"" + entityId + "\",\"score\":100.5}");
                    break;
                case MALFORMED_JSON:
                    send(exchange, 200, "{\"entityId\":\"" + entityId + "\",\"score\":");
                    break;
                case FAIL_500:
                    send(exchange, 500, "{\"error\":\"boom\"}");
                    break;
                case NOT_FOUND:
                    send(exchange, 404, "{\"error\":\"no score\"}");
                    break;
                case HANG:
                    try {
                        // Ends when the test ends, or after a bound, whichever comes first.
                        hangRelease.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    send(exchange, 200, "{\"score\":1}");
                    break;
                default:
                    throw new IllegalStateException(behaviour.name());
            }
        }
    }

    static void send(HttpExchange exchange, int status, String body) throws IOException {
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @DynamicPropertySource
    static void engineUrl(DynamicPropertyRegistry registry) {
        registry.add(
                "tokenomics.trust.engine-url",
                () -> "http://127.0.0.1:" + engine.getAddress().getPort());
    }

    @AfterAll
    static void stopEngine() {
        hangRelease.countDown();
        engine.stop(0);
        engineThreads.shutdownNow();
    }

    @LocalServerPort
    int port;

    @Autowired
    Trust trust;

    @Autowired
    MutableClock clock;

    @Autowired
    MeterRegistry meters;

    @Autowired
    LocalTrustStore store;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    TrustProperties properties;

    Api api;
    EntityId entity;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        entity = EntityId.of("org-" + UUID.randomUUID());
        behaviour = Behaviour.SCORE;
        score = "50";
        hangRelease = new CountDownLatch(1);
    }

    @AfterEach
    void releaseHangingRequests() {
        hangRelease.countDown();
    }

    int engineCalls() {
        var n = requests.get(entity.value());
        return n == null ? 0 : n.get();
    }

    double fallbacks(String reason) {
        return meters.get("trust.engine.fallbacks")
                .tag("reason", reason)
                .counter()
                .count();
    }

    double allFallbacks() {
        return meters.get("trust.engine.fallbacks").counters().stream()
                .mapToDouble(c -> c.count())
                .sum();
    }

    @Test
    void scoresFromTheEngineAreNotReadInsideABatchTransaction() {
        assertThat(trust.readsLocally()).isFalse();
        assertThatThrownBy(() -> trust.localScoresOf(java.util.List.of(entity)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aScoreIsReadFromTheEngineAndCachedForTheTtl() {
        score = "81.5";
        var r = api.get("/api/trust/" + entity.value(), Api.token("anyone"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("score").decimalValue()).isEqualByComparingTo("81.5");
        assertThat(r.text("updatedAt")).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(engineCalls()).isEqualTo(1);

        score = "60";
        clock.advance(TTL.minusSeconds(1));
        assertThat(trust.scoreOf(entity).score()).isEqualByComparingTo("81.5");
        assertThat(engineCalls()).isEqualTo(1);
    }

    @Test
    void afterTheTtlTheEngineIsAskedAgain() {
        score = "81.5";
        trust.scoreOf(entity);
        score = "60";
        clock.advance(TTL);
        assertThat(trust.scoreOf(entity).score()).isEqualByComparingTo("60");
        assertThat(engineCalls()).isEqualTo(2);
    }

    @Test
    void aScoreReadIsKeptLocallyWithAHistoryRowOnlyWhenItChanges() {
        score = "70";
        trust.scoreOf(entity);
        clock.advance(TTL);
        trust.scoreOf(entity);
        assertThat(engineCalls()).isEqualTo(2);
        assertThat(store.find(entity).orElseThrow().score()).isEqualByComparingTo("70");
        assertThat(trust.history(entity, 10)).hasSize(1);
        assertThat(trust.history(entity, 10).get(0).changedBy()).isEqualTo(RemoteTrustScoreSource.TRUST_ENGINE);

        score = "75.25";
        clock.advance(TTL);
        trust.scoreOf(entity);
        var history = trust.history(entity, 10);
        assertThat(history).hasSize(2);
        assertThat(history.get(0).score()).isEqualByComparingTo("75.25");
        assertThat(history.get(0).previous()).isEqualByComparingTo("70");
    }

    @ParameterizedTest
    @EnumSource(Failure.class)
    void whenTheEngineFailsTheLastKnownScoreIsUsedAndTheFallbackCounted(Failure failure) {
        score = "64.5";
        trust.scoreOf(entity);
        clock.advance(TTL.plusMinutes(1));
        behaviour = failure.behaviour;
        var before = fallbacks(failure.reason);

        assertThat(trust.scoreOf(entity).score()).isEqualByComparingTo("64.5");
        assertThat(fallbacks(failure.reason)).isEqualTo(before + 1);
        assertThat(engineCalls()).isEqualTo(2);

        // The failure is not cached: once the engine answers again, its score is read.
        behaviour = Behaviour.SCORE;
        score = "66";
        assertThat(trust.scoreOf(entity).score()).isEqualByComparingTo("66");
    }

    @Test
    void aTimeoutEndsTheReadWithinTheConfiguredTimeout() {
        behaviour = Behaviour.HANG;
        var started = System.nanoTime();
        trust.scoreOf(entity);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void withNoScoreEverKnownAFailingEngineGivesTheDefault() {
        behaviour = Behaviour.FAIL_500;
        var before = fallbacks("status");
        var r = api.get("/api/trust/" + entity.value(), Api.token("anyone"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("score").decimalValue()).isEqualByComparingTo(properties.defaultScore());
        assertThat(r.json().get("updatedAt").isNull()).isTrue();
        assertThat(fallbacks("status")).isEqualTo(before + 1);
    }

    @Test
    void aNotFoundMeansNoScoreAndIsNoFailure() {
        behaviour = Behaviour.NOT_FOUND;
        var before = allFallbacks();
        var read = trust.scoreOf(entity);
        assertThat(read.score()).isEqualByComparingTo(properties.defaultScore());
        assertThat(read.updatedAt()).isNull();
        assertThat(allFallbacks()).isEqualTo(before);
        assertThat(store.find(entity)).isEmpty();
    }

    @Test
    void aPushedScoreIsWhatIsReadWithoutAskingTheEngine() {
        score = "40";
        trust.scoreOf(entity);
        var pushed = api.put("/api/trust/" + entity.value(), Api.token("trust-engine", "SERVICE"), "{\"score\": 90.5}");
        assertThat(pushed.status()).isEqualTo(200);

        var read = api.get("/api/trust/" + entity.value(), Api.token("anyone"));
        assertThat(read.json().get("score").decimalValue()).isEqualByComparingTo("90.5");
        assertThat(engineCalls()).isEqualTo(1);
        assertThat(store.find(entity).orElseThrow().score()).isEqualByComparingTo("90.5");
    }

    @Test
    void anUnreachableEngineIsCountedAsSuch() throws IOException {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        var unreachable = source("http://127.0.0.1:" + closedPort);
        var before = fallbacks("unreachable");
        assertThat(unreachable.find(entity)).isEmpty();
        assertThat(fallbacks("unreachable")).isEqualTo(before + 1);
    }

    /** A source of its own, with an empty cache, as after a restart. */
    RemoteTrustScoreSource source(String engineUrl) {
        var ownTransaction = new TransactionTemplate(transactions);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return new RemoteTrustScoreSource(
                RemoteTrustScoreSource.client(engineUrl, properties.engineTimeout()),
                store,
                jdbc,
                ownTransaction,
                clock,
                properties.cacheTtl(),
                meters);
    }

    @Test
    void theLastKnownScoreSurvivesARestartInTheLocalStore() {
        score = "33.333333";
        trust.scoreOf(entity);

        // A fresh source has an empty cache, as after a restart; the engine is down.
        var restarted = source(properties.engineUrl());
        behaviour = Behaviour.FAIL_500;
        assertThat(restarted.find(entity).orElseThrow().score()).isEqualByComparingTo("33.333333");
    }
}
