package io.bta.tokenomics.shared.idempotency;

import java.nio.charset.StandardCharsets;

/**
 * A response as it is sent and as it is kept under its Idempotency-Key. {@code replayed}: it is the
 * stored answer of an earlier attempt; {@code retryLater}: the client should retry (Retry-After).
 */
public record StoredResponse(int status, String contentType, byte[] body, boolean replayed, boolean retryLater) {

    public static StoredResponse json(int status, String contentType, byte[] body) {
        return new StoredResponse(status, contentType, body, false, false);
    }

    String bodyText() {
        return body == null ? null : new String(body, StandardCharsets.UTF_8);
    }
}
