package io.bta.tokenomics.shared.idempotency;

import io.bta.tokenomics.shared.batching.KeptAnswers;
import io.bta.tokenomics.shared.error.Problems;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Idempotency-Keys recorded in the caller's transaction, many at a time: claimed before the work,
 * completed with the responses after it, committed with its effects. A key that was already used
 * is not claimed: its request is answered with the stored response (same body), a 422 (another
 * body) or a 409 (its first attempt has not finished).
 */
@Component
public class IdempotencyKeys {

    private record Id(String caller, String key) {}

    /** The one order in which keys are locked, so that two batches never wait on each other. */
    private static final java.util.Comparator<IdempotentRequest> KEY_ORDER =
            java.util.Comparator.comparing(IdempotentRequest::caller).thenComparing(IdempotentRequest::key);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final JsonMapper json;
    private final Duration ttl;
    private final Duration lease;

    IdempotencyKeys(JdbcClient jdbc, Clock clock, JsonMapper json, IdempotencyProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.json = json;
        this.ttl = properties.ttl();
        this.lease = properties.lease();
    }

    /**
     * Claims the keys of the given requests in the current transaction, in (caller, key) order. The
     * answer holds, for each request that may NOT run, the response it must get instead; a request
     * absent from it was claimed and must be completed before the transaction commits.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<IdempotentRequest, StoredResponse> claimAll(List<IdempotentRequest> requests) {
        var refused = new LinkedHashMap<IdempotentRequest, StoredResponse>();
        var unique = firstOfEachKey(requests, refused);
        if (unique.isEmpty()) {
            return refused;
        }
        var claimed = insert(unique.values());
        var conflicts = new ArrayList<IdempotentRequest>();
        for (var e : unique.entrySet()) {
            if (!claimed.contains(e.getKey())) {
                conflicts.add(e.getValue());
            }
        }
        if (!conflicts.isEmpty()) {
            // Expired keys are forgotten and claimed again; the others answer from what they hold.
            deleteExpired(conflicts, clock.instant());
            var reclaimed = insert(conflicts);
            var stored = find(conflicts);
            for (var r : conflicts) {
                var id = new Id(r.caller(), r.key());
                if (reclaimed.contains(id)) {
                    continue;
                }
                var row = stored.get(id);
                if (row == null) {
                    refused.put(r, inProgress()); // removed meanwhile: the client may retry
                } else if (!row.fingerprint().equals(r.fingerprint())) {
                    refused.put(r, mismatch());
                } else if (row.completed()) {
                    refused.put(r, new StoredResponse(row.status(), row.contentType(), row.body(), true, false));
                } else if (row.lockedUntil().isAfter(clock.instant()) || !takeOver(r)) {
                    refused.put(r, inProgress());
                }
                // else: a first attempt (outside group commit) died with its lease run out: taken over
            }
        }
        return refused;
    }

    /**
     * For a batch writer that knows each answer by the time it commits: what each of these requests
     * must answer instead of running (a stored answer replayed, a 422 for another body, a 409 while
     * a first attempt is in progress, a 409 for the same key twice in the batch); the requests
     * absent from the answer are open, to be recorded with their answers by {@link #recordAll} in
     * the same transaction. Nothing is written for an open request here, so a key costs one row
     * write instead of a claim and its completion; only an expired key is deleted, and a first
     * attempt that died with its lease run out is taken over (under {@code leaseId}).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<IdempotentRequest, StoredResponse> checkAll(List<IdempotentRequest> requests, UUID leaseId) {
        var refused = new LinkedHashMap<IdempotentRequest, StoredResponse>();
        var unique = firstOfEachKey(requests, refused);
        if (unique.isEmpty()) {
            return refused;
        }
        var now = clock.instant();
        var stored = find(new ArrayList<>(unique.values()));
        var expired = new ArrayList<IdempotentRequest>();
        for (var e : unique.entrySet()) {
            var r = e.getValue();
            var row = stored.get(e.getKey());
            if (row == null) {
                continue; // open
            }
            if (row.expiresAt().isBefore(now)) {
                expired.add(r); // forgotten: open
            } else if (!row.fingerprint().equals(r.fingerprint())) {
                refused.put(r, mismatch());
            } else if (row.completed()) {
                refused.put(r, new StoredResponse(row.status(), row.contentType(), row.body(), true, false));
            } else if (row.lockedUntil().isAfter(now) || !takeOver(r, leaseId)) {
                refused.put(r, inProgress());
            }
            // else: a first attempt outside group commit died with its lease run out: taken over,
            // and its row completed in place by recordAll
        }
        if (!expired.isEmpty()) {
            deleteExpired(expired, now);
        }
        return refused;
    }

    /**
     * The requests by key, the first of each; a later one with a key already seen is answered 409
     * in {@code refused} (the same key twice in one batch: the first one runs).
     */
    private LinkedHashMap<Id, IdempotentRequest> firstOfEachKey(
            List<IdempotentRequest> requests, Map<IdempotentRequest, StoredResponse> refused) {
        var unique = new LinkedHashMap<Id, IdempotentRequest>();
        for (var r : requests) {
            if (unique.putIfAbsent(new Id(r.caller(), r.key()), r) != null) {
                refused.put(r, inProgress());
            }
        }
        return unique;
    }

