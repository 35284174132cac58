package io.bta.tokenomics.webhooks.internal;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.bta.tokenomics.shared.Ids;
import io.bta.tokenomics.shared.error.Inputs;
import io.bta.tokenomics.shared.security.Caller;
import io.bta.tokenomics.shared.web.Paging;
import io.bta.tokenomics.shared.web.Refuses;
import io.bta.tokenomics.webhooks.DeliveryAttempt;
import io.bta.tokenomics.webhooks.WebhookEndpoint;
import io.bta.tokenomics.webhooks.WebhookEndpoint.CreatedEndpoint;
import io.bta.tokenomics.webhooks.WebhookEndpoint.EndpointStatus;
import io.bta.tokenomics.webhooks.WebhookEventTypes;
import io.bta.tokenomics.webhooks.WebhookMessage;
import io.bta.tokenomics.webhooks.WebhookProblems;
import io.bta.tokenomics.webhooks.Webhooks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Admins register webhook endpoints and follow their deliveries under {@code /api/admin/webhooks}. */
@RestController
@RequestMapping("/api/admin/webhooks")
@Tag(name = "Webhooks", description = "endpoints, messages, delivery attempts and replays (admin)")
class WebhooksController {

    private static final int MAX_URL_LENGTH = 2000;
    private static final int MAX_DESCRIPTION_LENGTH = 500;

    record CreateRequest(String url, String description, List<String> eventTypes) {}

    record UpdateRequest(String url, String description, List<String> eventTypes, String status) {}

    record ReplayRequest(String messageId, String since) {}

    /**
     * An endpoint as answered: the facade's record with its signing secret, which only the answers
     * that create or rotate it carry (null everywhere else).
     */
    record EndpointView(@JsonUnwrapped WebhookEndpoint endpoint, String secret) {
        static EndpointView of(WebhookEndpoint e) {
            return new EndpointView(e, null);
        }

        static EndpointView of(CreatedEndpoint c) {
            return new EndpointView(c.endpoint(), c.secret());
        }
    }

    private final Webhooks webhooks;

    WebhooksController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @GetMapping("/event-types")
    @Operation(summary = "The event types an endpoint can subscribe to ('*' subscribes to all)")
    List<String> eventTypes() {
        Caller.current().requireAdmin();
        return WebhookEventTypes.KNOWN;
    }

    @PostMapping
    @Operation(summary = "Register an endpoint; its signing secret is in this answer only")
    ResponseEntity<EndpointView> create(@RequestBody CreateRequest r) {
        var caller = Caller.current();
        caller.requireAdmin();
        var in = new Inputs();
        var url = url(in, r.url());
        var description = in.optional("description", r.description(), MAX_DESCRIPTION_LENGTH);
        var types = eventTypes(in, r.eventTypes());
        in.check();
        var created = webhooks.create(new Webhooks.NewEndpoint(url, description, types), caller.id());
        return ResponseEntity.status(HttpStatus.CREATED).body(EndpointView.of(created));
    }

