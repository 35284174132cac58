package io.bta.tokenomics.staking;

import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.web.PlainDecimalText;
import java.math.BigDecimal;
import java.time.Instant;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A staking position with its pending rewards as of the moment it was read. The JSON API answers it
 * as it is; the trust score is written as a decimal string, as a client keeps it exactly.
 */
public record Stake(
        StakeId id,
        PoolId poolId,
        EntityId stakerId,
        Amount amount,
        @JsonSerialize(using = PlainDecimalText.class) BigDecimal trustScoreAtStake,
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
