package io.bta.tokenomics.webhooks.internal;

import io.bta.tokenomics.shared.PublicEvent;
import io.bta.tokenomics.webhooks.internal.MessageLog.NewMessage;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The wire format of every message: {@code {"type", "timestamp", "data"}} as the Standard Webhooks
 * specification suggests, with {@code timestamp} the time the event happened and {@code data} the
 * event record itself, written by the service's JSON mapper (amounts, ids and hashes are strings).
 * Nothing here copies a field, so none can be forgotten; {@code EventPayloadsTest} holds every event
 * to it.
 */
@Component
public class EventPayloads {

    private final JsonMapper json;

    EventPayloads(JsonMapper json) {
        this.json = json;
    }

    public NewMessage message(PublicEvent event) {
        var envelope = new Envelope(event.eventType(), event.occurredAt().toString(), event);
        return new NewMessage(
                event.eventType(),
                event.orderingKeys(),
                event.parties(),
                json.writeValueAsString(envelope),
                event.sourceKey());
    }

    /** One message per event of the batch, in its order. */
    public List<NewMessage> messages(PublicEvent.Batch batch) {
        return batch.events().stream().map(this::message).toList();
    }

    private record Envelope(String type, String timestamp, Object data) {}
}
