package io.bta.tokenomics.amm;

import static io.bta.tokenomics.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.bta.tokenomics.TokenomicsApplication;
import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.Invariants;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The service is killed with SIGKILL while six clients swap on one pool, each swap with an
 * Idempotency-Key. After the restart every acknowledged swap is there, and every attempt, retried
 * with its key, has applied exactly once: each client's swaps are exact-out swaps of 1 BTA-GOV, so
 * its BTA-GOV is the number of its keys. A swap in flight at the kill had its key claimed and its
 * work rolled back with the process; its retry takes the key over once the claim's lease has run out.
 */
class SwapCrashRestartTest {

    private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");
    private static final int CLIENTS = 6;

    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final List<List<String>> attempted = IntStream.range(0, CLIENTS)
            .mapToObj(i -> (List<String>) new CopyOnWriteArrayList<String>())
            .toList();

    private static String swapBody() {
        return json("tokenIn", "BTA-UTIL", "tokenOut", "BTA-GOV", "amountOut", "1", "amountInMax", "1000");
    }

    private static String client(int c) {
        return "swapper-" + c;
    }

    @Test
    void everyAcknowledgedSwapSurvivesSigkillAndEveryAttemptAppliesOnce() throws Exception {
        var dataDir =
                Path.of("target/test-data/swap-crash-" + UUID.randomUUID()).toAbsolutePath();
        var javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var child = new ProcessBuilder(
                        javaBin,
                        "-cp",
                        System.getProperty("java.class.path"),
                        TokenomicsApplication.class.getName(),
                        "--server.port=0",
                        "--tokenomics.data-dir=" + dataDir,
                        "--tokenomics.security.jwt-secret=" + Api.SECRET,
                        "--tokenomics.limits.rate-limit.enabled=false",
                        // a swap's key is claimed before its transaction: one in flight at the kill
                        // is taken over by its retry once its lease has run out, here before the
                        // restart has finished
                        "--tokenomics.idempotency.lease=2s")
                .redirectErrorStream(true)
                .start();
        var output = new ArrayList<String>();
        try {
            int port = awaitPort(child, output);
            var api = new Api(port);
            var admin = Api.adminToken();
            assertThat(api.post("/api/tokens/initialize", admin, null).status()).isEqualTo(201);
            for (var token : List.of("BTA-GOV", "BTA-UTIL")) {
                assertThat(api.post(
                                        "/api/tokens/transfer",
                                        admin,
                                        json(
                                                "fromEntityId",
                                                "treasury",
                                                "toEntityId",
                                                "admin",
                                                "tokenId",
                                                token,
                                                "amount",
                                                "100000"))
                                .status())
                        .isEqualTo(201);
            }
            var pool = api.post("/api/amm/pools", admin, json("tokenA", "BTA-GOV", "tokenB", "BTA-UTIL"));
            assertThat(pool.status()).as(pool.body()).isEqualTo(201);
            var added = api.post(
                    "/api/amm/pools/" + pool.text("id") + "/liquidity",
                    admin,
                    json("amountADesired", "100000", "amountBDesired", "100000"));
            assertThat(added.status()).as(added.body()).isEqualTo(201);
            for (int c = 0; c < CLIENTS; c++) {
                assertThat(api.post(
                                        "/api/tokens/transfer",
                                        admin,
                                        json(
                                                "fromEntityId",
                                                "treasury",
                                                "toEntityId",
                                                client(c),
                                                "tokenId",
                                                "BTA-UTIL",
                                                "amount",
                                                "100000"))
                                .status())
                        .isEqualTo(201);
            }

            var stop = new AtomicBoolean();
            var executor = Executors.newFixedThreadPool(CLIENTS);
            for (int c = 0; c < CLIENTS; c++) {
                int n = c;
                executor.submit(() -> {
                    for (int j = 0; !stop.get(); j++) {
                        var key = "swap-crash-" + n + "-" + j;
                        attempted.get(n).add(key);
                        try {
                            if (api.post("/api/amm/swap", Api.token(client(n)), swapBody(), key)
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
            while (acknowledged.size() < 60 && Instant.now().isBefore(deadline)) {
                Thread.sleep(5); // polling the clients' progress
            }
            child.destroyForcibly();
            stop.set(true);
            executor.shutdown();
            assertThat(executor.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            assertThat(acknowledged.size()).isGreaterThanOrEqualTo(60);
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no database shutdown
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        try (var restarted = new SpringApplicationBuilder(TokenomicsApplication.class)
                .run(
                        "--server.port=0",
                        "--tokenomics.data-dir=" + dataDir,
                        "--tokenomics.security.jwt-secret=" + Api.SECRET,
                        "--tokenomics.limits.rate-limit.enabled=false")) {
            var api = new Api(
                    ((WebServerApplicationContext) restarted).getWebServer().getPort());
            for (int c = 0; c < CLIENTS; c++) {
                for (var key : attempted.get(c)) {
                    var retry = api.post("/api/amm/swap", Api.token(client(c)), swapBody(), key);
                    assertThat(retry.status())
                            .as("retry of " + key + ": " + retry.body())
                            .isEqualTo(201);
                    if (acknowledged.contains(key)) {
                        assertThat(retry.header("Idempotent-Replayed"))
                                .as("acknowledged " + key + " survived the kill")
                                .isEqualTo("true");
                    }
                }
                var gov = api.get("/api/tokens/balances/" + client(c) + "/BTA-GOV", Api.token(client(c)));
                assertThat(gov.text("available"))
                        .as("client " + c + ": each key applied exactly once")
                        .isEqualTo(Integer.toString(attempted.get(c).size()));
            }
            var jdbc = restarted.getBean(JdbcClient.class);
            Invariants.assertHold(jdbc);
            var decreasing = jdbc.sql("select count(*) from amm_swaps where k_after < k_before")
                    .query(Long.class)
                    .single();
            assertThat(decreasing).isZero();
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
                var drain = new Thread(() -> reader.lines().forEach(l -> {}));
                drain.setDaemon(true);
                drain.start();
                return Integer.parseInt(m.group(1));
            }
        }
        throw new AssertionError("the service did not start:\n" + String.join("\n", output));
    }
}
