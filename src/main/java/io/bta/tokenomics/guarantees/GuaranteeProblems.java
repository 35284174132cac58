package io.bta.tokenomics.guarantees;

import io.bta.tokenomics.shared.error.Conflict;
import io.bta.tokenomics.shared.error.DomainProblem;
import io.bta.tokenomics.shared.error.Forbidden;
import io.bta.tokenomics.shared.error.NotFound;
import io.bta.tokenomics.shared.error.RuleViolation;

/** Guarantees' refusals, each naming the rule. */
public final class GuaranteeProblems {

    private GuaranteeProblems() {}

    public static DomainProblem unknownAllocation(String id) {
        return NotFound.of("UNKNOWN_ALLOCATION", "no guarantee allocation " + id);
    }

    public static DomainProblem alreadyActive(String guaranteeId) {
        return Conflict.of(
                        "GUARANTEE_ALREADY_ALLOCATED",
                        "guarantee '" + guaranteeId + "' already has an active allocation; release or claim it first")
                .with("guaranteeId", guaranteeId);
    }

    public static DomainProblem notActive(String status) {
        return Conflict.of("ALLOCATION_NOT_ACTIVE", "the allocation is " + status + "; only an ACTIVE one can change")
                .with("allocationStatus", status);
    }

    public static DomainProblem expired(String expiresAt) {
        return Conflict.of(
                        "ALLOCATION_EXPIRED", "the guarantee expired at " + expiresAt + " and can no longer be claimed")
                .with("expiresAt", expiresAt);
    }

    public static DomainProblem expiryNotInFuture(String expiresAt) {
        return RuleViolation.of("EXPIRY_NOT_IN_FUTURE", "expiresAt " + expiresAt + " is not in the future")
                .with("expiresAt", expiresAt);
    }

    public static DomainProblem notAParty() {
        return Forbidden.of("NOT_A_PARTY", "only the guarantor, the beneficiary or a guarantees service may read this");
    }
}
