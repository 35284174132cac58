package io.bta.tokenomics.staking;

import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.PublicEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Events of staking, published in the transaction that makes the change. */
public final class StakingEvents {

    private StakingEvents() {}

    /**
     * What every public staking event shares: its stake orders its messages and names its source,
     * and its staker alone sees it.
     */
    public sealed interface StakeEvent extends PublicEvent permits StakeOpened, StakeClosed, RewardPaid {

        StakeId stakeId();

        EntityId stakerId();

        @Override
        default List<String> orderingKeys() {
            return List.of("stake:" + stakeId());
        }

        @Override
        default List<EntityId> parties() {
            return PublicEvent.entities(stakerId());
        }

        @Override
        default String sourceKey() {
            return eventType() + ":" + stakeId();
        }
    }

    public record StakeOpened(StakeId stakeId, PoolId poolId, EntityId stakerId, Amount amount, Instant stakedAt)
            implements StakeEvent {

        public static final String TYPE = "staking.stake.opened";

        @Override
        public String eventType() {
            return TYPE;
        }

        @Override
        public Instant occurredAt() {
            return stakedAt;
        }
    }

    public record StakeClosed(
            StakeId stakeId,
            PoolId poolId,
            EntityId stakerId,
            Amount principalReturned,
            Amount penalty,
            Instant unstakedAt)
            implements StakeEvent {

        public static final String TYPE = "staking.stake.closed";

        @Override
        public String eventType() {
            return TYPE;
        }

        @Override
        public Instant occurredAt() {
            return unstakedAt;
        }
    }

    /**
     * Rewards paid to stakers' available balances: one entry per stake, with its ledger transaction.
     * Subscribers receive one {@link RewardPaid} per entry: each concerns one staker only.
     */
    public record StakingRewardsPaid(PoolId poolId, TokenId rewardTokenId, List<Payout> payouts, Instant paidAt)
            implements PublicEvent.Batch {

        @Override
        public List<RewardPaid> events() {
            return payouts.stream()
                    .map(p -> new RewardPaid(
                            poolId,
                            p.stakeId(),
                            p.stakerId(),
                            rewardTokenId,
                            p.amount(),
                            p.trustScore(),
                            p.ledgerTransactionId(),
                            paidAt))
                    .toList();
        }
    }

    public record Payout(
            StakeId stakeId, EntityId stakerId, Amount amount, BigDecimal trustScore, UUID ledgerTransactionId) {}

    /** One payout of a {@link StakingRewardsPaid}, as its staker's subscribers receive it. */
    public record RewardPaid(
            PoolId poolId,
            StakeId stakeId,
            EntityId stakerId,
            TokenId rewardTokenId,
            Amount amount,
            BigDecimal trustScore,
            UUID ledgerTransactionId,
            Instant paidAt)
            implements StakeEvent {

        public static final String TYPE = "staking.rewards.paid";

        @Override
        public String eventType() {
            return TYPE;
        }

        @Override
        public Instant occurredAt() {
            return paidAt;
        }

        /** One payout per ledger transaction: a stake is paid many times. */
        @Override
        public String sourceKey() {
            return TYPE + ":" + ledgerTransactionId;
        }
    }
}
