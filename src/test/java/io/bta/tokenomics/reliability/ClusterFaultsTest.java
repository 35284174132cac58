package io.bta.tokenomics.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.bta.tokenomics.support.Api;
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
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Suite 7, faults across a cluster: two service instances on a primary PostgreSQL with a
 * synchronous standby, under the keyed bank workload, while faults are injected one after another
 * at random moments: SIGKILL of a service instance (restarted), of the primary's postmaster (the
 * standby is promoted, and a new synchronous standby is made from it at the dead primary's port),
 * and of the standby's postmaster (restarted; commits wait for it meanwhile). The instances' URL
 * names both ports with {@code targetServerType=primary}. Afterwards, on the last primary: every
 * acknowledged transfer once, none twice, the invariants, and the history replaying to the
 * balances; and no answer was a 500.
 *
 * <p>{@code -Dreliability.cluster.faults} (3: one of each kind; the long run, 20),
 * {@code -Dreliability.cluster.seconds} (2) the most seconds of load between faults.
 */
class ClusterFaultsTest {

    enum Fault {
        SERVICE,
        PRIMARY,
        STANDBY
    }

    @Test
    void nothingAcknowledgedIsLostOrDoubledAcrossKillsOfInstancesPrimariesAndStandbys() throws Exception {
        var name = "cluster-" + UUID.randomUUID().toString().substring(0, 8);
        var base = Path.of("target/test-data/" + name).toAbsolutePath();
        int faults = Reliability.count("cluster.faults", 3);
        long between = Reliability.seconds("cluster", 2).toMillis();
        int[] pgPorts = {Ports.free(), Ports.free()};
        int[] httpPorts = {Ports.free(), Ports.free()};
        var url = "jdbc:postgresql://127.0.0.1:" + pgPorts[0] + ",127.0.0.1:" + pgPorts[1]
                + "/postgres?targetServerType=primary&hostRecheckSeconds=1&connectTimeout=2";
        var log = new ArrayList<String>();
        var answers = new ConcurrentSkipListSet<String>();
        var nodes = new ArrayList<PostgresNode>();
        var services = new ServiceProcess[2];
        int generation = 0;
        var primary = PostgresNode.primary(base.resolve("pg-0"), pgPorts[0]);
        nodes.add(primary);
        var standby = PostgresNode.standbyOf(primary, base.resolve("pg-1"), pgPorts[1], "s1");
        nodes.add(standby);
        primary.requireSynchronousStandby("s1");
        var probing = new AtomicBoolean(true);
        Thread prober = null;
        try {
            for (int i = 0; i < 2; i++) {
                services[i] = ServiceProcess.start(name + "-" + i + "-0", instance(base, i, httpPorts[i], url));
            }
            var apis = List.of(new Api(httpPorts[0]), new Api(httpPorts[1]));
            var bank = new BankWorkload(() -> apis, name, 5, List.of("BTA-UTIL", "BTA-GOV"));
            bank.fund();
            bank.start(8, 2);
            prober = new Thread(() -> {
                while (probing.get()) {
                    for (int port : httpPorts) {
                        answers.add(ServiceProcess.probe(port));
                    }
                }
            });
            prober.setDaemon(true);
            prober.start();

            var random = ThreadLocalRandom.current();
            var kinds = Fault.values();
            for (int k = 0; k < faults; k++) {
                Thread.sleep(random.nextLong(between / 2, between + 1)); // load until a random moment
                var fault = k < kinds.length ? kinds[k] : kinds[random.nextInt(kinds.length)];
                var started = Instant.now();
                switch (fault) {
                    case SERVICE -> {
                        int i = random.nextInt(2);
                        services[i].kill();
                        services[i] = ServiceProcess.start(
                                name + "-" + i + "-" + (k + 1), instance(base, i, httpPorts[i], url));
                        log.add("SIGKILL of instance " + i + "; back after " + millis(started) + " ms");
                    }
                    case PRIMARY -> {
                        primary.kill();
                        standby.promote();
                        long promoted = millis(started);
                        var deadPort = primary.port();
                        primary = standby;
                        generation++;
                        var slot = "s" + (generation + 1);
                        standby =
                                PostgresNode.standbyOf(primary, base.resolve("pg-" + (generation + 1)), deadPort, slot);
                        nodes.add(standby);
                        primary.requireSynchronousStandby(slot);
                        log.add("SIGKILL of the primary; standby promoted after " + promoted
                                + " ms; a new synchronous standby on port " + deadPort + " after " + millis(started)
                                + " ms");
                    }
                    case STANDBY -> {
                        standby.kill();
                        standby.start();
                        log.add("SIGKILL of the standby; restarted and streaming after " + millis(started) + " ms");
                    }
                }
            }
            Thread.sleep(between);
            probing.set(false);
            prober.join();
            bank.stop(Duration.ofMinutes(2));
            var violations = new ArrayList<>(bank.verify(apis.get(0)));
            var jdbc = JdbcClient.create(primary.dataSource());
            Reliability.print(
                    "cluster faults",
                    "faults injected (" + log.size() + "):\n  " + String.join("\n  ", log) + "\n"
                            + "answers to probes during the run: " + new TreeSet<>(answers) + "\n" + bank.report());
            assertThat(answers).as("answers while faults were injected").doesNotContain("500");
            assertThat(violations).isEmpty();
            Invariants.assertHold(jdbc);
            Invariants.assertHistoryReplaysToBalances(jdbc);
        } finally {
            probing.set(false);
            for (var service : services) {
                if (service != null) {
                    service.close();
                }
            }
            nodes.forEach(PostgresNode::close);
        }
    }

    private static List<String> instance(Path base, int i, int port, String url) {
        return List.of(
                "--server.port=" + port,
                "--tokenomics.data-dir=" + base.resolve("service-" + i),
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres",
                "--spring.datasource.hikari.connection-timeout=5000",
                "--tokenomics.webhooks.follow-interval-ms=500",
                "--tokenomics.webhooks.dispatch-interval-ms=500");
    }

    private static long millis(Instant since) {
        return Duration.between(since, Instant.now()).toMillis();
    }
}
