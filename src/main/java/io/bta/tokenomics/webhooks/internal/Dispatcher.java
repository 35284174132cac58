package io.bta.tokenomics.webhooks.internal;

import io.bta.tokenomics.shared.Ids;
import io.bta.tokenomics.webhooks.DeliveryAttempt;
import io.bta.tokenomics.webhooks.WebhookEndpoint;
import io.bta.tokenomics.webhooks.WebhookEndpoint.EndpointStatus;
import io.bta.tokenomics.webhooks.WebhooksProperties;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due deliveries. Each attempt is one transaction: lock the next due delivery ({@code FOR
 * UPDATE SKIP LOCKED}, so two dispatchers, on one instance or two, never send the same attempt at
 * once), send it, record the attempt, the delivery's new state and the endpoint's health, commit.
 * A crash before the commit leaves the delivery as it was, and it is sent again: at least once.
 */
@Component
public class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final DeliveryStore deliveries;
    private final EndpointStore endpoints;
    private final WebhookSender sender;
    private final Backoff backoff;
    private final Clock clock;
    private final WebhooksProperties properties;
    private final TransactionTemplate transactions;
    private final ExecutorService workers;

    Dispatcher(
            DeliveryStore deliveries,
            EndpointStore endpoints,
            WebhookSender sender,
            Backoff backoff,
            Clock clock,
            WebhooksProperties properties,
            PlatformTransactionManager transactionManager) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.sender = sender;
        this.backoff = backoff;
        this.clock = clock;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactionManager);
        var counter = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(properties.dispatchConcurrency(), r -> {
            var t = new Thread(r, "webhook-dispatch-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Sends every delivery due now, with {@code dispatch-concurrency} workers, and returns once none
     * is left; returns how many attempts were made.
     */
    public int dispatchDue() {
        var futures = new ArrayList<Future<Integer>>();
        for (int i = 0; i < properties.dispatchConcurrency(); i++) {
            futures.add(workers.submit(this::drain));
        }
        int attempts = 0;
        for (var f : futures) {
            try {
                attempts += f.get();
            } catch (ExecutionException e) {
                log.warn("webhook dispatch worker failed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return attempts;
    }

    private int drain() {
        int attempts = 0;
        while (Boolean.TRUE.equals(transactions.execute(s -> attemptNext()))) {
            attempts++;
        }
        return attempts;
    }

    private boolean attemptNext() {
        var now = clock.instant();
        var due = deliveries.lockNextDue(now).orElse(null);
        if (due == null) {
            return false;
        }
        var secrets = endpoints.secrets(due.endpointId());
        long timestamp = now.getEpochSecond();
        var signature = Signatures.header(secrets.signingAt(now), due.webhookId(), timestamp, due.payload());
        var result = sender.send(due.url(), due.webhookId(), timestamp, signature, due.payload());
        int attempt = due.attempts() + 1;
        Instant next = null;
        if (result.succeeded()) {
            deliveries.succeeded(due.deliveryId(), attempt, now);
        } else if (attempt >= properties.maxAttempts()) {
            deliveries.gaveUp(due.deliveryId(), attempt, now);
            log.info(
                    "webhook delivery {} of {} given up after {} attempts", due.deliveryId(), due.webhookId(), attempt);
        } else {
            next = now.plus(backoff.delay(attempt));
            deliveries.retryAt(due.deliveryId(), attempt, next);
        }
        deliveries.insertAttempt(new DeliveryAttempt(
                Ids.newId(clock),
                due.deliveryId(),
                due.endpointId(),
                due.messageId(),
                attempt,
                now,
                result.succeeded(),
                result.statusCode(),
                result.error(),
                result.response(),
                result.durationMs(),
                next));
        recordHealth(due.endpointId(), result.succeeded(), now);
        return true;
    }

    /** Counts the attempt against the endpoint (locked: concurrent attempts add up) and disables it if due. */
    private void recordHealth(java.util.UUID endpointId, boolean succeeded, Instant now) {
        var e = endpoints.find(endpointId, true).orElse(null);
        if (e == null) {
            return;
        }
        if (succeeded) {
            endpoints.updateHealth(with(e, 0, null, e.status(), e.disabledReason(), e.updatedAt()), now);
            return;
        }
        int failures = e.consecutiveFailures() + 1;
        var failingSince = e.failingSince() == null ? now : e.failingSince();
        var status = e.status();
        var reason = e.disabledReason();
        var updatedAt = e.updatedAt();
        if (status == EndpointStatus.ENABLED) {
            if (failures >= properties.disableAfterFailures()) {
                status = EndpointStatus.DISABLED;
                reason = "failed " + failures + " times in a row";
            } else if (!failingSince.plus(properties.disableAfterFailingFor()).isAfter(now)) {
                status = EndpointStatus.DISABLED;
                reason = "failing since " + failingSince;
            }
            if (status == EndpointStatus.DISABLED) {
                updatedAt = now;
                log.warn("webhook endpoint {} disabled: {}", endpointId, reason);
            }
        }
        endpoints.updateHealth(with(e, failures, failingSince, status, reason, updatedAt), null);
    }

    private static WebhookEndpoint with(
            WebhookEndpoint e,
            int failures,
            Instant failingSince,
            EndpointStatus status,
            String reason,
            Instant updatedAt) {
        return new WebhookEndpoint(
                e.id(),
                e.url(),
                e.description(),
                e.eventTypes(),
                status,
                reason,
                failures,
                failingSince,
                e.lastSuccessAt(),
                e.createdBy(),
                e.createdAt(),
                updatedAt);
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
