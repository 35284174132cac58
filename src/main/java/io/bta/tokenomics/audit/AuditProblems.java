package io.bta.tokenomics.audit;

import io.bta.tokenomics.ledger.TxHash;
import io.bta.tokenomics.shared.error.Conflict;
import io.bta.tokenomics.shared.error.DomainProblem;
import io.bta.tokenomics.shared.error.Forbidden;
import io.bta.tokenomics.shared.error.NotFound;

/** The audit chain's refusals, each with a stable code. */
public final class AuditProblems {

    private AuditProblems() {}

    public static DomainProblem unknownBlock(long height) {
        return NotFound.of("UNKNOWN_BLOCK", "no sealed block at height " + height)
                .with("height", height);
    }

    public static DomainProblem unknownTransaction(String id) {
        return NotFound.of("UNKNOWN_TRANSACTION", "no ledger transaction " + id);
    }

    public static DomainProblem unknownTransactionHash(TxHash txHash) {
        return NotFound.of("UNKNOWN_TRANSACTION", "no ledger transaction has the txHash " + txHash.hex())
                .with("txHash", txHash.hex());
    }

    /** A transaction, its proof included, is for its parties and the admins. */
    public static DomainProblem notAParty(String what) {
        return Forbidden.of("NOT_A_PARTY", "only a party of the transaction or an admin may read " + what);
    }

    public static DomainProblem notYetSealed(long sequence, long lastSealedSequence) {
        return Conflict.of(
                        "NOT_YET_SEALED",
                        "transaction " + sequence + " is committed but not yet sealed into a block; retry shortly")
                .with("sequence", sequence)
                .with("lastSealedSequence", lastSealedSequence);
    }
}
