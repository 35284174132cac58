package io.bta.tokenomics.webhooks.internal;

import io.bta.tokenomics.webhooks.WebhookEndpoint;
import io.bta.tokenomics.webhooks.WebhookEndpoint.EndpointStatus;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Webhook endpoints, as rows. */
@Repository
public class EndpointStore {

    /** The secrets that sign a delivery now: the current one, and the previous one until it expires. */
    public record Secrets(String current, String previous, Instant previousExpiresAt) {
        public List<String> signingAt(Instant now) {
            return previous != null && previousExpiresAt.isAfter(now) ? List.of(current, previous) : List.of(current);
        }
    }

    private final JdbcClient jdbc;

    EndpointStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(WebhookEndpoint e, String secret) {
        jdbc.sql(
                        """
                        insert into webhook_endpoints (id, url, description, event_types, secret, status,
                                                       created_by, created_at, updated_at)
                        values (?, ?, ?, ?::text[], ?, ?, ?, ?, ?)
                        """)
                .param(e.id())
                .param(e.url())
                .param(new SqlParameterValue(Types.VARCHAR, e.description()))
                .param(e.eventTypes().toArray(String[]::new))
                .param(secret)
                .param(e.status().name())
                .param(e.createdBy())
                .param(Timestamp.from(e.createdAt()))
                .param(Timestamp.from(e.updatedAt()))
                .update();
    }

    public Optional<WebhookEndpoint> find(UUID id, boolean lock) {
        return jdbc.sql("select * from webhook_endpoints where id = ?" + (lock ? " for no key update" : ""))
                .param(id)
                .query(EndpointStore::row)
                .optional();
    }

    public List<WebhookEndpoint> all() {
        return jdbc.sql("select * from webhook_endpoints order by created_at, id")
                .query(EndpointStore::row)
                .list();
    }

    public Secrets secrets(UUID id) {
        return jdbc.sql(
                        "select secret, previous_secret, previous_secret_expires_at from webhook_endpoints where id = ?")
                .param(id)
                .query((rs, n) -> new Secrets(
                        rs.getString("secret"),
                        rs.getString("previous_secret"),
                        instant(rs, "previous_secret_expires_at")))
                .single();
    }

    /** Writes the editable fields (url, description, event types, status) of a locked endpoint. */
    public void update(WebhookEndpoint e) {
        jdbc.sql(
                        """
                        update webhook_endpoints
                        set url = ?, description = ?, event_types = ?::text[], status = ?, disabled_reason = ?,
                            consecutive_failures = ?, failing_since = ?, updated_at = ?
                        where id = ?
                        """)
                .param(e.url())
                .param(new SqlParameterValue(Types.VARCHAR, e.description()))
                .param(e.eventTypes().toArray(String[]::new))
                .param(e.status().name())
                .param(new SqlParameterValue(Types.VARCHAR, e.disabledReason()))
                .param(e.consecutiveFailures())
                .param(timestamp(e.failingSince()))
                .param(Timestamp.from(e.updatedAt()))
                .param(e.id())
                .update();
    }

    public void rotate(UUID id, String secret, Instant previousExpiresAt, Instant now) {
        jdbc.sql(
                        """
                        update webhook_endpoints
                        set previous_secret = secret, previous_secret_expires_at = ?, secret = ?, updated_at = ?
                        where id = ?
                        """)
                .param(Timestamp.from(previousExpiresAt))
                .param(secret)
                .param(Timestamp.from(now))
                .param(id)
                .update();
    }

    /** Locks an endpoint's deliveries (waiting for a dispatcher sending one), before deleting it. */
    public void lockDeliveries(UUID id) {
        jdbc.sql("select id from webhook_deliveries where endpoint_id = ? for update")
                .param(id)
                .query(UUID.class)
                .list();
    }

    public boolean delete(UUID id) {
        return jdbc.sql("delete from webhook_endpoints where id = ?").param(id).update() == 1;
    }

    /** Writes the delivery health of an endpoint (counters, status), which the caller has locked. */
    public void updateHealth(WebhookEndpoint e, Instant lastSuccessAt) {
        jdbc.sql(
                        """
                        update webhook_endpoints
                        set consecutive_failures = ?, failing_since = ?, status = ?, disabled_reason = ?,
                            last_success_at = coalesce(?, last_success_at), updated_at = ?
                        where id = ?
                        """)
                .param(e.consecutiveFailures())
                .param(timestamp(e.failingSince()))
                .param(e.status().name())
                .param(new SqlParameterValue(Types.VARCHAR, e.disabledReason()))
                .param(timestamp(lastSuccessAt))
                .param(Timestamp.from(e.updatedAt()))
                .param(e.id())
                .update();
    }

    static WebhookEndpoint row(ResultSet rs, int n) throws SQLException {
        return new WebhookEndpoint(
                rs.getObject("id", UUID.class),
                rs.getString("url"),
                rs.getString("description"),
                strings(rs.getArray("event_types")),
                EndpointStatus.valueOf(rs.getString("status")),
                rs.getString("disabled_reason"),
                rs.getInt("consecutive_failures"),
                instant(rs, "failing_since"),
                instant(rs, "last_success_at"),
                rs.getString("created_by"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        var t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static SqlParameterValue timestamp(Instant i) {
        return new SqlParameterValue(Types.TIMESTAMP, i == null ? null : Timestamp.from(i));
    }
}
