package io.bta.tokenomics.staking;

import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Events of staking, published in the transaction that makes the change. */
public final class StakingEvents {

    private StakingEvents() {}

    public record StakeOpened(UUID stakeId, UUID poolId, EntityId stakerId, Amount amount, Instant stakedAt) {}

    public record StakeClosed(
            UUID stakeId,
            UUID poolId,
            EntityId stakerId,
            Amount principalReturned,
            Amount penalty,
            Instant unstakedAt) {}

    /** Rewards paid to stakers' available balances: one entry per stake, with its ledger transaction. */
    public record StakingRewardsPaid(UUID poolId, TokenId rewardTokenId, List<Payout> payouts, Instant paidAt) {}

    public record Payout(
            UUID stakeId, EntityId stakerId, Amount amount, BigDecimal trustScore, UUID ledgerTransactionId) {}
}