    /** Forgets the keys of these requests that expired before {@code now}. */
    private void deleteExpired(List<IdempotentRequest> requests, java.time.Instant now) {
        jdbc.sql(
                        """
                        delete from idempotency_keys k using unnest(?::text[], ?::text[]) as v(c, k)
                        where k.caller = v.c and k.key = v.k and k.expires_at < ?
                        """)
                .param(requests.stream().map(IdempotentRequest::caller).toArray(String[]::new))
                .param(requests.stream().map(IdempotentRequest::key).toArray(String[]::new))
                .param(Timestamp.from(now))
                .update();
    }

    /**
     * Records the answers of the requests {@link #checkAll} left open, in one statement: a row
     * each, completed (a row taken over under {@code leaseId} is completed in place). Throws {@link
     * KeptAnswers.AnswerTaken} when another request recorded or claimed one of the keys since the check (a retry
     * racing its first attempt, on this instance or another): the transaction must then roll back,
     * and the batch be checked again, which finds that request's row.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(Map<IdempotentRequest, StoredResponse> responses, UUID leaseId) {
        if (responses.isEmpty()) {
            return;
        }
        var entries = new ArrayList<>(responses.entrySet());
        entries.sort(Map.Entry.comparingByKey(KEY_ORDER));
        var now = clock.instant();
        var recorded = new HashSet<Id>();
        jdbc.sql(
                        """
                        insert into idempotency_keys as k (caller, key, fingerprint, state, lease, locked_until, created_at,
                                                           expires_at, response_status, response_content_type, response_body)
                        select v.c, v.k, v.f, 'COMPLETED', ?, ?, ?, ?, v.s::int, v.ct, convert_to(v.b, 'UTF8')
                        from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                            with ordinality as v(c, k, f, s, ct, b, n)
                        order by v.n
                        on conflict (caller, key) do update
                            set state = 'COMPLETED', response_status = excluded.response_status,
                                response_content_type = excluded.response_content_type,
                                response_body = excluded.response_body
                            where k.state = 'IN_PROGRESS' and k.lease = excluded.lease
                        returning k.caller, k.key
                        """)
                .param(leaseId)
                .param(Timestamp.from(now))
                .param(Timestamp.from(now))
                .param(Timestamp.from(now.plus(ttl)))
                .param(entries.stream().map(e -> e.getKey().caller()).toArray(String[]::new))
                .param(entries.stream().map(e -> e.getKey().key()).toArray(String[]::new))
                .param(entries.stream().map(e -> e.getKey().fingerprint()).toArray(String[]::new))
                .param(entries.stream()
                        .map(e -> Integer.toString(e.getValue().status()))
                        .toArray(String[]::new))
                .param(entries.stream().map(e -> e.getValue().contentType()).toArray(String[]::new))
                .param(entries.stream().map(e -> e.getValue().bodyText()).toArray(String[]::new))
                .query(rs -> {
                    recorded.add(new Id(rs.getString(1), rs.getString(2)));
                });
        if (recorded.size() != entries.size()) {
            throw new KeptAnswers.AnswerTaken(entries.size() - recorded.size());
        }
    }

    /** How long a claimed key is kept at least: a repeat within this time is always recognized. */
    public Duration ttl() {
        return ttl;
    }

