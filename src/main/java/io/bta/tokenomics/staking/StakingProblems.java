package io.bta.tokenomics.staking;

import io.bta.tokenomics.shared.error.Conflict;
import io.bta.tokenomics.shared.error.DomainProblem;
import io.bta.tokenomics.shared.error.NotFound;
import io.bta.tokenomics.shared.error.RuleViolation;

/** Staking's refusals, each naming the rule. */
public final class StakingProblems {

    private StakingProblems() {}

    public static DomainProblem unknownPool(String id) {
        return NotFound.of("UNKNOWN_POOL", "no staking pool " + id);
    }

    public static DomainProblem unknownStake(String id) {
        return NotFound.of("UNKNOWN_STAKE", "no stake " + id);
    }

    public static DomainProblem poolNotActive(String status) {
        return Conflict.of("POOL_NOT_ACTIVE", "the pool takes no stakes while " + status)
                .with("poolStatus", status);
    }

    public static DomainProblem belowMinimumStake(String amount, String minimum) {
        return RuleViolation.of("BELOW_MIN_STAKE", "the pool's minimum stake is " + minimum + ", got " + amount)
                .with("minStakeAmount", minimum);
    }

    public static DomainProblem trustTooLow(String score, String minimum) {
        return RuleViolation.of(
                        "TRUST_SCORE_TOO_LOW",
                        "the pool requires a trust score of at least " + minimum + "; the staker's is " + score)
                .with("minTrustScore", minimum)
                .with("trustScore", score);
    }

    public static DomainProblem poolFull(String total, String cap) {
        return RuleViolation.of(
                        "POOL_CAP_EXCEEDED",
                        "the stake would take the pool over its cap of " + cap + " (staked: " + total + ")")
                .with("maxTotalStake", cap);
    }

    public static DomainProblem stillLocked(String unlocksAt) {
        return Conflict.of(
                        "STAKE_LOCKED", "the stake is locked until " + unlocksAt + " and the pool allows no early exit")
                .with("unlocksAt", unlocksAt);
    }

    public static DomainProblem alreadyUnstaked() {
        return Conflict.of("STAKE_CLOSED", "the stake was already unstaked");
    }
}
