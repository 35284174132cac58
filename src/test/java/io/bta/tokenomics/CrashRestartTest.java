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
 * The service is killed with SIGKILL right after it acknowledged a transfer: the transfer is
 * there after the restart, and the restart copes with the embedded PostgreSQL the dead service
 * left running.
 */
class CrashRestartTest {

    private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

    @Test
    void anAcknowledgedTransferSurvivesSigkillAndTheRestartSucceeds() throws Exception {
        var dataDir = Path.of("target/test-data/crash-" + UUID.randomUUID()).toAbsolutePath();
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var child = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        TokenomicsApplication.class.getName(),
                        "--server.port=0",
                        "--tokenomics.data-dir=" + dataDir,
                        "--tokenomics.security.jwt-secret=" + Api.SECRET)
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
                        "--tokenomics.security.jwt-secret=" + Api.SECRET)) {
            var api = new Api(
                    ((WebServerApplicationContext) restarted).getWebServer().getPort());
            var balance = api.get("/api/tokens/balances/erin/BTA-UTIL", Api.token("erin"));
            assertThat(balance.status()).isEqualTo(200);
            assertThat(balance.text("available")).isEqualTo("77.7");
        }
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
