package io.bta.tokenomics.webhooks.internal;

import io.bta.tokenomics.shared.NumberText;
import io.bta.tokenomics.shared.error.InvalidInput;
import io.bta.tokenomics.shared.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The caller's events as server-sent events, under {@code /api/events/stream}. */
@RestController
@RequestMapping("/api/events")
@Tag(name = "Events", description = "the caller's own events as server-sent events (all for admins)")
class EventStreamController {

    private final EventStream stream;

    EventStreamController(EventStream stream) {
        this.stream = stream;
    }

    /**
     * Each event has the message's seq as its id, its type as its name and the webhook payload as
     * its data. A client that reconnects with {@code Last-Event-ID} (or {@code ?lastEventId=}, for
     * a first connection) gets what it missed since.
     */
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Server-sent events: the caller's own events (every event for an admin), with heartbeats")
    SseEmitter stream(
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventIdHeader,
            @RequestParam(name = "lastEventId", required = false) String lastEventIdParam) {
        var caller = Caller.current();
        var raw = lastEventIdHeader != null ? lastEventIdHeader : lastEventIdParam;
        Long lastEventId = null;
        if (raw != null && !raw.isBlank()) {
            try {
                lastEventId = NumberText.parseLong(raw.trim());
            } catch (NumberFormatException e) {
                lastEventId = -1L;
            }
            if (lastEventId < 0) {
                throw InvalidInput.field("Last-Event-ID", "must be an event id sent by this stream");
            }
        }
        return stream.subscribe(caller.isAdmin() ? null : caller.id(), lastEventId);
    }
}
