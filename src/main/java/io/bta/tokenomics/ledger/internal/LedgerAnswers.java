package io.bta.tokenomics.ledger.internal;

import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.ledger.LedgerOperation;
import io.bta.tokenomics.ledger.OperationOutcome;
import io.bta.tokenomics.ledger.TransactionView;
import io.bta.tokenomics.shared.batching.KeptAnswers;
import io.bta.tokenomics.shared.error.DomainProblem;
import io.bta.tokenomics.shared.error.Problems;
import io.bta.tokenomics.shared.idempotency.IdempotentRequest;
import io.bta.tokenomics.shared.idempotency.StoredResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP answer of one ledger operation sent through group commit: it waits for its batch to
 * commit and answers with the response rendered in that batch, the very bytes kept under its
 * Idempotency-Key (through {@link KeptAnswers}) if it has one. With group commit off, the operation
 * applies alone and the filter keeps its key.
 */
@Component
class LedgerAnswers {

    private final Ledger ledger;
    private final GroupCommitter groupCommit;
    private final JsonMapper json;

    LedgerAnswers(Ledger ledger, GroupCommitter groupCommit, JsonMapper json) {
        this.ledger = ledger;
        this.groupCommit = groupCommit;
        this.json = json;
    }

    /** Applies {@code operation} and answers 201 with its transaction, or its refusal's problem. */
    ResponseEntity<byte[]> submit(LedgerOperation operation, HttpServletRequest http) {
        var render = renderer(URI.create(http.getRequestURI()));
        KeptAnswers.Answer response = groupCommit.enabled()
                ? groupCommit
                        .await(groupCommit.submit(operation, IdempotentRequest.of(http), render))
                        .response()
                : render.apply(ledger.applyEach(List.of(operation)).get(0));
        return StoredResponse.toResponse(response);
    }

    private Function<OperationOutcome, KeptAnswers.Answer> renderer(URI instance) {
        return outcome -> {
            if (outcome instanceof OperationOutcome.Applied applied) {
                return StoredResponse.json(
                        HttpStatus.CREATED.value(),
                        MediaType.APPLICATION_JSON_VALUE,
                        json.writeValueAsBytes(TransactionView.of(applied.transaction())));
            }
            var problem = problem(((OperationOutcome.Refused) outcome).reason(), instance);
            return StoredResponse.json(
                    problem.getStatus(), MediaType.APPLICATION_PROBLEM_JSON_VALUE, json.writeValueAsBytes(problem));
        };
    }

    /** A refusal as the problem document the API answers with, naming the request's path. */
    static ProblemDetail problem(DomainProblem reason, URI instance) {
        var problem = Problems.of(reason);
        problem.setInstance(instance);
        return problem;
    }
}
