package io.bta.tokenomics.webhooks;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One event as it is sent: {@code payload} is the exact JSON body ({@code type}, {@code timestamp},
 * {@code data}) that is signed. {@code seq} follows commit order; it is the event stream's event id.
 * {@code webhookId} ({@code msg_} + the id) is the {@code webhook-id} header: the same on every
 * attempt and replay, so a receiver can drop duplicates. The admin API answers it as it is, the
 * payload as the JSON it is and without the ordering keys, which only the dispatcher reads.
 */
@JsonPropertyOrder({"id", "webhookId", "seq", "type", "parties", "createdAt", "payload"})
public record WebhookMessage(
        UUID id,
        long seq,
        String type,
        @JsonIgnore List<String> orderingKeys,
        List<String> parties,
        @JsonRawValue String payload,
        Instant createdAt) {

    @JsonProperty
    public String webhookId() {
        return "msg_" + id;
    }
}
