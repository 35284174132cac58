package io.bta.tokenomics.shared.idempotency;

import io.bta.tokenomics.shared.batching.KeptAnswers;
import java.nio.charset.StandardCharsets;

/**
 * A response as it is sent and as it is kept under its Idempotency-Key. {@code replayed}: it is the
 * stored answer of an earlier attempt; {@code retryLater}: the client should retry (Retry-After).
 */
public record StoredResponse(int status, String contentType, byte[] body, boolean replayed, boolean retryLater)
        implements KeptAnswers.Answer {

    public static StoredResponse json(int status, String contentType, byte[] body) {
        return new StoredResponse(status, contentType, body, false, false);
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
