package io.bta.tokenomics.webhooks.internal;

import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.Ids;
import io.bta.tokenomics.webhooks.WebhookEventTypes;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records messages and, in the same transaction, a PENDING delivery for every enabled endpoint
 * subscribed to each message's type. Runs in the caller's transaction (the ledger follower's, or an
 * event listener's own).
 */
@Component
public class MessageLog {

    /**
     * A message to record. {@code sourceKey} names what it was made from: a second message from the
     * same source (a redelivered event) is not recorded.
     */
    public record NewMessage(
            String type, List<String> orderingKeys, List<EntityId> parties, String payload, String sourceKey) {
        public NewMessage {
            if (!WebhookEventTypes.KNOWN.contains(type)) {
                throw new IllegalArgumentException("unknown webhook event type " + type);
            }
            if (orderingKeys.isEmpty()) {
                throw new IllegalArgumentException("a message has at least one ordering key");
            }
            orderingKeys = List.copyOf(orderingKeys);
            if (orderingKeys.stream().anyMatch(k -> k.isEmpty() || k.indexOf(SEPARATOR) >= 0)) {
                throw new IllegalArgumentException("an ordering key must be non-empty and hold no U+001F");
            }
            parties = parties.stream().filter(Objects::nonNull).distinct().toList();
            Objects.requireNonNull(payload, "payload");
            Objects.requireNonNull(sourceKey, "sourceKey");
        }
    }

    /**
     * Every transaction that adds messages holds this advisory lock until it commits, so the
     * messages' {@code seq} (taken after the lock) follows commit order: a reader that resumes after
     * the last seq it saw misses nothing. The transactions that take it are short.
     */
    private static final long APPEND_LOCK = 0x5745_4248_4f4f_4b53L; // "WEBHOOKS"

    /**
     * Joins a message's ordering keys (and its parties) into one text for the insert's arrays: the
     * unit separator, which neither an entity id nor an ordering key may hold.
     */
    private static final char SEPARATOR = '\u001f';

    private final JdbcClient jdbc;
    private final Clock clock;
    private final EventStream stream;

    MessageLog(JdbcClient jdbc, Clock clock, EventStream stream) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.stream = stream;
    }

    /** Records the new messages and their deliveries; returns how many messages were new. */
    public int append(List<NewMessage> messages) {
        if (messages.isEmpty()) {
            return 0;
        }
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("messages are appended inside a transaction");
        }
        var now = Timestamp.from(clock.instant());
        int n = messages.size();
        var ids = new String[n];
        var types = new String[n];
        var keys = new String[n];
        var parties = new String[n];
        var payloads = new String[n];
        var sources = new String[n];
        for (int i = 0; i < n; i++) {
            var m = messages.get(i);
            ids[i] = Ids.newId(clock).toString();
            types[i] = m.type();
            keys[i] = String.join(String.valueOf(SEPARATOR), m.orderingKeys());
            parties[i] =
                    m.parties().stream().map(EntityId::value).collect(Collectors.joining(String.valueOf(SEPARATOR)));
            payloads[i] = m.payload();
            sources[i] = m.sourceKey();
        }
        jdbc.sql("select pg_advisory_xact_lock(?)").param(APPEND_LOCK).query().singleRow();
        // one array per column (sent in binary): no JSON document to build here and parse there
        var inserted = new ArrayList<UUID>(jdbc.sql(
                        """
                        insert into webhook_messages (id, type, ordering_keys, parties, payload, source_key, created_at)
                        select v.id::uuid, v.type, string_to_array(v.keys, chr(31)), string_to_array(v.parties, chr(31)),
                               v.payload, v.source, ?
                        from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                            with ordinality as v(id, type, keys, parties, payload, source, n)
                        order by v.n
                        on conflict (source_key) do nothing
                        returning id
                        """)
                .param(now)
                .param(ids)
                .param(types)
                .param(keys)
                .param(parties)
                .param(payloads)
                .param(sources)
                .query(UUID.class)
                .list());
        if (inserted.isEmpty()) {
            return 0;
        }
        // Delivery ids are random (v4) rather than time-ordered: they are made set-based in SQL,
        // and the table is small (pending and recent deliveries) compared with the ledger.
        jdbc.sql(
                        """
                        insert into webhook_deliveries (id, endpoint_id, message_id, message_seq, ordering_keys,
                                                        status, attempts, next_attempt_at, created_at)
                        select gen_random_uuid(), e.id, m.id, m.seq, m.ordering_keys, 'PENDING', 0, ?, ?
                        from webhook_messages m
                        join webhook_endpoints e
                          on e.status = 'ENABLED' and (m.type = any(e.event_types) or '*' = any(e.event_types))
                        where m.id = any(?::uuid[])
                        order by m.seq, e.id
                        """)
                .param(now)
                .param(now)
                .param(inserted.stream().map(UUID::toString).toArray(String[]::new))
                .update();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                stream.wake();
            }
        });
        return inserted.size();
    }
}
