package io.bta.tokenomics.bridge.internal;

import static io.bta.tokenomics.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.bta.tokenomics.TokenomicsApplication;
import io.bta.tokenomics.support.AnvilNode;
import io.bta.tokenomics.support.Api;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * The service with the bridge on, killed with SIGKILL once a withdrawal is minted on chain and a
 * deposit is read but not yet deep enough, then started again on the same data directory: the
 * withdrawal is minted exactly once and recorded, the deposit is credited exactly once, and the
 * escrow reconciles. The service runs its own sender and follower (every 100 ms); the test mines
 * blocks and polls the node and the API for their effects. Skipped without {@code anvil}, except
 * under CI, where it must run.
 */
class BridgeCrashRestartAnvilTest {

    static final BigInteger UNIT = BigInteger.TEN.pow(18);
    private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

    static AnvilNode anvil;

    @BeforeAll
    static void startAnvil() throws Exception {
        anvil = AnvilNode.start("the bridge crash-restart test");
    }

    @AfterAll
    static void stopAnvil() throws InterruptedException {
        if (anvil != null) {
            anvil.close();
        }
    }

    List<String> arguments(Path dataDir) {
        return List.of(
                "--server.port=0",
                "--tokenomics.data-dir=" + dataDir,
                "--tokenomics.security.jwt-secret=" + Api.SECRET,
                "--tokenomics.limits.rate-limit.enabled=false",
                "--tokenomics.chain.rpc-url=" + anvil.rpcUrl(),
                "--tokenomics.chain.anchor-interval=1h",
                "--tokenomics.bridge.enabled=true",
                "--tokenomics.bridge.confirmations=2",
                "--tokenomics.bridge.send-interval=100ms",
                "--tokenomics.bridge.follow-interval=100ms",
                // the killed instance still holds the bridge's job: the restarted one takes it
                // over once that hold has not been renewed for this long
                "--tokenomics.bridge.lease=2s");
    }

