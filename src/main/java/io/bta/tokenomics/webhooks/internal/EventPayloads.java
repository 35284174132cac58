package io.bta.tokenomics.webhooks.internal;

import static io.bta.tokenomics.webhooks.WebhookEventTypes.*;

import io.bta.tokenomics.auctions.AuctionEvents.AuctionJoined;
import io.bta.tokenomics.auctions.AuctionEvents.AuctionSettled;
import io.bta.tokenomics.governance.GovernanceEvents.DelegationChanged;
import io.bta.tokenomics.governance.GovernanceEvents.ProposalCanceled;
import io.bta.tokenomics.governance.GovernanceEvents.ProposalCreated;
import io.bta.tokenomics.governance.GovernanceEvents.ProposalExecuted;
import io.bta.tokenomics.governance.VoteCast;
import io.bta.tokenomics.guarantees.GuaranteeEvents.GuaranteeAllocated;
import io.bta.tokenomics.guarantees.GuaranteeEvents.GuaranteeClaimed;
import io.bta.tokenomics.guarantees.GuaranteeEvents.GuaranteeReleased;
import io.bta.tokenomics.ledger.LedgerTransaction;
import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.rewards.RewardEvents.RewardClaimed;
import io.bta.tokenomics.rewards.RewardEvents.RewardDistributed;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.staking.StakingEvents.StakeClosed;
import io.bta.tokenomics.staking.StakingEvents.StakeOpened;
import io.bta.tokenomics.staking.StakingEvents.StakingRewardsPaid;
import io.bta.tokenomics.trust.TrustScoreChanged;
import io.bta.tokenomics.webhooks.internal.MessageLog.NewMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The wire format of every message: {@code {"type", "timestamp", "data"}} as the Standard Webhooks
 * specification suggests, with {@code timestamp} the time the event happened. Amounts are strings
 * (exact), ids are strings. The ordering keys say which messages must reach an endpoint in order
 * (all the messages of one account, of one proposal, of one stake...); the parties are the
 * entities that see the message on their own event stream.
 */
@Component
public class EventPayloads {

    private final JsonMapper json;

    EventPayloads(JsonMapper json) {
        this.json = json;
    }

    public NewMessage ledger(LedgerTransaction t) {
        String type;
        switch (t.type()) {
            case TRANSFER -> type = LEDGER_TRANSFERRED;
            case MINT -> type = LEDGER_MINTED;
            case BURN -> type = LEDGER_BURNED;
            case LOCK -> type = LEDGER_LOCKED;
            case UNLOCK -> type = LEDGER_UNLOCKED;
            default -> throw new IllegalArgumentException("unknown transaction type " + t.type());
        }
        var parties = new ArrayList<EntityId>();
        if (t.fromEntityId() != null) {
            parties.add(t.fromEntityId());
        }
        if (t.toEntityId() != null) {
            parties.add(t.toEntityId());
        }
        var keys = parties.stream().map(p -> "entity:" + p.value()).distinct().toList();
        return message(type, t.createdAt(), keys, parties, "ledger:" + t.id(), d -> {
            d.put("id", t.id().toString());
            d.put("sequence", t.sequence());
            d.put("type", t.type().name());
            d.put("tokenId", t.tokenId().toString());
            d.put("symbol", t.symbol());
            d.put("fromEntityId", value(t.fromEntityId()));
            d.put("toEntityId", value(t.toEntityId()));
            d.put("amount", t.amount().toString());
            d.put("memo", t.memo());
            d.put("actor", value(t.actor()));
            d.put("createdAt", t.createdAt().toString());
        });
    }

    public NewMessage of(ProposalCreated e) {
        return message(
                PROPOSAL_CREATED,
                e.createdAt(),
                List.of("proposal:" + e.proposalId()),
                List.of(e.proposerId()),
                PROPOSAL_CREATED + ":" + e.proposalId(),
                d -> {
                    d.put("proposalId", e.proposalId().toString());
                    d.put("proposerId", value(e.proposerId()));
                    d.put("snapshotSequence", e.snapshotSequence());
                    d.put("createdAt", e.createdAt().toString());
                });
    }

