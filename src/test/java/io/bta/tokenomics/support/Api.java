package io.bta.tokenomics.support;

import io.bta.tokenomics.shared.security.TokenIssuer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client of the running service, as any platform client would call it. */
public final class Api {

    public static final String SECRET = "test-secret-that-is-long-enough-for-hs256-0123456789";

    public record Response(
            int status, String contentType, String body, JsonNode json, Map<String, List<String>> headers) {
        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .findFirst()
                    .map(e -> e.getValue().get(0))
                    .orElse(null);
        }

        public String text(String field) {
            var node = json.get(field);
            return node == null || node.isNull() ? null : node.asString();
        }

        public String code() {
            return text("code");
        }

        /**
         * The message of the first field error of a {@code 400 INVALID_INPUT} problem, asserting
         * that this is one and that the error names {@code field}.
         */
        public String refusedField(String field) {
            org.assertj.core.api.Assertions.assertThat(status)
                    .as(field + " " + body)
                    .isEqualTo(400);
            org.assertj.core.api.Assertions.assertThat(isProblem()).as(body).isTrue();
            org.assertj.core.api.Assertions.assertThat(code()).as(body).isEqualTo("INVALID_INPUT");
            var error = json.get("errors").get(0);
            org.assertj.core.api.Assertions.assertThat(error.get("field").asString())
                    .as(body)
                    .isEqualTo(field);
            return error.get("message").asString();
        }

        public boolean isProblem() {
            return contentType != null
                    && contentType.startsWith("application/problem+json")
                    && json.has("status")
                    && json.has("code")
                    && json.has("type")
                    && json.has("title");
        }
    }

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TokenIssuer ISSUER = new TokenIssuer(SECRET.getBytes(StandardCharsets.UTF_8));

    private final String base;

    public Api(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** Signs the tokens tests send. */
    @FunctionalInterface
    public interface Signer {
        String issue(String subject, List<String> roles, Instant issuedAt, Duration ttl);
    }

    private static volatile Signer signer = ISSUER::issue;

    /**
     * Tokens are signed with {@link #SECRET} unless a test signs them as an identity provider
     * would ({@code null} puts the secret back).
     */
    public static void signWith(Signer other) {
        signer = other == null ? ISSUER::issue : other;
    }

    public static Signer signer() {
        return signer;
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String base() {
        return base;
    }

    public static String token(String subject, String... roles) {
        return signer.issue(subject, List.of(roles), Instant.now(), Duration.ofHours(1));
    }

    public static String adminToken() {
        return token("admin", "ADMIN");
    }

    public Response get(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), token, null);
    }

    public Response post(String path, String token, String body) {
        return post(path, token, body, null);
    }

    public Response post(String path, String token, String body, String idempotencyKey) {
        var builder = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return send(builder, token, idempotencyKey);
    }

    public Response put(String path, String token, String body) {
        var builder = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body));
        return send(builder, token, null);
    }

    public Response send(HttpRequest.Builder builder, String token, String idempotencyKey) {
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (idempotencyKey != null) {
            builder.header("Idempotency-Key", idempotencyKey);
        }
        try {
            var response =
                    HTTP.send(builder.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            var body = response.body();
            var contentType = response.headers().firstValue("Content-Type").orElse(null);
            JsonNode json = body == null || body.isBlank() || contentType == null || !contentType.contains("json")
                    ? JSON.missingNode()
                    : JSON.readTree(body);
            return new Response(
                    response.statusCode(),
                    contentType,
                    body,
                    json,
                    response.headers().map());
        } catch (IOException e) {
            throw new RuntimeException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeException(e);
        }
    }

    public static String json(Object... keysAndValues) {
        var node = JSON.createObjectNode();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            var value = keysAndValues[i + 1];
            var key = (String) keysAndValues[i];
            if (value == null) {
                node.putNull(key);
            } else if (value instanceof Number n) {
                node.put(key, new java.math.BigDecimal(n.toString()));
            } else {
                node.put(key, value.toString());
            }
        }
        return JSON.writeValueAsString(node);
    }
}
