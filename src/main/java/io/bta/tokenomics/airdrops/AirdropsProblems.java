package io.bta.tokenomics.airdrops;

import io.bta.tokenomics.shared.error.Conflict;
import io.bta.tokenomics.shared.error.DomainProblem;
import io.bta.tokenomics.shared.error.NotFound;
import io.bta.tokenomics.shared.error.RuleViolation;
import java.time.Instant;

/** The airdrops' refusals, each naming the rule. */
public final class AirdropsProblems {

    private AirdropsProblems() {}

    public static DomainProblem unknownAirdrop(String id) {
        return NotFound.of("UNKNOWN_AIRDROP", "no airdrop " + id);
    }

    public static DomainProblem notEligible(String entity) {
        return NotFound.of("NOT_ELIGIBLE", entity + " is not in this airdrop's list");
    }

    public static DomainProblem alreadyClaimed(Instant claimedAt) {
        return Conflict.of("ALREADY_CLAIMED", "this airdrop was already claimed at " + claimedAt)
                .with("claimedAt", claimedAt.toString());
    }

    public static DomainProblem notStarted(Instant startsAt) {
        return Conflict.of("AIRDROP_NOT_STARTED", "claims open at " + startsAt).with("startsAt", startsAt.toString());
    }

    public static DomainProblem ended(Instant endsAt) {
        return Conflict.of("AIRDROP_ENDED", "claims closed at " + endsAt).with("endsAt", endsAt.toString());
    }

    public static DomainProblem notEnded(Instant endsAt) {
        return Conflict.of("AIRDROP_NOT_ENDED", "the unclaimed rest can be swept once claims close at " + endsAt)
                .with("endsAt", endsAt.toString());
    }

    public static DomainProblem alreadySwept(Instant sweptAt) {
        return Conflict.of("ALREADY_SWEPT", "the unclaimed rest was already swept at " + sweptAt)
                .with("sweptAt", sweptAt.toString());
    }

    public static DomainProblem trustTooLow(String score, String minimum) {
        return RuleViolation.of(
                        "TRUST_TOO_LOW",
                        "this airdrop requires a trust score of at least " + minimum + "; the claimant's is " + score)
                .with("minTrustScore", minimum)
                .with("trustScore", score);
    }
}