    public NewMessage of(ProposalCanceled e) {
        return message(
                PROPOSAL_CANCELED,
                e.canceledAt(),
                List.of("proposal:" + e.proposalId()),
                List.of(e.canceledBy()),
                PROPOSAL_CANCELED + ":" + e.proposalId(),
                d -> {
                    d.put("proposalId", e.proposalId().toString());
                    d.put("canceledBy", value(e.canceledBy()));
                    d.put("canceledAt", e.canceledAt().toString());
                });
    }

    public NewMessage of(ProposalExecuted e) {
        return message(
                PROPOSAL_EXECUTED,
                e.executedAt(),
                List.of("proposal:" + e.proposalId()),
                List.of(e.executedBy()),
                PROPOSAL_EXECUTED + ":" + e.proposalId(),
                d -> {
                    d.put("proposalId", e.proposalId().toString());
                    d.put("executedBy", value(e.executedBy()));
                    d.put("actionCount", e.actionCount());
                    d.put("executedAt", e.executedAt().toString());
                });
    }

    public NewMessage of(VoteCast e) {
        return message(
                VOTE_CAST,
                e.castAt(),
                List.of("proposal:" + e.proposalId()),
                List.of(e.voterId()),
                VOTE_CAST + ":" + e.proposalId() + ":" + e.voterId(),
                d -> {
                    d.put("proposalId", e.proposalId().toString());
                    d.put("voterId", value(e.voterId()));
                    d.put("support", e.support().name());
                    d.put("votingPower", e.votingPower().toString());
                    d.put("trustScore", e.trustScore());
                    d.put("weight", e.weight().toPlainString());
                    d.put("castAt", e.castAt().toString());
                });
    }

    public NewMessage of(DelegationChanged e) {
        var parties = new ArrayList<EntityId>();
        parties.add(e.delegatorId());
        parties.add(e.delegateeId());
        return message(
                DELEGATION_CHANGED,
                e.changedAt(),
                List.of("delegation:" + e.delegatorId().value()),
                parties,
                DELEGATION_CHANGED + ":" + e.delegatorId() + ":" + e.effectiveFromSequence() + ":" + e.changedAt() + ":"
                        + value(e.delegateeId()),
                d -> {
                    d.put("delegatorId", value(e.delegatorId()));
                    d.put("delegateeId", value(e.delegateeId()));
                    d.put("effectiveFromSequence", e.effectiveFromSequence());
                    d.put("changedAt", e.changedAt().toString());
                });
    }

    public NewMessage of(StakeOpened e) {
        return message(
                STAKE_OPENED,
                e.stakedAt(),
                List.of("stake:" + e.stakeId()),
                List.of(e.stakerId()),
                STAKE_OPENED + ":" + e.stakeId(),
                d -> {
                    d.put("stakeId", e.stakeId().toString());
                    d.put("poolId", e.poolId().toString());
                    d.put("stakerId", value(e.stakerId()));
                    d.put("amount", e.amount().toString());
                    d.put("stakedAt", e.stakedAt().toString());
                });
    }

    public NewMessage of(StakeClosed e) {
        return message(
                STAKE_CLOSED,
                e.unstakedAt(),
                List.of("stake:" + e.stakeId()),
                List.of(e.stakerId()),
                STAKE_CLOSED + ":" + e.stakeId(),
                d -> {
                    d.put("stakeId", e.stakeId().toString());
                    d.put("poolId", e.poolId().toString());
                    d.put("stakerId", value(e.stakerId()));
                    d.put("principalReturned", e.principalReturned().toString());
                    d.put("penalty", e.penalty().toString());
                    d.put("unstakedAt", e.unstakedAt().toString());
                });
    }

