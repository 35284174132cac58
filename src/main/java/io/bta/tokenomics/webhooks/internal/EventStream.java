package io.bta.tokenomics.webhooks.internal;

import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.webhooks.WebhookMessage;
import io.bta.tokenomics.webhooks.WebhooksProperties;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The server-sent event stream of messages. Each subscriber remembers the last message seq it was
 * sent; the stream reads newer messages from the table (the ones the subscriber may see: its own,
 * or all for an admin), so a client that reconnects with {@code Last-Event-ID} gets what it missed,
 * and messages recorded by other instances arrive too. Reads happen when a local transaction
 * recorded messages (at once) and every {@code stream-poll-interval-ms} (the other instances').
 *
 * <p>Everything a subscriber is sent goes through one thread, so the emitters are never written
 * concurrently; a slow client delays the others by at most its socket's buffer.
 */
@Component
public class EventStream {

    private static final Logger log = LoggerFactory.getLogger(EventStream.class);
    private static final int BATCH = 500;

    private static final class Subscriber {
        final SseEmitter emitter;
        /** null: an admin, who sees every message */
        final EntityId party;

        long lastSent;

        Subscriber(SseEmitter emitter, EntityId party, long lastSent) {
            this.emitter = emitter;
            this.party = party;
            this.lastSent = lastSent;
        }
    }

    private final DeliveryStore store;
    private final WebhooksProperties properties;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService thread;
    private final AtomicBoolean wakePending = new AtomicBoolean();

    EventStream(DeliveryStore store, WebhooksProperties properties) {
        this.store = store;
        this.properties = properties;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            var t = new Thread(r, "webhook-event-stream");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(
                this::pollSafely,
                properties.streamPollIntervalMs(),
                properties.streamPollIntervalMs(),
                TimeUnit.MILLISECONDS);
        long heartbeat = properties.streamHeartbeat().toMillis();
        thread.scheduleAtFixedRate(this::heartbeat, heartbeat, heartbeat, TimeUnit.MILLISECONDS);
    }

    /**
     * A new stream for a caller ({@code party}, or null for an admin), starting after
     * {@code lastEventId} when given, else with the messages recorded from now on.
     */
    public SseEmitter subscribe(EntityId party, Long lastEventId) {
        var emitter = new SseEmitter(properties.streamTimeout().toMillis());
        thread.execute(() -> {
            try {
                long start = lastEventId == null ? store.lastSeq() : lastEventId;
                var subscriber = new Subscriber(emitter, party, start);
                emitter.onCompletion(() -> subscribers.remove(subscriber));
                emitter.onTimeout(() -> subscribers.remove(subscriber));
                emitter.onError(e -> subscribers.remove(subscriber));
                // A comment first, so the client sees the stream open before any event.
                emitter.send(SseEmitter.event().comment("stream open after " + start));
                subscribers.add(subscriber);
                catchUp(subscriber, store.lastSeq());
            } catch (IOException | RuntimeException e) {
                emitter.completeWithError(e);
            }
        });
        return emitter;
    }

    /** Messages were committed here: read them now rather than at the next poll. */
    public void wake() {
        if (wakePending.compareAndSet(false, true)) {
            thread.execute(() -> {
                wakePending.set(false);
                pollSafely();
            });
        }
    }

    private void pollSafely() {
        try {
            if (subscribers.isEmpty()) {
                return;
            }
            long latest = store.lastSeq();
            for (var s : subscribers) {
                if (s.lastSent < latest) {
                    catchUp(s, latest);
                }
            }
        } catch (RuntimeException e) {
            log.warn("event stream read failed", e);
        }
    }

    /**
     * Sends the subscriber what it may see after its last seq. Once everything up to
     * {@code latest} was read, its position moves to {@code latest} even if none of it was its
     * own: seq follows commit order, so nothing at or below {@code latest} can still appear.
     */
    private void catchUp(Subscriber s, long latest) {
        while (true) {
            List<WebhookMessage> batch = store.messagesAfter(s.lastSent, s.party, null, BATCH);
            for (var m : batch) {
                if (!send(s, m)) {
                    return;
                }
                s.lastSent = m.seq();
            }
            if (batch.size() < BATCH) {
                s.lastSent = Math.max(s.lastSent, latest);
                return;
            }
        }
    }

    private boolean send(Subscriber s, WebhookMessage m) {
        try {
            s.emitter.send(SseEmitter.event()
                    .id(Long.toString(m.seq()))
                    .name(m.type())
                    .data(m.payload(), MediaType.APPLICATION_JSON));
            return true;
        } catch (IOException | IllegalStateException e) {
            subscribers.remove(s);
            s.emitter.completeWithError(e);
            return false;
        }
    }

    private void heartbeat() {
        for (var s : subscribers) {
            try {
                s.emitter.send(SseEmitter.event().comment("heartbeat"));
            } catch (IOException | IllegalStateException e) {
                subscribers.remove(s);
                s.emitter.completeWithError(e);
            }
        }
    }

    @PreDestroy
    void stop() {
        for (var s : subscribers) {
            s.emitter.complete();
        }
        thread.shutdownNow();
    }
}