    /** Records the responses of claimed requests, in the current transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void completeAll(Map<IdempotentRequest, StoredResponse> responses) {
        if (responses.isEmpty()) {
            return;
        }
        var entries = new ArrayList<>(responses.entrySet());
        entries.sort(Map.Entry.comparingByKey(KEY_ORDER));
        int updated = jdbc.sql(
                        """
                        update idempotency_keys k
                        set state = 'COMPLETED', response_status = v.s::int, response_content_type = v.ct,
                            response_body = convert_to(v.b, 'UTF8')
                        from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) as v(c, k, s, ct, b)
                        where k.caller = v.c and k.key = v.k and k.state = 'IN_PROGRESS'
                        """)
                .param(entries.stream().map(e -> e.getKey().caller()).toArray(String[]::new))
                .param(entries.stream().map(e -> e.getKey().key()).toArray(String[]::new))
                .param(entries.stream()
                        .map(e -> Integer.toString(e.getValue().status()))
                        .toArray(String[]::new))
                .param(entries.stream().map(e -> e.getValue().contentType()).toArray(String[]::new))
                .param(entries.stream().map(e -> e.getValue().bodyText()).toArray(String[]::new))
                .update();
        if (updated != entries.size()) {
            throw new IllegalStateException(
                    "completed " + updated + " idempotency keys, expected " + entries.size() + "; rolling back");
        }
    }

    private Set<Id> insert(java.util.Collection<IdempotentRequest> requests) {
        var now = clock.instant();
        var sorted = new ArrayList<>(requests);
        sorted.sort(KEY_ORDER);
        var claimed = new HashSet<Id>();
        jdbc.sql(
                        """
                        insert into idempotency_keys
                            (caller, key, fingerprint, state, lease, locked_until, created_at, expires_at)
                        select c, k, f, 'IN_PROGRESS', ?, ?, ?, ?
                        from unnest(?::text[], ?::text[], ?::text[]) with ordinality as v(c, k, f, n) order by n
                        on conflict (caller, key) do nothing
                        returning caller, key
                        """)
                .param(UUID.randomUUID())
                .param(Timestamp.from(now.plus(lease)))
                .param(Timestamp.from(now))
                .param(Timestamp.from(now.plus(ttl)))
                .param(sorted.stream().map(IdempotentRequest::caller).toArray(String[]::new))
                .param(sorted.stream().map(IdempotentRequest::key).toArray(String[]::new))
                .param(sorted.stream().map(IdempotentRequest::fingerprint).toArray(String[]::new))
                .query(rs -> {
                    claimed.add(new Id(rs.getString(1), rs.getString(2)));
                });
        return claimed;
    }

    private record Row(
            String fingerprint,
            boolean completed,
            Integer status,
            String contentType,
            byte[] body,
            java.time.Instant lockedUntil,
            java.time.Instant expiresAt) {}

    private boolean takeOver(IdempotentRequest r) {
        return takeOver(r, UUID.randomUUID());
    }

    private boolean takeOver(IdempotentRequest r, UUID leaseId) {
        var now = clock.instant();
        return jdbc.sql(
                                """
                        update idempotency_keys set lease = ?, locked_until = ?
                        where caller = ? and key = ? and state = 'IN_PROGRESS' and locked_until <= ?
                        """)
                        .param(leaseId)
                        .param(Timestamp.from(now.plus(lease)))
                        .param(r.caller())
                        .param(r.key())
                        .param(Timestamp.from(now))
                        .update()
                == 1;
    }

    private Map<Id, Row> find(List<IdempotentRequest> requests) {
        var rows = new HashMap<Id, Row>();
        jdbc.sql(
                        """
                        select k.caller, k.key, k.fingerprint, k.state, k.response_status, k.response_content_type,
                               k.response_body, k.locked_until, k.expires_at
                        from idempotency_keys k join unnest(?::text[], ?::text[]) as v(c, k)
                          on k.caller = v.c and k.key = v.k
                        """)
                .param(requests.stream().map(IdempotentRequest::caller).toArray(String[]::new))
                .param(requests.stream().map(IdempotentRequest::key).toArray(String[]::new))
                .query(rs -> {
                    rows.put(
                            new Id(rs.getString(1), rs.getString(2)),
                            new Row(
                                    rs.getString(3),
                                    "COMPLETED".equals(rs.getString(4)),
                                    (Integer) rs.getObject(5),
                                    rs.getString(6),
                                    rs.getBytes(7),
                                    rs.getTimestamp(8).toInstant(),
                                    rs.getTimestamp(9).toInstant()));
                });
        return rows;
    }

    StoredResponse mismatch() {
        return problem(IdempotencyProblems.mismatch());
    }

    StoredResponse inProgress() {
        return problem(IdempotencyProblems.inProgress(), true);
    }

    private StoredResponse problem(ProblemDetail problem) {
        return problem(problem, false);
    }

    private StoredResponse problem(ProblemDetail problem, boolean retryLater) {
        return new StoredResponse(
                problem.getStatus(),
                MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                json.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8),
                false,
                retryLater);
    }

    /** The problems the filter and the batch claims answer with. */
    static final class IdempotencyProblems {
        private IdempotencyProblems() {}

        static ProblemDetail mismatch() {
            return Problems.of(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "IDEMPOTENCY_KEY_REUSED",
                    "Idempotency key reused",
                    "this Idempotency-Key was already used with a different request");
        }

        static ProblemDetail inProgress() {
            return Problems.of(
                    HttpStatus.CONFLICT,
                    "IDEMPOTENCY_REQUEST_IN_PROGRESS",
                    "Conflict",
                    "a request with this Idempotency-Key is still being processed");
        }
    }
}
