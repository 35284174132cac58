package io.bta.tokenomics.staking;

import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A staking position with its pending rewards as of the moment it was read. */
public record Stake(
        UUID id,
        UUID poolId,
        EntityId stakerId,
        Amount amount,
        BigDecimal trustScoreAtStake,
        Instant stakedAt,
        Instant unlocksAt,
        StakeStatus status,
        Amount pendingRewards,
        Amount rewardsPaid,
        Instant unstakedAt) {

    public enum StakeStatus {
        ACTIVE,
        UNSTAKED
    }
}
