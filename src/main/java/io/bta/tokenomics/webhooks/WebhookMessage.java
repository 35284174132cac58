package io.bta.tokenomics.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One event as it is sent: {@code payload} is the exact JSON body ({@code type}, {@code timestamp},
 * {@code data}) that is signed. {@code seq} follows commit order; it is the event stream's event id.
 * {@code webhookId} ({@code msg_} + the id) is the {@code webhook-id} header: the same on every
 * attempt and replay, so a receiver can drop duplicates.
 */
public record WebhookMessage(
        UUID id,
        long seq,
        String type,
        List<String> orderingKeys,
        List<String> parties,
        String payload,
        Instant createdAt) {

    public String webhookId() {
        return "msg_" + id;
    }
}
