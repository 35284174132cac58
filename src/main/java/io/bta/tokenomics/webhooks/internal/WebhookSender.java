package io.bta.tokenomics.webhooks.internal;

import io.bta.tokenomics.webhooks.WebhooksProperties;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Sends one signed POST. A 2xx answer is a success; anything else (another status, a redirect,
 * which is not followed, a refused connection, a timeout) is a failure with its reason.
 */
@Component
public class WebhookSender {

    /** What one attempt got; {@code statusCode} is null when no answer came. */
    public record Result(Integer statusCode, String error, String response, long durationMs) {
        public boolean succeeded() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    static final int MAX_RESPONSE_CHARS = 1000;

    private final HttpClient client;
    private final WebhooksProperties properties;

    WebhookSender(WebhooksProperties properties) {
        this.properties = properties;
        this.client = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public Result send(String url, String webhookId, long timestampSeconds, String signature, String body) {
        // The elapsed time is measured, not read from the service clock: it is a duration of this
        // JVM's work, and the clock may be a test's.
        long started = System.nanoTime();
        try {
            var request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(properties.requestTimeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "bta-tokenomics-webhooks")
                    .header("webhook-id", webhookId)
                    .header("webhook-timestamp", Long.toString(timestampSeconds))
                    .header("webhook-signature", signature)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build();
            var response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String text;
            try (var in = response.body()) {
                var bytes = in.readNBytes(MAX_RESPONSE_CHARS * 4);
                text = new String(bytes, StandardCharsets.UTF_8);
                if (text.length() > MAX_RESPONSE_CHARS) {
                    text = text.substring(0, MAX_RESPONSE_CHARS);
                }
            }
            int status = response.statusCode();
            var error = status >= 200 && status < 300 ? null : "HTTP " + status;
            return new Result(status, error, text.isEmpty() ? null : text, elapsed(started));
        } catch (HttpTimeoutException e) {
            return new Result(null, "timeout: " + e.getMessage(), null, elapsed(started));
        } catch (IOException | IllegalArgumentException e) {
            return new Result(null, describe(e), null, elapsed(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(null, "interrupted", null, elapsed(started));
        }
    }

    private static String describe(Exception e) {
        var message = e.getMessage() == null ? "" : ": " + e.getMessage();
        var text = e.getClass().getSimpleName() + message;
        return text.length() > 500 ? text.substring(0, 500) : text;
    }

    private static long elapsed(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }
}
