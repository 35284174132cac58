package io.bta.tokenomics.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;

/**
 * A local Ethereum node for tests: Anvil (npm package {@code @foundry-rs/anvil}) on a free loopback
 * port, with its well-known development accounts (funded at start; never real keys). A test class
 * without {@code anvil} installed is skipped, saying why, except under CI ({@code CI} set), where it
 * fails.
 */
public final class AnvilNode implements AutoCloseable {

    /** Anvil's first development accounts' private keys (from its default mnemonic). */
    public static final String KEY_0 = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

    public static final String KEY_1 = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";

    public static final String KEY_2 = "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a";

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final String rpcUrl;

    private AnvilNode(Process process, String rpcUrl) {
        this.process = process;
        this.rpcUrl = rpcUrl;
    }

    /** Starts a node and waits until it answers; aborts or fails the test where there is no anvil. */
    public static AnvilNode start(String purpose) throws Exception {
        var binary = find();
        if (binary == null) {
            var message = "anvil not found on PATH (or ANVIL_BIN): install it with `npm install -g @foundry-rs/anvil`";
            if (System.getenv("CI") != null) {
                fail(message + "; CI must run " + purpose);
            }
            Assumptions.abort(message);
        }
        int port;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        var rpcUrl = "http://127.0.0.1:" + port;
        var log = Files.createDirectories(Path.of("target")).resolve("anvil-" + port + ".log");
        var process = new ProcessBuilder(binary, "--host", "127.0.0.1", "--port", Integer.toString(port))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        var node = new AnvilNode(process, rpcUrl);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                node.chainIdRequest();
                return node;
            } catch (IOException e) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    node.close();
                    fail("anvil did not start: " + Files.readString(log));
                }
                Thread.sleep(100); // waiting for a child process to listen; nothing to subscribe to
            }
        }
    }

    public String rpcUrl() {
        return rpcUrl;
    }

    /**
     * Calls {@code method} on the node ({@code anvil_mine}, {@code evm_snapshot}, {@code evm_revert}…)
     * and answers its {@code result}; a JSON-RPC error fails the test.
     */
    public tools.jackson.databind.JsonNode rpc(String method, Object... params)
            throws IOException, InterruptedException {
        var json = tools.jackson.databind.json.JsonMapper.builder().build();
        var body = json.createObjectNode();
        body.put("jsonrpc", "2.0");
        body.put("id", 1);
        body.put("method", method);
        var array = body.putArray("params");
        for (var p : params) {
            if (p instanceof Number n) {
                array.add(n.longValue());
            } else {
                array.add(p.toString());
            }
        }
        var request = HttpRequest.newBuilder(URI.create(rpcUrl))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build();
        var answer = json.readTree(
                HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
        if (answer.has("error")) {
            fail(method + ": " + answer.get("error"));
        }
        return answer.get("result");
    }

    /** Mines {@code blocks} empty blocks at once. */
    public void mine(long blocks) throws IOException, InterruptedException {
        rpc("anvil_mine", "0x" + Long.toHexString(blocks));
    }

    private void chainIdRequest() throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(rpcUrl))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}"))
                .build();
        var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("eth_chainId answered " + response.statusCode());
        }
    }

    @Override
    public void close() throws InterruptedException {
        // the npm launcher forwards the signal; the node's own process is ended too
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        process.waitFor();
    }

    private static String find() {
        var configured = System.getenv("ANVIL_BIN");
        if (configured != null && new File(configured).canExecute()) {
            return configured;
        }
        var path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (var dir : path.split(File.pathSeparator)) {
            var candidate = new File(dir, "anvil");
            if (candidate.canExecute()) {
                return candidate.getPath();
            }
        }
        return null;
    }
}