    /** One message per payout: each names its staker, who sees it, and its ledger transaction. */
    public List<NewMessage> of(StakingRewardsPaid e) {
        return e.payouts().stream()
                .map(p -> message(
                        STAKING_REWARDS_PAID,
                        e.paidAt(),
                        List.of("stake:" + p.stakeId()),
                        List.of(p.stakerId()),
                        STAKING_REWARDS_PAID + ":" + p.ledgerTransactionId(),
                        d -> {
                            d.put("poolId", e.poolId().toString());
                            d.put("stakeId", p.stakeId().toString());
                            d.put("stakerId", value(p.stakerId()));
                            d.put("rewardTokenId", token(e.rewardTokenId()));
                            d.put("amount", p.amount().toString());
                            d.put("ledgerTransactionId", p.ledgerTransactionId().toString());
                            d.put("paidAt", e.paidAt().toString());
                        }))
                .toList();
    }

    public NewMessage of(RewardDistributed e) {
        return message(
                REWARD_DISTRIBUTED,
                e.distributedAt(),
                List.of("reward:" + e.rewardId()),
                List.of(e.recipientId()),
                REWARD_DISTRIBUTED + ":" + e.rewardId(),
                d -> {
                    d.put("rewardId", e.rewardId().toString());
                    d.put("recipientId", value(e.recipientId()));
                    d.put("tokenId", token(e.tokenId()));
                    d.put("amount", e.amount().toString());
                    d.put("type", e.type().name());
                    d.put("sourceRef", e.sourceRef());
                    d.put("trustScore", e.trustScore());
                    d.put("expiresAt", instant(e.expiresAt()));
                    d.put("distributedAt", e.distributedAt().toString());
                });
    }

    public NewMessage of(RewardClaimed e) {
        return message(
                REWARD_CLAIMED,
                e.claimedAt(),
                List.of("reward:" + e.rewardId()),
                List.of(e.recipientId()),
                REWARD_CLAIMED + ":" + e.rewardId(),
                d -> {
                    d.put("rewardId", e.rewardId().toString());
                    d.put("recipientId", value(e.recipientId()));
                    d.put("tokenId", token(e.tokenId()));
                    d.put("amount", e.amount().toString());
                    d.put("ledgerTransactionId", e.ledgerTransactionId().toString());
                    d.put("claimedAt", e.claimedAt().toString());
                });
    }

    public NewMessage of(GuaranteeAllocated e) {
        return message(
                GUARANTEE_ALLOCATED,
                e.allocatedAt(),
                List.of("allocation:" + e.allocationId()),
                List.of(e.guarantorId(), e.beneficiaryId()),
                GUARANTEE_ALLOCATED + ":" + e.allocationId(),
                d -> {
                    d.put("allocationId", e.allocationId().toString());
                    d.put("guaranteeId", e.guaranteeId());
                    d.put("guarantorId", value(e.guarantorId()));
                    d.put("beneficiaryId", value(e.beneficiaryId()));
                    d.put("amount", e.amount().toString());
                    d.put("collateralTokenId", token(e.collateralTokenId()));
                    d.put("collateralAmount", amount(e.collateralAmount()));
                    d.put("expiresAt", instant(e.expiresAt()));
                    d.put("allocatedAt", e.allocatedAt().toString());
                });
    }

    /**
     * Both parties see a release. An event stored before releases named their beneficiary, and
     * republished after an upgrade, has none: the guarantor alone then (parties drop nulls).
     */
    public NewMessage of(GuaranteeReleased e) {
        var parties = new ArrayList<EntityId>();
        parties.add(e.guarantorId());
        parties.add(e.beneficiaryId());
        return message(
                GUARANTEE_RELEASED,
                e.releasedAt(),
                List.of("allocation:" + e.allocationId()),
                parties,
                GUARANTEE_RELEASED + ":" + e.allocationId(),
                d -> {
                    d.put("allocationId", e.allocationId().toString());
                    d.put("guaranteeId", e.guaranteeId());
                    d.put("guarantorId", value(e.guarantorId()));
                    d.put("beneficiaryId", value(e.beneficiaryId()));
                    d.put("amount", e.amount().toString());
                    d.put("expired", e.expired());
                    d.put("releasedAt", e.releasedAt().toString());
                });
    }

