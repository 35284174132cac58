package io.bta.tokenomics.webhooks;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tokenomics.webhooks.*}.
 *
 * <ul>
 *   <li>{@code follow-interval-ms}, {@code follow-batch-size}: how often the ledger follower reads
 *       the ledger's new transactions, and how many per transaction.
 *   <li>{@code dispatch-interval-ms}, {@code dispatch-concurrency}: how often the dispatcher looks
 *       for due deliveries, and how many it sends at once.
 *   <li>{@code connect-timeout}, {@code request-timeout}: per attempt.
 *   <li>{@code retry-initial-delay}, {@code retry-multiplier}, {@code retry-max-delay},
 *       {@code retry-jitter-percent}, {@code max-attempts}: after failed attempt n the next one is
 *       due {@code min(initial × multiplier^(n−1), max)} later, ± the jitter; after
 *       {@code max-attempts} the delivery is given up.
 *   <li>{@code disable-after-failures}, {@code disable-after-failing-for}: an endpoint is disabled
 *       after that many failed attempts in a row, or when it has failed for that long without a
 *       success.
 *   <li>{@code secret-rotation-overlap}: how long the previous secret still signs after a rotation.
 *   <li>{@code stream-poll-interval-ms}, {@code stream-heartbeat}, {@code stream-timeout}: the
 *       event stream (messages recorded by other instances are seen within the poll interval; a
 *       stream is closed after the timeout, and the client reconnects with its Last-Event-ID).
 *   <li>{@code retention}, {@code purge-interval-ms}: messages older than the retention with no
 *       pending delivery are deleted with their deliveries and attempts.
 * </ul>
 */
@ConfigurationProperties("tokenomics.webhooks")
public record WebhooksProperties(
        @DefaultValue("1000") long followIntervalMs,
        @DefaultValue("500") int followBatchSize,
        @DefaultValue("1000") long dispatchIntervalMs,
        @DefaultValue("4") int dispatchConcurrency,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration requestTimeout,
        @DefaultValue("5s") Duration retryInitialDelay,
        @DefaultValue("4") int retryMultiplier,
        @DefaultValue("10h") Duration retryMaxDelay,
        @DefaultValue("20") int retryJitterPercent,
        @DefaultValue("10") int maxAttempts,
        @DefaultValue("50") int disableAfterFailures,
        @DefaultValue("5d") Duration disableAfterFailingFor,
        @DefaultValue("24h") Duration secretRotationOverlap,
        @DefaultValue("1000") long streamPollIntervalMs,
        @DefaultValue("15s") Duration streamHeartbeat,
        @DefaultValue("30m") Duration streamTimeout,
        @DefaultValue("30d") Duration retention,
        @DefaultValue("3600000") long purgeIntervalMs) {

    public WebhooksProperties {
        require(followIntervalMs >= 100, "follow-interval-ms must be at least 100");
        require(followBatchSize >= 1 && followBatchSize <= 10_000, "follow-batch-size must be 1 to 10000");
        require(dispatchIntervalMs >= 100, "dispatch-interval-ms must be at least 100");
        require(dispatchConcurrency >= 1 && dispatchConcurrency <= 64, "dispatch-concurrency must be 1 to 64");
        require(positive(connectTimeout) && positive(requestTimeout), "timeouts must be positive");
        require(positive(retryInitialDelay), "retry-initial-delay must be positive");
        require(retryMultiplier >= 1 && retryMultiplier <= 100, "retry-multiplier must be 1 to 100");
        require(
                positive(retryMaxDelay) && retryMaxDelay.compareTo(retryInitialDelay) >= 0,
                "retry-max-delay must be at least retry-initial-delay");
        require(retryJitterPercent >= 0 && retryJitterPercent <= 100, "retry-jitter-percent must be 0 to 100");
        require(maxAttempts >= 1 && maxAttempts <= 100, "max-attempts must be 1 to 100");
        require(disableAfterFailures >= 1, "disable-after-failures must be at least 1");
        require(positive(disableAfterFailingFor), "disable-after-failing-for must be positive");
        require(!secretRotationOverlap.isNegative(), "secret-rotation-overlap must not be negative");
        require(streamPollIntervalMs >= 100, "stream-poll-interval-ms must be at least 100");
        require(positive(streamHeartbeat) && positive(streamTimeout), "stream durations must be positive");
        require(positive(retention), "retention must be positive");
        require(purgeIntervalMs >= 1000, "purge-interval-ms must be at least 1000");
    }

    private static boolean positive(Duration d) {
        return d != null && !d.isNegative() && !d.isZero();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("tokenomics.webhooks." + message);
        }
    }
}
