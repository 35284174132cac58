package io.bta.tokenomics.shared.idempotency;

import io.bta.tokenomics.shared.batching.KeptAnswers;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers kept under Idempotency-Keys for a batch writer: a ticket is the request's {@link
 * IdempotentRequest} (which the filter leaves on a deferred request), an answer a {@link
 * StoredResponse}. The keys are checked and recorded by {@link IdempotencyKeys} in the writer's
 * transaction, one row write per key.
 */
@Component
class IdempotentAnswers implements KeptAnswers {

    private final IdempotencyKeys keys;

    IdempotentAnswers(IdempotencyKeys keys) {
        this.keys = keys;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Checked checkAll(List<Ticket> tickets) {
        var lease = UUID.randomUUID(); // under which the batch takes over a dead first attempt's key
        var requests = tickets.stream().map(IdempotentRequest.class::cast).toList();
        Map<Ticket, Answer> answered = new HashMap<>(keys.checkAll(requests, lease));
        return new Checked() {
            @Override
            public Map<Ticket, Answer> answered() {
                return answered;
            }

            @Override
            public void recordAll(Map<Ticket, Answer> answers) {
                var responses = new HashMap<IdempotentRequest, StoredResponse>(answers.size() * 2);
                answers.forEach(
                        (ticket, answer) -> responses.put((IdempotentRequest) ticket, StoredResponse.of(answer)));
                keys.recordAll(responses, lease);
            }
        };
    }
}
