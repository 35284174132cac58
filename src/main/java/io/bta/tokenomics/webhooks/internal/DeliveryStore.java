package io.bta.tokenomics.webhooks.internal;

import static io.bta.tokenomics.webhooks.internal.EndpointStore.instant;
import static io.bta.tokenomics.webhooks.internal.EndpointStore.strings;
import static io.bta.tokenomics.webhooks.internal.EndpointStore.timestamp;

import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.webhooks.DeliveryAttempt;
import io.bta.tokenomics.webhooks.WebhookMessage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Messages, deliveries and attempts, as rows. */
@Repository
public class DeliveryStore {

    /** A due delivery, locked by the caller's transaction, with what it takes to send it. */
    public record Due(
            UUID deliveryId,
            UUID endpointId,
            String url,
            UUID messageId,
            String webhookId,
            String payload,
            int attempts) {}

    private final JdbcClient jdbc;

    DeliveryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks the next due delivery of an enabled endpoint, skipping rows other dispatchers hold, and
     * only one whose endpoint has no earlier pending delivery sharing an ordering key: message k+1
     * of an entity waits until message k has succeeded or been given up. A delivery being sent by
     * another dispatcher is still PENDING until that one commits, so its successors wait too.
     */
    public Optional<Due> lockNextDue(Instant now) {
        return jdbc.sql(
                        """
                        select d.id, d.endpoint_id, e.url, d.message_id, m.payload, d.attempts
                        from webhook_deliveries d
                        join webhook_endpoints e on e.id = d.endpoint_id
                        join webhook_messages m on m.id = d.message_id
                        where d.status = 'PENDING' and d.next_attempt_at <= ? and e.status = 'ENABLED'
                          and not exists (
                              select 1 from webhook_deliveries p
                              where p.status = 'PENDING' and p.endpoint_id = d.endpoint_id
                                and p.message_seq <= d.message_seq
                                and p.ordering_keys && d.ordering_keys
                                and (p.message_seq, p.created_at, p.id) < (d.message_seq, d.created_at, d.id))
                        order by d.next_attempt_at, d.message_seq
                        limit 1
                        for update of d skip locked
                        """)
                .param(Timestamp.from(now))
                .query((rs, n) -> {
                    var messageId = rs.getObject("message_id", UUID.class);
                    return new Due(
                            rs.getObject("id", UUID.class),
                            rs.getObject("endpoint_id", UUID.class),
                            rs.getString("url"),
                            messageId,
                            "msg_" + messageId,
                            rs.getString("payload"),
                            rs.getInt("attempts"));
                })
                .optional();
    }

    public void succeeded(UUID deliveryId, int attempts, Instant now) {
        jdbc.sql(
                        """
                        update webhook_deliveries set status = 'SUCCEEDED', attempts = ?, next_attempt_at = null,
                            completed_at = ?
                        where id = ?
                        """)
                .param(attempts)
                .param(Timestamp.from(now))
                .param(deliveryId)
                .update();
    }

    public void retryAt(UUID deliveryId, int attempts, Instant next) {
        jdbc.sql("update webhook_deliveries set attempts = ?, next_attempt_at = ? where id = ?")
                .param(attempts)
                .param(Timestamp.from(next))
                .param(deliveryId)
                .update();
    }

    public void gaveUp(UUID deliveryId, int attempts, Instant now) {
        jdbc.sql(
                        """
                        update webhook_deliveries set status = 'FAILED', attempts = ?, next_attempt_at = null,
                            completed_at = ?
                        where id = ?
                        """)
                .param(attempts)
                .param(Timestamp.from(now))
                .param(deliveryId)
                .update();
    }

