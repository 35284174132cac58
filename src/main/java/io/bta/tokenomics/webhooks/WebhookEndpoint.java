package io.bta.tokenomics.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A registered receiver. Its secret is not part of it: it is answered once, when created or
 * rotated ({@link CreatedEndpoint}). {@code consecutiveFailures} counts failed attempts since the
 * last success, {@code failingSince} is the first of them.
 */
public record WebhookEndpoint(
        UUID id,
        String url,
        String description,
        List<String> eventTypes,
        EndpointStatus status,
        String disabledReason,
        int consecutiveFailures,
        Instant failingSince,
        Instant lastSuccessAt,
        String createdBy,
        Instant createdAt,
        Instant updatedAt) {

    public enum EndpointStatus {
        ENABLED,
        DISABLED
    }

    /** An endpoint with the secret that signs its deliveries, shown this once. */
    public record CreatedEndpoint(WebhookEndpoint endpoint, String secret) {}
}
