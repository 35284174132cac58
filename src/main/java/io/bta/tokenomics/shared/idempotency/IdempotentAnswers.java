package io.bta.tokenomics.shared.idempotency;

import io.bta.tokenomics.shared.batching.KeptAnswers;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers kept under Idempotency-Keys for a batch writer: a ticket is the request's {@link
 * IdempotentRequest} (which the filter leaves on a deferred request), an answer a {@link
 * StoredResponse}. The keys are claimed and completed by {@link IdempotencyKeys} in the writer's
 * transaction.
 */
@Component
class IdempotentAnswers implements KeptAnswers {

    private final IdempotencyKeys keys;

    IdempotentAnswers(IdempotencyKeys keys) {
        this.keys = keys;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<Ticket, Answer> claimAll(List<Ticket> tickets) {
        var requests = tickets.stream().map(IdempotentRequest.class::cast).toList();
        return new HashMap<>(keys.claimAll(requests));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void completeAll(Map<Ticket, Answer> answers) {
        var responses = new HashMap<IdempotentRequest, StoredResponse>(answers.size() * 2);
        answers.forEach((ticket, answer) -> responses.put((IdempotentRequest) ticket, StoredResponse.of(answer)));
        keys.completeAll(responses);
    }
}