    public void insertAttempt(DeliveryAttempt a) {
        jdbc.sql(
                        """
                        insert into webhook_attempts (id, delivery_id, endpoint_id, message_id, attempt, attempted_at,
                            succeeded, status_code, error, response, duration_ms, next_attempt_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .param(a.id())
                .param(a.deliveryId())
                .param(a.endpointId())
                .param(a.messageId())
                .param(a.attempt())
                .param(Timestamp.from(a.attemptedAt()))
                .param(a.succeeded())
                .param(new SqlParameterValue(Types.INTEGER, a.statusCode()))
                .param(new SqlParameterValue(Types.VARCHAR, a.error()))
                .param(new SqlParameterValue(Types.VARCHAR, a.response()))
                .param(a.durationMs())
                .param(timestamp(a.nextAttemptAt()))
                .update();
    }

    /** Attempts for an endpoint, newest first, optionally of one message. */
    public List<DeliveryAttempt> attempts(UUID endpointId, UUID messageId, int limit) {
        return jdbc.sql(
                        """
                        select * from webhook_attempts
                        where (?::uuid is null or endpoint_id = ?) and (?::uuid is null or message_id = ?)
                        order by attempted_at desc, attempt desc, id desc
                        limit ?
                        """)
                .param(new SqlParameterValue(Types.OTHER, endpointId))
                .param(new SqlParameterValue(Types.OTHER, endpointId))
                .param(new SqlParameterValue(Types.OTHER, messageId))
                .param(new SqlParameterValue(Types.OTHER, messageId))
                .param(limit)
                .query(DeliveryStore::attempt)
                .list();
    }

    /** A new PENDING delivery of one message to one endpoint, due now. */
    public void enqueue(UUID endpointId, UUID messageId, Instant now) {
        jdbc.sql(
                        """
                        insert into webhook_deliveries (id, endpoint_id, message_id, message_seq, ordering_keys,
                                                        status, attempts, next_attempt_at, created_at)
                        select gen_random_uuid(), ?, m.id, m.seq, m.ordering_keys, 'PENDING', 0, ?, ?
                        from webhook_messages m where m.id = ?
                        """)
                .param(endpointId)
                .param(Timestamp.from(now))
                .param(Timestamp.from(now))
                .param(messageId)
                .update();
    }

    /** New PENDING deliveries of every message since a time whose type the endpoint subscribes to. */
    public int enqueueSince(UUID endpointId, List<String> eventTypes, Instant since, Instant now) {
        return jdbc.sql(
                        """
                        insert into webhook_deliveries (id, endpoint_id, message_id, message_seq, ordering_keys,
                                                        status, attempts, next_attempt_at, created_at)
                        select gen_random_uuid(), ?, m.id, m.seq, m.ordering_keys, 'PENDING', 0, ?, ?
                        from webhook_messages m
                        where m.created_at >= ? and (m.type = any(?::text[]) or '*' = any(?::text[]))
                        order by m.seq
                        """)
                .param(endpointId)
                .param(Timestamp.from(now))
                .param(Timestamp.from(now))
                .param(Timestamp.from(since))
                .param(eventTypes.toArray(String[]::new))
                .param(eventTypes.toArray(String[]::new))
                .update();
    }

    public Optional<WebhookMessage> message(UUID id) {
        return jdbc.sql("select * from webhook_messages where id = ?")
                .param(id)
                .query(DeliveryStore::message)
                .optional();
    }

    /**
     * Messages after a seq, in seq order, at most {@code limit}; only a party's own when
     * {@code party} is given, only of one type when {@code type} is given.
     */
    public List<WebhookMessage> messagesAfter(long afterSeq, EntityId party, String type, int limit) {
        return jdbc.sql(
                        """
                        select * from webhook_messages
                        where seq > ? and (?::text is null or parties @> array[?::text])
                          and (?::text is null or type = ?)
                        order by seq
                        limit ?
                        """)
                .param(afterSeq)
                .param(new SqlParameterValue(Types.VARCHAR, party == null ? null : party.value()))
                .param(new SqlParameterValue(Types.VARCHAR, party == null ? null : party.value()))
                .param(new SqlParameterValue(Types.VARCHAR, type))
                .param(new SqlParameterValue(Types.VARCHAR, type))
                .param(limit)
                .query(DeliveryStore::message)
                .list();
    }

    public long lastSeq() {
        return jdbc.sql("select coalesce(max(seq), 0) from webhook_messages")
                .query(Long.class)
                .single();
    }

    /**
     * Deletes messages created before {@code cutoff} that no delivery still waits for, with their
     * deliveries and attempts (cascade), at most {@code limit}; returns how many.
     */
    public int purge(Instant cutoff, int limit) {
        return jdbc.sql(
                        """
                        delete from webhook_messages where id in (
                            select m.id from webhook_messages m
                            where m.created_at < ?
                              and not exists (select 1 from webhook_deliveries d
                                              where d.message_id = m.id and d.status = 'PENDING')
                            order by m.created_at
                            limit ?)
                        """)
                .param(Timestamp.from(cutoff))
                .param(limit)
                .update();
    }

    static WebhookMessage message(ResultSet rs, int n) throws SQLException {
        return new WebhookMessage(
                rs.getObject("id", UUID.class),
                rs.getLong("seq"),
                rs.getString("type"),
                strings(rs.getArray("ordering_keys")),
                strings(rs.getArray("parties")),
                rs.getString("payload"),
                instant(rs, "created_at"));
    }

    static DeliveryAttempt attempt(ResultSet rs, int n) throws SQLException {
        return new DeliveryAttempt(
                rs.getObject("id", UUID.class),
                rs.getObject("delivery_id", UUID.class),
                rs.getObject("endpoint_id", UUID.class),
                rs.getObject("message_id", UUID.class),
                rs.getInt("attempt"),
                instant(rs, "attempted_at"),
                rs.getBoolean("succeeded"),
                rs.getObject("status_code", Integer.class),
                rs.getString("error"),
                rs.getString("response"),
                rs.getLong("duration_ms"),
                instant(rs, "next_attempt_at"));
    }
}
