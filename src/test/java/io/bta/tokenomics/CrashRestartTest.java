package io.bta.tokenomics;

import static io.bta.tokenomics.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.bta.tokenomics.support.Api;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * The service is killed with SIGKILL while eight clients send transfers through group commit, each
 * with an Idempotency-Key. After the restart every acknowledged transfer is there (an earlier one
 * too), every attempt applies exactly once when it is retried with its key, and the restart copes
 * with the embedded PostgreSQL the dead service left running.
 */
class CrashRestartTest {

    private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

    @Test
    void anAcknowledgedTransferSurvivesSigkillAndTheRestartSucceeds() throws Exception {
        var dataDir = Path.of("target/test-data/crash-" + UUID.randomUUID()).toAbsolutePath();
        var javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var child = new ProcessBuilder(
                        javaBin,
                        "-cp",
                        System.getProperty("java.class.path"),
                        TokenomicsApplication.class.getName(),
                        "--server.port=0",
                        "--tokenomics.data-dir=" + dataDir,
                        "--tokenomics.security.jwt-secret=" + Api.SECRET,
                        "--tokenomics.limits.rate-limit.enabled=false")
                .redirectErrorStream(true)
                .start();
        var output = new ArrayList<String>();
        try {
            int port = awaitPort(child, output);
            var api = new Api(port);
            assertThat(api.post("/api/tokens/initialize", Api.adminToken(), null)
                            .status())
                    .isEqualTo(201);
            var transfer = api.post(
                    "/api/tokens/transfer",
                    Api.adminToken(),
                    json("fromEntityId", "treasury", "toEntityId", "erin", "tokenId", "BTA-UTIL", "amount", "77.7"));
            assertThat(transfer.status()).isEqualTo(201);

            // Then many clients at once, through group commit, each request with its key; the
            // service is killed while they are in flight.
            var stop = new java.util.concurrent.atomic.AtomicBoolean();
            var pool = java.util.concurrent.Executors.newFixedThreadPool(CLIENTS);
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                pool.submit(() -> {
                    for (int j = 0; !stop.get(); j++) {
                        var key = "crash-" + client + "-" + j;
                        attempted.get(client).add(key);
                        try {
                            if (api.post("/api/tokens/transfer", Api.adminToken(), burstBody(client, key), key)
                                            .status()
                                    == 201) {
                                acknowledged.add(key);
                            }
                        } catch (RuntimeException connectionLost) {
                            return;
                        }
                    }
                });
            }
            var deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (acknowledged.size() < 300 && Instant.now().isBefore(deadline)) {
                Thread.sleep(5); // polling the clients' progress
            }
            child.destroyForcibly();
            stop.set(true);
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            assertThat(acknowledged.size()).isGreaterThanOrEqualTo(300);
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no database shutdown
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(Files.exists(dataDir.resolve("postgres/postmaster.pid")))
                .as("the killed service left its PostgreSQL behind")
                .isTrue();

        try (var restarted = new SpringApplicationBuilder(TokenomicsApplication.class)
                .run(
                        "--server.port=0",
                        "--tokenomics.data-dir=" + dataDir,
                        "--tokenomics.security.jwt-secret=" + Api.SECRET,
                        "--tokenomics.limits.rate-limit.enabled=false")) {
            var api = new Api(
                    ((WebServerApplicationContext) restarted).getWebServer().getPort());
            var balance = api.get("/api/tokens/balances/erin/BTA-UTIL", Api.token("erin"));
            assertThat(balance.status()).isEqualTo(200);
            assertThat(balance.text("available")).isEqualTo("77.7");

            // Every acknowledged transfer is there (its retry replays it); every other attempt
            // applies now or was applied before, and none twice: each balance counts its keys.
            for (int c = 0; c < CLIENTS; c++) {
                for (var key : attempted.get(c)) {
                    var retry = api.post("/api/tokens/transfer", Api.adminToken(), burstBody(c, key), key);
                    assertThat(retry.status()).as("retry of " + key).isEqualTo(201);
                    if (acknowledged.contains(key)) {
                        assertThat(retry.header("Idempotent-Replayed"))
                                .as("acknowledged " + key + " survived the kill")
                                .isEqualTo("true");
                    }
                }
                var burst = api.get("/api/tokens/balances/burst-" + c + "/BTA-UTIL", Api.adminToken());
                assertThat(burst.text("available"))
                        .as("client " + c + ": each key applied exactly once")
                        .isEqualTo(Integer.toString(attempted.get(c).size()));
            }
        }
    }

    private static final int CLIENTS = 8;
    private final java.util.Set<String> acknowledged = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final List<List<String>> attempted = java.util.stream.IntStream.range(0, CLIENTS)
            .mapToObj(i -> (List<String>) new java.util.concurrent.CopyOnWriteArrayList<String>())
            .toList();

    private static String burstBody(int client, String key) {
        return json(
                "fromEntityId",
                "treasury",
                "toEntityId",
                "burst-" + client,
                "tokenId",
                "BTA-UTIL",
                "amount",
                "1",
                "memo",
                key);
    }

    private static int awaitPort(Process child, List<String> output) throws Exception {
        var reader = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        var deadline = Instant.now().plus(Duration.ofSeconds(120));
        String line;
        while (Instant.now().isBefore(deadline) && (line = reader.readLine()) != null) {
            output.add(line);
            var m = PORT.matcher(line);
            if (m.find()) {
                // keep draining the child's output so it never blocks on a full pipe
                var drain = new Thread(() -> reader.lines().forEach(l -> {}));
                drain.setDaemon(true);
                drain.start();
                return Integer.parseInt(m.group(1));
            }
        }
        throw new AssertionError("the service did not start:\n" + String.join("\n", output));
    }
}