    public NewMessage of(GuaranteeClaimed e) {
        return message(
                GUARANTEE_CLAIMED,
                e.claimedAt(),
                List.of("allocation:" + e.allocationId()),
                List.of(e.guarantorId(), e.beneficiaryId()),
                GUARANTEE_CLAIMED + ":" + e.allocationId(),
                d -> {
                    d.put("allocationId", e.allocationId().toString());
                    d.put("guaranteeId", e.guaranteeId());
                    d.put("guarantorId", value(e.guarantorId()));
                    d.put("beneficiaryId", value(e.beneficiaryId()));
                    d.put("amount", e.amount().toString());
                    d.put("collateralTokenId", token(e.collateralTokenId()));
                    d.put("collateralAmount", amount(e.collateralAmount()));
                    d.put("claimedAt", e.claimedAt().toString());
                });
    }

    public NewMessage of(AuctionJoined e) {
        return message(
                AUCTION_JOINED,
                e.joinedAt(),
                List.of("auction:" + e.auctionId()),
                List.of(e.bidderId()),
                AUCTION_JOINED + ":" + e.auctionId() + ":" + e.bidderId(),
                d -> {
                    d.put("auctionId", e.auctionId());
                    d.put("bidderId", value(e.bidderId()));
                    d.put("bond", e.bond().toString());
                    d.put("trustScore", e.trustScore());
                    d.put("joinedAt", e.joinedAt().toString());
                });
    }

    public NewMessage of(AuctionSettled e) {
        var parties = new ArrayList<EntityId>();
        e.outcomes().forEach(o -> parties.add(o.bidderId()));
        return message(
                AUCTION_SETTLED,
                e.settledAt(),
                List.of("auction:" + e.auctionId()),
                parties,
                AUCTION_SETTLED + ":" + e.auctionId(),
                d -> {
                    d.put("auctionId", e.auctionId());
                    d.put("winnerId", value(e.winnerId()));
                    var outcomes = d.putArray("outcomes");
                    for (var o : e.outcomes()) {
                        var n = outcomes.addObject();
                        n.put("bidderId", value(o.bidderId()));
                        n.put("status", o.status().name());
                        n.put("bond", o.bond().toString());
                        n.put("charged", o.charged().toString());
                    }
                    d.put("toTreasury", e.toTreasury().toString());
                    d.put("settledAt", e.settledAt().toString());
                });
    }

    public NewMessage of(TrustScoreChanged e) {
        return message(
                TRUST_SCORE_CHANGED,
                e.changedAt(),
                List.of("trust:" + e.entityId().value()),
                List.of(e.entityId()),
                TRUST_SCORE_CHANGED + ":" + e.entityId() + ":" + e.changedAt() + ":"
                        + e.score().toPlainString(),
                d -> {
                    d.put("entityId", value(e.entityId()));
                    d.put("previous", e.previous());
                    d.put("score", e.score());
                    d.put("changedBy", value(e.changedBy()));
                    d.put("changedAt", e.changedAt().toString());
                });
    }

    private NewMessage message(
            String type,
            Instant occurredAt,
            List<String> orderingKeys,
            List<EntityId> parties,
            String sourceKey,
            Consumer<ObjectNode> data) {
        var envelope = json.createObjectNode();
        envelope.put("type", type);
        envelope.put("timestamp", occurredAt.toString());
        data.accept(envelope.putObject("data"));
        return new NewMessage(type, orderingKeys, parties, json.writeValueAsString(envelope), sourceKey);
    }

    private static String value(EntityId id) {
        return id == null ? null : id.value();
    }

    private static String token(TokenId id) {
        return id == null ? null : id.toString();
    }

    private static String amount(Amount a) {
        return a == null ? null : a.toString();
    }

    private static String instant(Instant i) {
        return i == null ? null : i.toString();
    }
}
