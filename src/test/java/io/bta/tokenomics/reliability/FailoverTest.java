package io.bta.tokenomics.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.bta.tokenomics.support.Invariants;
import io.bta.tokenomics.support.Ports;
import io.bta.tokenomics.support.PostgresNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Suite 6, failover: the service runs on a primary PostgreSQL with a synchronous streaming standby
 * (every commit is flushed on both before it is acknowledged), through a multi-host JDBC URL with
 * {@code targetServerType=primary}. Under the bank workload (keyed, retried), the primary's
 * postmaster is killed with SIGKILL at a random moment and the standby promoted; the service is
 * not restarted. It must answer meanwhile with 503s (never a 500), reconnect to the new primary by
 * itself, and there every acknowledged transfer is present exactly once, the ledger's invariants
 * hold and the history replays to the balances.
 *
 * <p>{@code -Dreliability.failover.seconds} (3) the most seconds of load before and after the kill.
 */
class FailoverTest {

    @Test
    void noAcknowledgedTransferIsLostWhenThePrimaryDiesAndTheStandbyTakesOver() throws Exception {
        var name = "failover-" + UUID.randomUUID().toString().substring(0, 8);
        var base = Path.of("target/test-data/" + name).toAbsolutePath();
        int primaryPort = Ports.free();
        int standbyPort = Ports.free();
        long between = Reliability.seconds("failover", 3).toMillis();
        var faults = new ArrayList<String>();
        try (var primary = PostgresNode.primary(base.resolve("primary"), primaryPort);
                var standby = PostgresNode.standbyOf(primary, base.resolve("standby"), standbyPort, "standby1")) {
            primary.requireSynchronousStandby("standby1");
            var url = "jdbc:postgresql://127.0.0.1:" + primaryPort + ",127.0.0.1:" + standbyPort
                    + "/postgres?targetServerType=primary&hostRecheckSeconds=1&connectTimeout=2";
            var args = List.of(
                    "--server.port=0",
                    "--tokenomics.data-dir=" + base.resolve("service"),
                    "--spring.datasource.url=" + url,
                    "--spring.datasource.username=postgres",
                    "--spring.datasource.hikari.connection-timeout=5000",
                    "--tokenomics.webhooks.follow-interval-ms=500",
                    "--tokenomics.webhooks.dispatch-interval-ms=500");
            try (var service = ServiceProcess.start(name, args)) {
                var api = service.api();
                var bank = new BankWorkload(() -> List.of(api), name, 5, List.of("BTA-UTIL", "BTA-GOV"));
                bank.fund();
                bank.start(8, 2);
                var random = ThreadLocalRandom.current();
                Thread.sleep(random.nextLong(between / 2, between + 1)); // load until a random moment

                primary.kill();
                var down = Instant.now();
                var answers = new TreeSet<String>();
                var probing = new Thread(() -> {
                    while (Duration.between(down, Instant.now()).toMillis() < 3000) {
                        answers.add(ServiceProcess.probe(service.port()));
                    }
                });
                probing.start();
                standby.promote();
                var promoted = Duration.between(down, Instant.now()).toMillis();
                probing.join();
                faults.add("SIGKILL of the primary's postmaster; the standby promoted after " + promoted
                        + " ms; the service answered " + answers + " in the first 3 s");

                Thread.sleep(between);
                bank.stop(Duration.ofMinutes(2));
                var violations = new ArrayList<>(bank.verify(api));
                var jdbc = JdbcClient.create(standby.dataSource());
                Reliability.print(
                        "failover",
                        "faults injected (" + faults.size() + "):\n  " + String.join("\n  ", faults) + "\n"
                                + bank.report());
                assertThat(answers).as("answers while the primary was gone").doesNotContain("500");
                assertThat(violations).isEmpty();
                Invariants.assertHold(jdbc);
                Invariants.assertHistoryReplaysToBalances(jdbc);
            }
        }
    }
}