    @Test
    void afterSigkillAWithdrawalIsMintedOnceAndADepositCreditedOnce() throws Exception {
        var dataDir =
                Path.of("target/test-data/bridge-crash-" + UUID.randomUUID()).toAbsolutePath();
        var javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = new ArrayList<>(
                List.of(javaBin, "-cp", System.getProperty("java.class.path"), TokenomicsApplication.class.getName()));
        command.addAll(arguments(dataDir));
        var childLog = Path.of("target/bridge-crash-child-" + UUID.randomUUID() + ".log");
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(childLog.toFile());
        // the key as operators give it: from the environment, never in a file
        builder.environment().put("TOKENOMICS_CHAIN_PRIVATE_KEY", AnvilNode.KEY_0);
        // anchoring is on: the bridge signs with an account of its own (ADR 0030)
        builder.environment().put("TOKENOMICS_BRIDGE_PRIVATE_KEY", AnvilNode.KEY_2);
        var child = builder.start();

        var holder = BridgeContracts.connect(anvil.rpcUrl(), AnvilNode.KEY_1, Duration.ofSeconds(10));
        var reader = BridgeContracts.connect(anvil.rpcUrl(), AnvilNode.KEY_0, Duration.ofSeconds(10));
        var erin = "erin-" + UUID.randomUUID();
        String withdrawalId;
        String bridgeAddress;
        String util;
        try {
            var api = new Api(awaitPort(child, childLog));
            assertThat(api.post("/api/tokens/initialize", Api.adminToken(), null)
                            .status())
                    .isEqualTo(201);
            var deployed = api.post("/api/bridge/deploy", Api.adminToken(), "{}");
            assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
            bridgeAddress = deployed.text("bridgeAddress");
            util = tokenAddress(deployed, "BTA-UTIL");
            assertThat(api.post(
                                    "/api/tokens/transfer",
                                    Api.adminToken(),
                                    json(
                                            "fromEntityId",
                                            "treasury",
                                            "toEntityId",
                                            erin,
                                            "tokenId",
                                            "BTA-UTIL",
                                            "amount",
                                            "50"))
                            .status())
                    .isEqualTo(201);
            var w = api.post(
                    "/api/bridge/withdrawals",
                    Api.token(erin),
                    json("tokenId", "BTA-UTIL", "amount", "30", "toAddress", holder.address()),
                    UUID.randomUUID().toString());
            assertThat(w.status()).as(w.body()).isEqualTo(201);
            withdrawalId = w.text("id");
            var token = util;
            await("the sender mints the withdrawal", () -> balanceOf(reader, token, holder.address())
                    .equals(UNIT.multiply(BigInteger.valueOf(30))));

            holder.approve(util, bridgeAddress, UNIT.multiply(BigInteger.TEN));
            holder.deposit(bridgeAddress, util, UNIT.multiply(BigInteger.TEN), erin);
            await("the follower reads the deposit", () -> {
                var deposits = api.get("/api/bridge/deposits", Api.token(erin));
                return deposits.status() == 200 && deposits.json().size() == 1;
            });
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no database shutdown
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        anvil.mine(3);
        var restartArguments = new ArrayList<>(arguments(dataDir));
        restartArguments.add("--tokenomics.chain.private-key=" + AnvilNode.KEY_0);
        restartArguments.add("--tokenomics.bridge.private-key=" + AnvilNode.KEY_2);
        try (var restarted = new SpringApplicationBuilder(TokenomicsApplication.class)
                .run(restartArguments.toArray(String[]::new))) {
            var api = new Api(
                    ((WebServerApplicationContext) restarted).getWebServer().getPort());
            await("the deposit is credited", () -> {
                var deposits = api.get("/api/bridge/deposits", Api.token(erin));
                return deposits.json().size() == 1
                        && deposits.json().get(0).get("status").asString().equals("CREDITED");
            });
            await("the withdrawal is confirmed", () -> "CONFIRMED"
                    .equals(api.get("/api/bridge/withdrawals/" + withdrawalId, Api.token(erin))
                            .text("status")));
            // more passes credit nothing again
            var worker = restarted.getBean(BridgeWorker.class);
            anvil.mine(3);
            worker.follow();
            worker.follow();
            assertThat(api.get("/api/tokens/balances/" + erin + "/BTA-UTIL", Api.token(erin))
                            .text("available"))
                    .isEqualTo("30");
            assertThat(reader.balanceOf(util, holder.address())).isEqualTo(UNIT.multiply(BigInteger.valueOf(20)));
            assertThat(reader.totalSupply(util)).isEqualTo(UNIT.multiply(BigInteger.valueOf(20)));
            var reconciliation = api.get("/api/bridge/reconciliation", Api.adminToken());
            for (var r : reconciliation.json()) {
                assertThat(r.get("consistent").asBoolean()).as(r.toString()).isTrue();
            }
        } finally {
            holder.close();
            reader.close();
        }
    }

    private static String tokenAddress(Api.Response status, String symbol) {
        for (var t : status.json().get("tokens")) {
            if (t.get("symbol").asString().equals(symbol)) {
                return t.get("contractAddress").asString();
            }
        }
        throw new AssertionError("no " + symbol + " in " + status.body());
    }

    private static BigInteger balanceOf(BridgeContracts client, String token, String account) {
        try {
            return client.balanceOf(token, account);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Polls the service's own background passes (100 ms apart) for their effect, for at most a minute. */
    private static void await(String what, BooleanSupplier done) throws InterruptedException {
        var deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(50); // waiting for a background pass, not for business time
        }
    }

    /** The port the child's log names once Tomcat has started; its log is a file, so it never blocks. */
    private static int awaitPort(Process child, Path log) throws Exception {
        var deadline = Instant.now().plus(Duration.ofSeconds(300));
        while (Instant.now().isBefore(deadline) && child.isAlive()) {
            if (java.nio.file.Files.exists(log)) {
                var m = PORT.matcher(java.nio.file.Files.readString(log));
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
            }
            Thread.sleep(200); // waiting for a child process to start
        }
        throw new AssertionError("the service did not start:\n" + java.nio.file.Files.readString(log));
    }

    static String randomAddress() {
        var bytes = new byte[20];
        ThreadLocalRandom.current().nextBytes(bytes);
        return "0x" + HexFormat.of().formatHex(bytes);
    }
}