    @GetMapping
    @Operation(summary = "Every endpoint, oldest first (without secrets)")
    List<EndpointView> list() {
        Caller.current().requireAdmin();
        return webhooks.endpoints().stream().map(EndpointView::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One endpoint (without its secret)")
    @Refuses(status = 404, codes = "UNKNOWN_WEBHOOK")
    EndpointView get(@PathVariable String id) {
        Caller.current().requireAdmin();
        return EndpointView.of(webhooks.endpoint(endpointId(id)));
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change the URL, description or event types, or set status ENABLED / DISABLED")
    @Refuses(status = 404, codes = "UNKNOWN_WEBHOOK")
    EndpointView update(@PathVariable String id, @RequestBody UpdateRequest r) {
        Caller.current().requireAdmin();
        var endpointId = endpointId(id);
        var in = new Inputs();
        var url = r.url() == null ? null : url(in, r.url());
        var description = in.optional("description", r.description(), MAX_DESCRIPTION_LENGTH);
        var types = r.eventTypes() == null ? null : eventTypes(in, r.eventTypes());
        var status = r.status() == null ? null : in.valid("status", () -> EndpointStatus.of(r.status()));
        in.check();
        return EndpointView.of(
                webhooks.update(endpointId, new Webhooks.EndpointChange(url, description, types, status)));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete an endpoint with its deliveries and attempts")
    @Refuses(status = 404, codes = "UNKNOWN_WEBHOOK")
    ResponseEntity<Void> delete(@PathVariable String id) {
        Caller.current().requireAdmin();
        webhooks.delete(endpointId(id));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/rotate-secret")
    @Operation(summary = "A new signing secret, in this answer only; the previous one also signs for a while")
    @Refuses(status = 404, codes = "UNKNOWN_WEBHOOK")
    EndpointView rotateSecret(@PathVariable String id) {
        Caller.current().requireAdmin();
        return EndpointView.of(webhooks.rotateSecret(endpointId(id)));
    }

    @GetMapping("/{id}/attempts")
    @Operation(summary = "Delivery attempts to an endpoint, newest first; messageId narrows them to one message")
    @Refuses(status = 404, codes = "UNKNOWN_WEBHOOK")
    @Refuses(status = 404, codes = "UNKNOWN_WEBHOOK_MESSAGE")
    List<DeliveryAttempt> attempts(
            @PathVariable String id,
            @RequestParam(required = false) String messageId,
            @RequestParam(required = false) Integer limit) {
        Caller.current().requireAdmin();
        var endpointId = endpointId(id);
        var in = new Inputs();
        UUID message = messageId == null ? null : uuid(in, "messageId", messageId);
        int max = Paging.limit(in, limit, Paging.MAX_LIMIT);
        in.check();
        return webhooks.attempts(endpointId, message, max);
    }

    @PostMapping("/{id}/replay")
    @Operation(summary = "Send again one message ({messageId}) or every subscribed message since a time ({since})")
    @Refuses(status = 404, codes = "UNKNOWN_WEBHOOK")
    @Refuses(status = 404, codes = "UNKNOWN_WEBHOOK_MESSAGE")
    ResponseEntity<Map<String, Integer>> replay(@PathVariable String id, @RequestBody ReplayRequest r) {
        Caller.current().requireAdmin();
        var endpointId = endpointId(id);
        var in = new Inputs();
        if ((r.messageId() == null) == (r.since() == null)) {
            in.reject("messageId", "give exactly one of messageId and since");
            in.check();
        }
        var message = r.messageId() == null ? null : uuid(in, "messageId", r.messageId());
        var since = r.since() == null ? null : instant(in, "since", r.since());
        in.check();
        if (message != null) {
            webhooks.replay(endpointId, message);
        }
        int enqueued = message != null ? 1 : webhooks.replaySince(endpointId, since);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("enqueued", enqueued));
    }

    @GetMapping("/messages")
    @Operation(summary = "Messages after a seq (after=0: from the oldest kept), oldest first")
    List<WebhookMessage> messages(
            @RequestParam(required = false) Long after,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) Integer limit) {
        Caller.current().requireAdmin();
        var in = new Inputs();
        if (after != null && after < 0) {
            in.reject("after", "must be 0 or more");
        }
        if (type != null && !WebhookEventTypes.KNOWN.contains(type)) {
            in.reject("type", "must be one of " + String.join(", ", WebhookEventTypes.KNOWN));
        }
        int max = Paging.limit(in, limit, Paging.MAX_LIMIT);
        in.check();
        return webhooks.messages(after == null ? 0 : after, type, max);
    }

    @GetMapping("/messages/{messageId}")
    @Operation(summary = "One message with its payload")
    @Refuses(status = 404, codes = "UNKNOWN_WEBHOOK_MESSAGE")
    WebhookMessage message(@PathVariable String messageId) {
        Caller.current().requireAdmin();
        return webhooks.message(messageIdOrNotFound(messageId));
    }

    @GetMapping("/messages/{messageId}/attempts")
    @Operation(summary = "Every attempt to deliver one message, newest first")
    @Refuses(status = 404, codes = "UNKNOWN_WEBHOOK_MESSAGE")
    List<DeliveryAttempt> messageAttempts(
            @PathVariable String messageId, @RequestParam(required = false) Integer limit) {
        Caller.current().requireAdmin();
        var id = messageIdOrNotFound(messageId);
        var in = new Inputs();
        int max = Paging.limit(in, limit, Paging.MAX_LIMIT);
        in.check();
        return webhooks.attempts(null, id, max);
    }

    private static String url(Inputs in, String raw) {
        var value = in.required("url", raw, MAX_URL_LENGTH);
        return in.valid("url", () -> WebhookEndpoint.checkedUrl(value));
    }

    private static List<String> eventTypes(Inputs in, List<String> raw) {
        return in.valid("eventTypes", () -> WebhookEventTypes.subscription(raw));
    }

    /** A message id as a UUID, or as its webhook-id ({@code msg_} + the UUID). */
    private static UUID uuid(Inputs in, String field, String value) {
        try {
            return Ids.parse(value.startsWith("msg_") ? value.substring(4) : value);
        } catch (IllegalArgumentException e) {
            return in.reject(field, "must be a UUID");
        }
    }

    private static Instant instant(Inputs in, String field, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            return in.reject(field, "must be an ISO-8601 instant, e.g. 2026-01-31T12:00:00Z");
        }
    }

    private static UUID endpointId(String value) {
        return parseOr(value, WebhookProblems::unknownEndpoint);
    }

    private static UUID messageIdOrNotFound(String value) {
        return parseOr(value.startsWith("msg_") ? value.substring(4) : value, WebhookProblems::unknownMessage);
    }

    private static UUID parseOr(String value, Function<String, RuntimeException> notFound) {
        try {
            return Ids.parse(value);
        } catch (IllegalArgumentException e) {
            throw notFound.apply(value.length() > 64 ? value.substring(0, 64) : value);
        }
    }
}
