package io.bta.tokenomics.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.Invariants;
import io.bta.tokenomics.support.Ports;
import io.bta.tokenomics.webhooks.Receiver;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Suite 2, the crash test: the bank workload runs against the service in a JVM of its own, with a
 * webhook endpoint and a real receiver, while the service is killed with SIGKILL at
 * random moments and restarted, and then its embedded PostgreSQL's postmaster is killed with
 * SIGKILL. Clients retry with their Idempotency-Keys throughout. Afterwards the ledger's
 * invariants hold, every acknowledged transfer is in the history once, none twice, and the
 * webhook receiver has had every event at least once. The webhook endpoint subscribes to the lock
 * events of a steady stream of locks ({@link LockStream}, a few a second, also keyed and retried)
 * rather than to the bank's transfers: the dispatcher delivers a long backlog of messages that
 * share an ordering key slowly (docs/RELIABILITY.md), and this suite is about loss, not speed.
 *
 * <p>{@code -Dreliability.crash.kills} (1) service kills, {@code -Dreliability.crash.seconds} (2)
 * the most seconds of load between faults.
 */
class CrashTest {

    @Test
    void nothingAcknowledgedIsLostOrDoubledAcrossServiceAndDatabaseKills() throws Exception {
        var name = "crash-" + UUID.randomUUID().toString().substring(0, 8);
        var dataDir = Path.of("target/test-data/" + name).toAbsolutePath();
        int httpPort = Ports.free();
        int pgPort = Ports.free();
        var args = List.of(
                "--server.port=" + httpPort,
                "--tokenomics.data-dir=" + dataDir,
                "--tokenomics.embedded-postgres.port=" + pgPort,
                "--tokenomics.webhooks.follow-interval-ms=200",
                "--tokenomics.webhooks.dispatch-interval-ms=200");
        int kills = Reliability.count("crash.kills", 1);
        long between = Reliability.seconds("crash", 2).toMillis();
        var faults = new ArrayList<String>();
        int starts = 0;
        var service = new AtomicReference<>(ServiceProcess.start(name + "-" + starts++, args));
        var api = new Api(httpPort); // the same port after every restart
        try (var receiver = new Receiver()) {
            var endpoint = api.post(
                    "/api/admin/webhooks",
                    Api.adminToken(),
                    "{\"url\": \"" + receiver.url() + "\", \"eventTypes\": [\"ledger.locked\"]}");
            assertThat(endpoint.status()).isEqualTo(201);
            receiver.trust(endpoint.text("secret"));

            var bank = new BankWorkload(() -> List.of(api), name, 5, List.of("BTA-UTIL", "BTA-GOV"));
            bank.fund();
            var events = new LockStream(api, name + "-events");
            events.start();
            bank.start(8, 2);
            var random = ThreadLocalRandom.current();
            for (int k = 0; k < kills; k++) {
                Thread.sleep(random.nextLong(between / 2, between + 1)); // load until a random moment
                service.get().kill();
                var down = Instant.now();
                service.set(ServiceProcess.start(name + "-" + starts++, args));
                faults.add("SIGKILL of the service; back after "
                        + Duration.between(down, Instant.now()).toMillis() + " ms");
            }

            Thread.sleep(random.nextLong(between / 2, between + 1));
            var postmaster = ServiceProcess.postmasterPid(dataDir);
            ProcessHandle.of(postmaster).orElseThrow().destroyForcibly();
            var down = Instant.now();
            // With its database gone the service answers 503 (never a 500), or not within the probe's
            // timeout while it waits for a connection.
            var answers = new java.util.TreeSet<String>();
            while (Duration.between(down, Instant.now()).toMillis() < 3000) {
                answers.add(ServiceProcess.probe(httpPort));
            }
            // The service does not restart its embedded PostgreSQL; its supervisor restarts it.
            service.get().kill();
            service.set(ServiceProcess.start(name + "-" + starts++, args));
            faults.add("SIGKILL of the embedded PostgreSQL (pid " + postmaster + "); the service answered "
                    + answers + " meanwhile, was restarted, and was back after "
                    + Duration.between(down, Instant.now()).toMillis() + " ms");

            Thread.sleep(between);
            bank.stop(Duration.ofMinutes(2));
            events.stop();
            var violations = new ArrayList<>(bank.verify(api));

            var jdbc = JdbcClient.create(ServiceProcess.database(pgPort));
            violations.addAll(events.verify(jdbc));
            // Every event reaches the webhook receiver, at least once.
            var transferred =
                    new HashSet<>(jdbc.sql("select memo from ledger_transactions where type = 'LOCK' and memo like ?")
                            .param(events.prefix() + "%")
                            .query(String.class)
                            .list());
            var deadline = Instant.now().plus(Duration.ofSeconds(60));
            var delivered = new HashSet<String>();
            while (Instant.now().isBefore(deadline)) {
                delivered.clear();
                for (var r : receiver.received()) {
                    if (r.signatureValid() && r.type().equals("ledger.locked")) {
                        delivered.add(r.data().get("memo").asString());
                    }
                }
                if (delivered.containsAll(transferred)) {
                    break;
                }
                Thread.sleep(200); // the dispatcher runs every 200 ms
            }
            var undelivered = new HashSet<>(transferred);
            undelivered.removeAll(delivered);
            long requests = receiver.received().size();

            Reliability.print(
                    "crash test",
                    "faults injected (" + faults.size() + "):\n  " + String.join("\n  ", faults) + "\n" + bank.report()
                            + "\n" + events.report() + "\nwebhooks: " + transferred.size() + " lock events, "
                            + delivered.size()
                            + " delivered, " + requests + " requests received (duplicates are at-least-once), "
                            + undelivered.size() + " never delivered");

            assertThat(answers).as("answers while the database was gone").doesNotContain("500");
            assertThat(violations).isEmpty();
            assertThat(undelivered)
                    .as("transfers never delivered to the webhook")
                    .isEmpty();
            Invariants.assertHold(jdbc);
            Invariants.assertHistoryReplaysToBalances(jdbc);
        } finally {
            service.get().close();
        }
    }
}
