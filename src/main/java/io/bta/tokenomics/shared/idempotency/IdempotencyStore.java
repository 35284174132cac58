package io.bta.tokenomics.shared.idempotency;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The keys of state-changing requests and the responses they got. A key is first claimed under a
 * lease (in a transaction of its own, so a concurrent duplicate sees it at once), then completed in
 * the same transaction as the request's own writes: either both commit or neither does.
 */
@Repository
class IdempotencyStore {

    sealed interface Claim {}

    record Acquired(UUID lease) implements Claim {}

    record Replay(int status, String contentType, byte[] body) implements Claim {}

    record Mismatch() implements Claim {}

    record InProgress() implements Claim {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration ttl;
    private final Duration lease;

    IdempotencyStore(JdbcClient jdbc, Clock clock, IdempotencyProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ttl = properties.ttl();
        this.lease = properties.lease();
    }

    Claim claim(String caller, String key, String fingerprint) {
        for (int attempt = 0; attempt < 3; attempt++) {
            var now = clock.instant();
            var lease = UUID.randomUUID();
            int inserted = jdbc.sql(
                            """
                            insert into idempotency_keys
                                (caller, key, fingerprint, state, lease, locked_until, created_at, expires_at)
                            values (:caller, :key, :fingerprint, 'IN_PROGRESS', :lease, :lockedUntil, :now, :expiresAt)
                            on conflict (caller, key) do nothing
                            """)
                    .param("caller", caller)
                    .param("key", key)
                    .param("fingerprint", fingerprint)
                    .param("lease", lease)
                    .param("lockedUntil", ts(now.plus(this.lease)))
                    .param("now", ts(now))
                    .param("expiresAt", ts(now.plus(ttl)))
                    .update();
            if (inserted == 1) {
                return new Acquired(lease);
            }
            var existing = find(caller, key);
            if (existing.isEmpty()) {
                continue; // expired and removed between the two statements
            }
            var row = existing.get();
            if (row.expiresAt().isBefore(now)) {
                jdbc.sql("delete from idempotency_keys where caller = :caller and key = :key and expires_at < :now")
                        .param("caller", caller)
                        .param("key", key)
                        .param("now", ts(now))
                        .update();
                continue;
            }
            if (!row.fingerprint().equals(fingerprint)) {
                return new Mismatch();
            }
            if (row.state().equals("COMPLETED")) {
                return new Replay(row.status(), row.contentType(), row.body());
            }
            if (row.lockedUntil().isAfter(now)) {
                return new InProgress();
            }
            // The first attempt died without completing (its writes rolled back with it): take over.
            int taken = jdbc.sql(
                            """
                            update idempotency_keys set lease = :lease, locked_until = :lockedUntil
                            where caller = :caller and key = :key and state = 'IN_PROGRESS' and locked_until <= :now
                            """)
                    .param("lease", lease)
                    .param("lockedUntil", ts(now.plus(this.lease)))
                    .param("caller", caller)
                    .param("key", key)
                    .param("now", ts(now))
                    .update();
            if (taken == 1) {
                return new Acquired(lease);
            }
        }
        return new InProgress();
    }

    /** Records the response; false if the lease was lost to a takeover (then nothing may commit). */
    boolean complete(String caller, String key, UUID lease, int status, String contentType, byte[] body) {
        return jdbc.sql(
                                """
                        update idempotency_keys
                        set state = 'COMPLETED', response_status = :status, response_content_type = :contentType,
                            response_body = :body
                        where caller = :caller and key = :key and lease = :lease and state = 'IN_PROGRESS'
                        """)
                        .param("status", status)
                        .param("contentType", contentType)
                        .param("body", body)
                        .param("caller", caller)
                        .param("key", key)
                        .param("lease", lease)
                        .update()
                == 1;
    }

    /** Records a finished request's answer under its key, unless the key is already taken. */
    void recordCompleted(String caller, String key, String fingerprint, int status, String contentType, byte[] body) {
        var now = clock.instant();
        jdbc.sql(
                        """
                        insert into idempotency_keys
                            (caller, key, fingerprint, state, lease, locked_until, response_status,
                             response_content_type, response_body, created_at, expires_at)
                        values (:caller, :key, :fingerprint, 'COMPLETED', :lease, :now, :status, :contentType, :body,
                                :now, :expiresAt)
                        on conflict (caller, key) do nothing
                        """)
                .param("caller", caller)
                .param("key", key)
                .param("fingerprint", fingerprint)
                .param("lease", UUID.randomUUID())
                .param("now", ts(now))
                .param("status", status)
                .param("contentType", contentType)
                .param("body", body)
                .param("expiresAt", ts(now.plus(ttl)))
                .update();
    }

    /** Forgets a claim whose request failed unexpectedly, so that a retry can run it. */
    void release(String caller, String key, UUID lease) {
        jdbc.sql(
                        "delete from idempotency_keys where caller = :caller and key = :key and lease = :lease and state = 'IN_PROGRESS'")
                .param("caller", caller)
                .param("key", key)
                .param("lease", lease)
                .update();
    }

    int deleteExpired(int max) {
        return jdbc.sql(
                        """
                        delete from idempotency_keys where ctid in (
                            select ctid from idempotency_keys where expires_at < :now limit :max)
                        """)
                .param("now", ts(clock.instant()))
                .param("max", max)
                .update();
    }

    private record Row(
            String fingerprint,
            String state,
            Integer status,
            String contentType,
            byte[] body,
            Instant lockedUntil,
            Instant expiresAt) {}

    private Optional<Row> find(String caller, String key) {
        return jdbc.sql(
                        """
                        select fingerprint, state, response_status, response_content_type, response_body,
                               locked_until, expires_at
                        from idempotency_keys where caller = :caller and key = :key
                        """)
                .param("caller", caller)
                .param("key", key)
                .query((rs, n) -> new Row(
                        rs.getString(1),
                        rs.getString(2),
                        (Integer) rs.getObject(3),
                        rs.getString(4),
                        rs.getBytes(5),
                        rs.getTimestamp(6).toInstant(),
                        rs.getTimestamp(7).toInstant()))
                .optional();
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
