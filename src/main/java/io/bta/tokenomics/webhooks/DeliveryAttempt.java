package io.bta.tokenomics.webhooks;

import java.time.Instant;
import java.util.UUID;

/**
 * One HTTP attempt to deliver a message to an endpoint. {@code statusCode} is null when no answer
 * came (connection refused, timeout); {@code response} is the start of the answer's body;
 * {@code nextAttemptAt} is when the next try was scheduled after a failure (null after a success or
 * when the delivery was given up).
 */
public record DeliveryAttempt(
        UUID id,
        UUID deliveryId,
        UUID endpointId,
        UUID messageId,
        int attempt,
        Instant attemptedAt,
        boolean succeeded,
        Integer statusCode,
        String error,
        String response,
        long durationMs,
        Instant nextAttemptAt) {}
