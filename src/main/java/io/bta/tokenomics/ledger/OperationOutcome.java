package io.bta.tokenomics.ledger;

import io.bta.tokenomics.shared.error.DomainProblem;

/** What became of one operation of a list: applied as a transaction, or refused with a reason. */
public sealed interface OperationOutcome {

    record Applied(LedgerTransaction transaction) implements OperationOutcome {}

    record Refused(DomainProblem reason) implements OperationOutcome {}
}
