package io.bta.tokenomics.webhooks;

import io.bta.tokenomics.shared.error.DomainProblem;
import io.bta.tokenomics.shared.error.NotFound;

/** The webhooks' refusals, each naming the rule. */
public final class WebhookProblems {

    private WebhookProblems() {}

    public static DomainProblem unknownEndpoint(String id) {
        return NotFound.of("UNKNOWN_WEBHOOK", "no webhook endpoint " + id);
    }

    public static DomainProblem unknownMessage(String id) {
        return NotFound.of("UNKNOWN_WEBHOOK_MESSAGE", "no webhook message " + id);
    }
}
