package io.bta.tokenomics.trust.internal;

import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.trust.TrustScore;
import io.bta.tokenomics.trust.TrustScoreSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Trust scores read from the platform's trust engine: {@code GET {engine-url}/scores/{entityId}}
 * answers {@code {"entityId": ..., "score": 72.5, "updatedAt": "...?"}}, and a 404 means the engine
 * has no score for the entity.
 *
 * <p>A score read is cached for {@code cache-ttl} and kept in the local store (a history row only
 * when it changed), so it is the last known score even after a restart. When the engine fails,
 * times out or answers something that is not a valid score, the last known score is used (from the
 * cache even if expired, else from the local store), the fallback is logged and counted in
 * {@code trust.engine.fallbacks{reason}}, and with no score ever known the caller gets the default.
 */
class RemoteTrustScoreSource implements TrustScoreSource {

    /** Who a score read from the engine is recorded as changed by, in the history. */
    static final EntityId TRUST_ENGINE = EntityId.of("trust-engine");

    static final String FALLBACKS = "trust.engine.fallbacks";
    static final String TIMEOUT = "timeout";
    static final String UNREACHABLE = "unreachable";
    static final String STATUS = "status";
    static final String INVALID = "invalid";

    /** An answer larger than this is not a score. */
    private static final int MAX_BODY_BYTES = 16 * 1024;

    private static final Logger log = LoggerFactory.getLogger(RemoteTrustScoreSource.class);

    /** The engine's answer; unknown fields are ignored so that the engine may add some. */
    record EngineScore(String entityId, BigDecimal score, Instant updatedAt) {}

    private record Raw(int status, byte[] body) {}

    private record Entry(Optional<TrustScore> score, Instant expiresAt) {}

    /** Why a read from the engine gave no usable answer; {@code reason} is the counter's tag. */
    private static final class EngineFailure extends Exception {
        final String reason;

        EngineFailure(String reason, String message, Throwable cause) {
            super(message, cause, false, false);
            this.reason = reason;
        }
    }

    private final RestClient http;
    private final LocalTrustStore store;
    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final Duration cacheTtl;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, Counter> fallbacks = new ConcurrentHashMap<>();
    private final MeterRegistry meters;
    // Entities seen since start; an entry past its expiry is still the last known score.
    private final Map<EntityId, Entry> cache = new ConcurrentHashMap<>();

    RemoteTrustScoreSource(
            RestClient http,
            LocalTrustStore store,
            JdbcClient jdbc,
            TransactionTemplate ownTransaction,
            Clock clock,
            Duration cacheTtl,
            MeterRegistry meters) {
        this.http = http;
        this.store = store;
        this.jdbc = jdbc;
        this.ownTransaction = ownTransaction;
        this.clock = clock;
        this.cacheTtl = cacheTtl;
        this.meters = meters;
        // Registered up front so that dashboards see zeros rather than no series at all.
        for (var reason : List.of(TIMEOUT, UNREACHABLE, STATUS, INVALID)) {
            fallbackCounter(reason);
        }
    }

    @Override
    public Optional<TrustScore> find(EntityId entity) {
        var now = clock.instant();
        var cached = cache.get(entity);
        if (cached != null && now.isBefore(cached.expiresAt())) {
            return cached.score();
        }
        Optional<TrustScore> read;
        try {
            read = read(entity, now);
        } catch (EngineFailure failure) {
            return fallBack(entity, cached, failure);
        }
        cache.put(entity, new Entry(read, now.plus(cacheTtl)));
        read.filter(score -> cached == null
                        || cached.score().isEmpty()
                        || cached.score().get().score().compareTo(score.score()) != 0)
                .ifPresent(this::keepLocally);
        return read;
    }

    @Override
    public void recorded(TrustScore score) {
        cache.put(
                score.entityId(), new Entry(Optional.of(score), clock.instant().plus(cacheTtl)));
    }

