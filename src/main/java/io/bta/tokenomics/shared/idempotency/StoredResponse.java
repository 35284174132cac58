package io.bta.tokenomics.shared.idempotency;

import io.bta.tokenomics.shared.batching.KeptAnswers;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A response as it is sent and as it is kept under its Idempotency-Key. {@code replayed}: it is the
 * stored answer of an earlier attempt; {@code retryLater}: the client should retry (Retry-After).
 */
public record StoredResponse(int status, String contentType, byte[] body, boolean replayed, boolean retryLater)
        implements KeptAnswers.Answer {

    public static StoredResponse json(int status, String contentType, byte[] body) {
        return new StoredResponse(status, contentType, body, false, false);
    }

    /**
     * The HTTP response of an answer a batch writer kept: its status, content type and body, with
     * {@code Idempotent-Replayed: true} when it is an earlier attempt's and {@code Retry-After: 1}
     * when the client should retry.
     */
    public static ResponseEntity<byte[]> toResponse(KeptAnswers.Answer answer) {
        var response =
                ResponseEntity.status(answer.status()).contentType(MediaType.parseMediaType(answer.contentType()));
        if (answer.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        if (answer.retryLater()) {
            response.header(HttpHeaders.RETRY_AFTER, "1");
        }
        return response.body(answer.body());
    }

    static StoredResponse of(KeptAnswers.Answer answer) {
        return answer instanceof StoredResponse stored
                ? stored
                : new StoredResponse(
                        answer.status(), answer.contentType(), answer.body(), answer.replayed(), answer.retryLater());
    }

    String bodyText() {
        return body == null ? null : new String(body, StandardCharsets.UTF_8);
    }
}
