package io.bta.tokenomics.reliability;

import static io.bta.tokenomics.support.Api.json;

import io.bta.tokenomics.support.Api;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A steady stream of small locks of one entity's BTA-UTIL (about five a second), each with its
 * Idempotency-Key (also its memo), retried until answered: events for the crash test's webhook
 * receiver, and one more client whose acknowledged operations must each be in the history once.
 */
final class LockStream {

    private final Api api;
    private final String entity;
    private final Map<String, Boolean> acknowledged = new ConcurrentHashMap<>();
    private final List<String> violations = java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile boolean stopping;
    private Thread thread;

    LockStream(Api api, String entity) {
        this.api = api;
        this.entity = entity;
    }

    String prefix() {
        return entity + "-lock-";
    }

    void start() {
        var funded = api.post(
                "/api/tokens/transfer",
                Api.adminToken(),
                json("fromEntityId", "treasury", "toEntityId", entity, "tokenId", "BTA-UTIL", "amount", "1000"));
        if (funded.status() != 201) {
            throw new IllegalStateException("funding the lock stream answered " + funded.body());
        }
        thread = new Thread(this::run, "lock-stream");
        thread.start();
    }

    void stop() throws InterruptedException {
        stopping = true;
        thread.join(Duration.ofMinutes(3).toMillis());
    }

    private void run() {
        for (int n = 0; !stopping; n++) {
            var key = prefix() + n;
            var body = json("entityId", entity, "tokenId", "BTA-UTIL", "amount", "0.01", "memo", key);
            var giveUp = Instant.now().plus(BankWorkload.GIVE_UP_AFTER);
            while (true) {
                try {
                    var answer = api.post("/api/tokens/lock", Api.adminToken(), body, key);
                    if (answer.status() == 201) {
                        acknowledged.put(key, true);
                        break;
                    }
                    if (answer.status() < 500 && answer.status() != 409 && answer.status() != 429) {
                        violations.add("lock " + key + " answered " + answer.status() + ": " + answer.body());
                        break;
                    }
                } catch (RuntimeException noAnswer) {
                    // the service is down: retry with the key
                }
                if (Instant.now().isAfter(giveUp)) {
                    violations.add("lock " + key + " unanswered after " + BankWorkload.GIVE_UP_AFTER);
                    break;
                }
                pause(100);
            }
            pause(200);
        }
    }

    /** Every acknowledged lock is in the history once; no lock is there twice. */
    List<String> verify(JdbcClient jdbc) {
        var counts = jdbc
                .sql("select memo, count(*) from ledger_transactions where type = 'LOCK' and memo like ? group by 1")
                .param(prefix() + "%")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        counts.forEach((memo, count) -> {
            if (count > 1) {
                violations.add("lock " + memo + " applied " + count + " times");
            }
        });
        for (var key : acknowledged.keySet()) {
            if (counts.getOrDefault(key, 0L) != 1) {
                violations.add(
                        "acknowledged lock " + key + " is in the history " + counts.getOrDefault(key, 0L) + " times");
            }
        }
        return List.copyOf(violations);
    }

    String report() {
        return "lock stream: " + acknowledged.size() + " locks acknowledged";
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis); // the stream's pace and back-off
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
