package io.bta.tokenomics.vesting;

import io.bta.tokenomics.shared.error.Conflict;
import io.bta.tokenomics.shared.error.DomainProblem;
import io.bta.tokenomics.shared.error.NotFound;
import java.time.Instant;

/** Vesting's refusals, each naming the rule. */
public final class VestingProblems {

    private VestingProblems() {}

    public static DomainProblem unknownGrant(String id) {
        return NotFound.of("UNKNOWN_VESTING", "no vesting schedule " + id);
    }

    public static DomainProblem nothingToRelease(Instant nextAt) {
        var problem = Conflict.of(
                "NOTHING_TO_RELEASE",
                nextAt == null
                        ? "nothing is releasable: everything that vests has been released"
                        : "nothing is releasable yet; tokens vest from " + nextAt);
        return nextAt == null ? problem : problem.with("vestsFrom", nextAt.toString());
    }

    public static DomainProblem notRevocable() {
        return Conflict.of("NOT_REVOCABLE", "this vesting schedule was created irrevocable");
    }

    public static DomainProblem alreadyRevoked(Instant revokedAt) {
        return Conflict.of("ALREADY_REVOKED", "this vesting schedule was revoked at " + revokedAt)
                .with("revokedAt", revokedAt.toString());
    }
}
