package io.bta.tokenomics.webhooks;

import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.Ids;
import io.bta.tokenomics.webhooks.WebhookEndpoint.CreatedEndpoint;
import io.bta.tokenomics.webhooks.WebhookEndpoint.EndpointStatus;
import io.bta.tokenomics.webhooks.internal.DeliveryStore;
import io.bta.tokenomics.webhooks.internal.Dispatcher;
import io.bta.tokenomics.webhooks.internal.EndpointStore;
import io.bta.tokenomics.webhooks.internal.LedgerFollower;
import io.bta.tokenomics.webhooks.internal.Signatures;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The webhooks facade: endpoints and their secrets, the messages and every delivery attempt,
 * replays, and the background jobs (follow the ledger, dispatch due deliveries, purge old messages)
 * that tests and operators can also run on demand.
 */
@Service
public class Webhooks {

    /** What an admin registers; the URL and types are validated by the caller (the controller). */
    public record NewEndpoint(String url, String description, List<String> eventTypes) {
        public NewEndpoint {
            Objects.requireNonNull(url, "url");
            eventTypes = List.copyOf(eventTypes);
            if (eventTypes.isEmpty() || !eventTypes.stream().allMatch(WebhookEventTypes::isSubscribable)) {
                throw new IllegalArgumentException("event types must be known types or *");
            }
        }
    }

    /** A change to an endpoint: null fields stay as they are. Enabling resets the failure counters. */
    public record EndpointChange(String url, String description, List<String> eventTypes, EndpointStatus status) {}

    private static final int PURGE_CHUNK = 1000;

    private final EndpointStore endpoints;
    private final DeliveryStore deliveries;
    private final Dispatcher dispatcher;
    private final LedgerFollower follower;
    private final Clock clock;
    private final WebhooksProperties properties;

    Webhooks(
            EndpointStore endpoints,
            DeliveryStore deliveries,
            Dispatcher dispatcher,
            LedgerFollower follower,
            Clock clock,
            WebhooksProperties properties) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.dispatcher = dispatcher;
        this.follower = follower;
        this.clock = clock;
        this.properties = properties;
    }

    /** Registers an endpoint, ENABLED, with a new secret that is answered this once. */
    @Transactional
    public CreatedEndpoint create(NewEndpoint n, EntityId actor) {
        var now = now();
        var endpoint = new WebhookEndpoint(
                Ids.newId(clock),
                n.url(),
                n.description(),
                n.eventTypes(),
                EndpointStatus.ENABLED,
                null,
                0,
                null,
                null,
                actor.value(),
                now,
                now);
        var secret = Signatures.newSecret();
        endpoints.insert(endpoint, secret);
        return new CreatedEndpoint(endpoint, secret);
    }

    @Transactional(readOnly = true)
    public List<WebhookEndpoint> endpoints() {
        return endpoints.all();
    }

    @Transactional(readOnly = true)
    public WebhookEndpoint endpoint(UUID id) {
        return endpoints.find(id, false).orElseThrow(() -> WebhookProblems.unknownEndpoint(id.toString()));
    }

    @Transactional
    public WebhookEndpoint update(UUID id, EndpointChange change) {
        var e = endpoints.find(id, true).orElseThrow(() -> WebhookProblems.unknownEndpoint(id.toString()));
        var status = change.status() == null ? e.status() : change.status();
        boolean enabling = status == EndpointStatus.ENABLED && e.status() == EndpointStatus.DISABLED;
        boolean disabling = status == EndpointStatus.DISABLED && e.status() == EndpointStatus.ENABLED;
        var updated = new WebhookEndpoint(
                e.id(),
                change.url() == null ? e.url() : change.url(),
                change.description() == null ? e.description() : change.description(),
                change.eventTypes() == null ? e.eventTypes() : List.copyOf(change.eventTypes()),
                status,
                enabling ? null : disabling ? "disabled by an admin" : e.disabledReason(),
                enabling ? 0 : e.consecutiveFailures(),
                enabling ? null : e.failingSince(),
                e.lastSuccessAt(),
                e.createdBy(),
                e.createdAt(),
                now());
        endpoints.update(updated);
        return updated;
    }

    /** Deletes an endpoint with its deliveries and their attempts. */
    @Transactional
    public void delete(UUID id) {
        // The deliveries first, then the endpoint: the dispatcher's order, so the two never deadlock.
        endpoints.lockDeliveries(id);
        if (!endpoints.delete(id)) {
            throw WebhookProblems.unknownEndpoint(id.toString());
        }
    }

    /**
     * A new secret, answered this once. The previous one keeps signing too (a second signature in
     * the header) for {@code secret-rotation-overlap}, so receivers can switch without losing any.
     */
    @Transactional
    public CreatedEndpoint rotateSecret(UUID id) {
        var e = endpoints.find(id, true).orElseThrow(() -> WebhookProblems.unknownEndpoint(id.toString()));
        var now = now();
        var secret = Signatures.newSecret();
        endpoints.rotate(id, secret, now.plus(properties.secretRotationOverlap()), now);
        return new CreatedEndpoint(endpoint(e.id()), secret);
    }

    /** Attempts, newest first: of an endpoint, of a message, or of a message to an endpoint. */
    @Transactional(readOnly = true)
    public List<DeliveryAttempt> attempts(UUID endpointId, UUID messageId, int limit) {
        if (endpointId != null) {
            endpoint(endpointId);
        }
        if (messageId != null) {
            message(messageId);
        }
        return deliveries.attempts(endpointId, messageId, limit);
    }

    @Transactional(readOnly = true)
    public WebhookMessage message(UUID id) {
        return deliveries.message(id).orElseThrow(() -> WebhookProblems.unknownMessage(id.toString()));
    }

    /** Messages after a seq (0: from the first kept), oldest first; {@code type} is optional. */
    @Transactional(readOnly = true)
    public List<WebhookMessage> messages(long afterSeq, String type, int limit) {
        return deliveries.messagesAfter(afterSeq, null, type, limit);
    }

    /** Sends one message to an endpoint again (with the same webhook-id), whatever its types. */
    @Transactional
    public void replay(UUID endpointId, UUID messageId) {
        endpoint(endpointId);
        message(messageId);
        deliveries.enqueue(endpointId, messageId, now());
    }

    /** Sends again every message since a time whose type the endpoint subscribes to; returns how many. */
    @Transactional
    public int replaySince(UUID endpointId, Instant since) {
        var e = endpoint(endpointId);
        return deliveries.enqueueSince(endpointId, e.eventTypes(), since, now());
    }

    /** Turns the ledger's new transactions into messages; returns how many it read. */
    public int followLedger() {
        return follower.follow();
    }

    /** The last ledger sequence turned into messages. */
    public long ledgerPosition() {
        return follower.position();
    }

    /** Sends every delivery due now; returns how many attempts were made. */
    public int dispatchDue() {
        return dispatcher.dispatchDue();
    }

    /** Deletes messages older than the retention that no delivery waits for; returns how many. */
    public int purge() {
        var cutoff = now().minus(properties.retention());
        int purged = 0;
        int chunk;
        do {
            chunk = deliveries.purge(cutoff, PURGE_CHUNK);
            purged += chunk;
        } while (chunk == PURGE_CHUNK);
        return purged;
    }

    private Instant now() {
        return clock.instant();
    }
}
