package io.bta.tokenomics.rewards;

import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.PublicEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Events of rewards, published in the transaction that makes the change. */
public final class RewardEvents {

    private RewardEvents() {}

    /** A PENDING reward was created (a repeat of the same type, recipient and source publishes nothing). */
    public record RewardDistributed(
            UUID rewardId,
            EntityId recipientId,
            TokenId tokenId,
            Amount amount,
            RewardType type,
            String sourceRef,
            BigDecimal trustScore,
            Instant expiresAt,
            Instant distributedAt)
            implements PublicEvent {

        public static final String TYPE = "rewards.reward.distributed";

        @Override
        public String eventType() {
            return TYPE;
        }

        @Override
        public Instant occurredAt() {
            return distributedAt;
        }

        @Override
        public List<String> orderingKeys() {
            return List.of("reward:" + rewardId);
        }

        @Override
        public List<EntityId> parties() {
            return PublicEvent.entities(recipientId);
        }

        @Override
        public String sourceKey() {
            return TYPE + ":" + rewardId;
        }
    }

    /**
     * Rewards created together, in one transaction (the governance rewards of the votes of one
     * commit); each as its own {@link RewardDistributed}.
     */
    public record RewardsDistributed(List<RewardDistributed> rewards) implements PublicEvent.Batch {
        public RewardsDistributed {
            rewards = List.copyOf(rewards);
        }

        @Override
        public List<RewardDistributed> events() {
            return rewards;
        }
    }

    /** The recipient claimed a reward: its amount was minted by the ledger transaction named. */
    public record RewardClaimed(
            UUID rewardId,
            EntityId recipientId,
            TokenId tokenId,
            Amount amount,
            UUID ledgerTransactionId,
            Instant claimedAt)
            implements PublicEvent {

        public static final String TYPE = "rewards.reward.claimed";

        @Override
        public String eventType() {
            return TYPE;
        }

        @Override
        public Instant occurredAt() {
            return claimedAt;
        }

        @Override
        public List<String> orderingKeys() {
            return List.of("reward:" + rewardId);
        }

        @Override
        public List<EntityId> parties() {
            return PublicEvent.entities(recipientId);
        }

        @Override
        public String sourceKey() {
            return TYPE + ":" + rewardId;
        }
    }
}