    private Optional<TrustScore> read(EntityId entity, Instant now) throws EngineFailure {
        Raw raw;
        try {
            raw = http.get().uri("/scores/{entityId}", entity.value()).exchange((request, response) -> {
                var status = response.getStatusCode().value();
                // Read one byte more than allowed, to tell a body that is too large from one that fits.
                var body = status == 200 ? response.getBody().readNBytes(MAX_BODY_BYTES + 1) : new byte[0];
                return new Raw(status, body);
            });
        } catch (RestClientException e) {
            if (isTimeout(e)) {
                throw new EngineFailure(TIMEOUT, "gave no answer in time", e);
            }
            throw new EngineFailure(UNREACHABLE, String.valueOf(e.getMostSpecificCause()), e);
        }
        if (raw.status() == 404) {
            return Optional.empty();
        }
        if (raw.status() != 200) {
            throw new EngineFailure(STATUS, "answered HTTP " + raw.status(), null);
        }
        if (raw.body().length > MAX_BODY_BYTES) {
            throw new EngineFailure(INVALID, "answered more than " + MAX_BODY_BYTES + " bytes", null);
        }
        return Optional.of(parse(entity, new String(raw.body(), StandardCharsets.UTF_8), now));
    }

    private TrustScore parse(EntityId entity, String body, Instant now) throws EngineFailure {
        EngineScore answer;
        try {
            answer = json.readValue(body, EngineScore.class);
        } catch (JacksonException e) {
            throw new EngineFailure(INVALID, "answered no score JSON: " + e.getOriginalMessage(), null);
        }
        if (answer == null || answer.score() == null) {
            throw new EngineFailure(INVALID, "answered no score", null);
        }
        if (answer.entityId() != null && !answer.entityId().equals(entity.value())) {
            throw new EngineFailure(INVALID, "answered the score of " + answer.entityId(), null);
        }
        try {
            TrustScore.requireValid(answer.score());
        } catch (IllegalArgumentException e) {
            throw new EngineFailure(
                    INVALID, "answered " + answer.score().toPlainString() + ": " + e.getMessage(), null);
        }
        var updatedAt = answer.updatedAt() != null ? answer.updatedAt() : now;
        return new TrustScore(entity, answer.score(), updatedAt.truncatedTo(ChronoUnit.MICROS));
    }

    private Optional<TrustScore> fallBack(EntityId entity, Entry cached, EngineFailure failure) {
        fallbackCounter(failure.reason).increment();
        var lastKnown = cached != null ? cached.score() : store.find(entity);
        log.warn(
                "Trust engine read of {} failed ({}: {}); using {}",
                entity.value(),
                failure.reason,
                failure.getMessage(),
                lastKnown
                        .map(s -> "the last known score " + s.score().toPlainString())
                        .orElse("the default score"));
        return lastKnown;
    }

    /**
     * Writes the engine's score to the local store in a transaction of its own: the caller may be
     * in a read-only transaction, or one that rolls back, and the score read is a fact either way.
     * A failure here costs only durability, so it is logged and the read goes on.
     */
    private void keepLocally(TrustScore score) {
        try {
            ownTransaction.executeWithoutResult(tx -> {
                // The caller's own transaction may hold this row's lock; wait briefly rather than forever.
                jdbc.sql("set local lock_timeout = '2s'").update();
                store.record(score.entityId(), score.score(), TRUST_ENGINE);
            });
        } catch (RuntimeException e) {
            log.warn(
                    "Could not keep the trust engine's score of {} locally: {}",
                    score.entityId().value(),
                    e.getMessage());
        }
    }

    private Counter fallbackCounter(String reason) {
        return fallbacks.computeIfAbsent(reason, r -> Counter.builder(FALLBACKS)
                .description(
                        "Trust score reads answered from the last known score or the default because the trust engine failed")
                .tag("reason", r)
                .register(meters));
    }

    private static boolean isTimeout(RestClientException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpTimeoutException || t instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    static RestClient client(String engineUrl, Duration timeout) {
        var httpClient = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        var requestFactory = new JdkClientHttpRequestFactory(httpClient);
        requestFactory.setReadTimeout(timeout);
        return RestClient.builder()
                .baseUrl(engineUrl)
                .requestFactory(requestFactory)
                .defaultHeader("Accept", MediaType.APPLICATION_JSON_VALUE)
                .build();
    }
}
