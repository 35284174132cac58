package io.bta.tokenomics.webhooks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real webhook receiver on a loopback port. It checks every request's Standard Webhooks
 * signature with its own implementation (not the service's), and answers with the status its plan
 * gives for the n-th request (1-based): tests make it fail on purpose.
 */
public final class Receiver implements AutoCloseable {

    /** One request as received; {@code answered} is the status the receiver sent back. */
    public record Received(
            String webhookId, long timestamp, String signature, String body, boolean signatureValid, int answered) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String type() {
            return json().get("type").asString();
        }

        public JsonNode data() {
            return json().get("data");
        }

        public boolean acknowledged() {
            return answered >= 200 && answered < 300;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger count = new AtomicInteger();
    private volatile IntUnaryOperator plan = n -> 200;
    private volatile List<String> secrets = List.of();

    public Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            try (exchange) {
                var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                var headers = exchange.getRequestHeaders();
                var id = headers.getFirst("webhook-id");
                var timestamp = headers.getFirst("webhook-timestamp");
                var signature = headers.getFirst("webhook-signature");
                boolean valid =
                        id != null && timestamp != null && signature != null && verify(id, timestamp, body, signature);
                int status = plan.applyAsInt(count.incrementAndGet());
                received.add(new Received(
                        id, timestamp == null ? -1 : Long.parseLong(timestamp), signature, body, valid, status));
                var answer = ("answer " + status).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, answer.length);
                exchange.getResponseBody().write(answer);
            }
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The secrets a valid signature may use (the header may carry one per secret). */
    public void trust(String... secrets) {
        this.secrets = List.of(secrets);
    }

    public void plan(IntUnaryOperator statusForNthRequest) {
        this.plan = statusForNthRequest;
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    /** Whether a request's signature header holds a valid signature made with {@code secret}. */
    static boolean verifies(Received r, String secret) {
        return verify(List.of(secret), r.webhookId(), Long.toString(r.timestamp()), r.body(), r.signature());
    }

    private boolean verify(String id, String timestamp, String body, String header) {
        return verify(secrets, id, timestamp, body, header);
    }

    /** Signed content "{id}.{timestamp}.{body}", HMAC-SHA256 with the base64-decoded part of whsec_. */
    private static boolean verify(List<String> secrets, String id, String timestamp, String body, String header) {
        for (var secret : secrets) {
            try {
                var key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
                var mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                var expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
                for (var part : header.split(" ")) {
                    if (part.startsWith("v1,")
                            && MessageDigest.isEqual(
                                    expected, Base64.getDecoder().decode(part.substring(3)))) {
                        return true;
                    }
                }
            } catch (Exception e) {
                return false;
            }
        }
        return false;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
