package io.bta.tokenomics.webhooks;

import io.bta.tokenomics.airdrops.AirdropEvents;
import io.bta.tokenomics.amm.AmmEvents;
import io.bta.tokenomics.auctions.AuctionEvents.AuctionJoined;
import io.bta.tokenomics.auctions.AuctionEvents.AuctionSettled;
import io.bta.tokenomics.bridge.BridgeEvents;
import io.bta.tokenomics.farms.FarmEvents;
import io.bta.tokenomics.governance.GovernanceEvents.DelegationChanged;
import io.bta.tokenomics.governance.GovernanceEvents.ProposalCanceled;
import io.bta.tokenomics.governance.GovernanceEvents.ProposalCreated;
import io.bta.tokenomics.governance.GovernanceEvents.ProposalExecuted;
import io.bta.tokenomics.governance.VoteCast;
import io.bta.tokenomics.guarantees.GuaranteeEvents.GuaranteeAllocated;
import io.bta.tokenomics.guarantees.GuaranteeEvents.GuaranteeClaimed;
import io.bta.tokenomics.guarantees.GuaranteeEvents.GuaranteeReleased;
import io.bta.tokenomics.ledger.LedgerTransaction;
import io.bta.tokenomics.ledger.TokenPauseChanged;
import io.bta.tokenomics.nft.NftEvents;
import io.bta.tokenomics.rewards.RewardEvents.RewardClaimed;
import io.bta.tokenomics.rewards.RewardEvents.RewardDistributed;
import io.bta.tokenomics.staking.StakingEvents.RewardPaid;
import io.bta.tokenomics.staking.StakingEvents.StakeClosed;
import io.bta.tokenomics.staking.StakingEvents.StakeOpened;
import io.bta.tokenomics.trust.TrustScoreChanged;
import io.bta.tokenomics.vesting.VestingEvents;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The event types an endpoint can subscribe to (or {@code *} for all). They are part of the public
 * contract of the webhooks: a name, once published, is never reused for another meaning. Each name
 * is defined by its event ({@link io.bta.tokenomics.shared.PublicEvent#eventType()}); this is the
 * list of them.
 */
public final class WebhookEventTypes {

    private WebhookEventTypes() {}

    public static final String ALL = "*";

    public static final String LEDGER_TRANSFERRED = LedgerTransaction.TRANSFERRED;
    public static final String LEDGER_MINTED = LedgerTransaction.MINTED;
    public static final String LEDGER_BURNED = LedgerTransaction.BURNED;
    public static final String LEDGER_LOCKED = LedgerTransaction.LOCKED;
    public static final String LEDGER_UNLOCKED = LedgerTransaction.UNLOCKED;

    public static final String LEDGER_TOKEN_PAUSED = TokenPauseChanged.PAUSED;
    public static final String LEDGER_TOKEN_UNPAUSED = TokenPauseChanged.UNPAUSED;

    public static final String PROPOSAL_CREATED = ProposalCreated.TYPE;
    public static final String PROPOSAL_CANCELED = ProposalCanceled.TYPE;
    public static final String PROPOSAL_EXECUTED = ProposalExecuted.TYPE;
    public static final String VOTE_CAST = VoteCast.TYPE;
    public static final String DELEGATION_CHANGED = DelegationChanged.TYPE;

    public static final String STAKE_OPENED = StakeOpened.TYPE;
    public static final String STAKE_CLOSED = StakeClosed.TYPE;
    public static final String STAKING_REWARDS_PAID = RewardPaid.TYPE;

    public static final String REWARD_DISTRIBUTED = RewardDistributed.TYPE;
    public static final String REWARD_CLAIMED = RewardClaimed.TYPE;

    public static final String GUARANTEE_ALLOCATED = GuaranteeAllocated.TYPE;
    public static final String GUARANTEE_RELEASED = GuaranteeReleased.TYPE;
    public static final String GUARANTEE_CLAIMED = GuaranteeClaimed.TYPE;

    public static final String AUCTION_JOINED = AuctionJoined.TYPE;
    public static final String AUCTION_SETTLED = AuctionSettled.TYPE;

    public static final String TRUST_SCORE_CHANGED = TrustScoreChanged.TYPE;

    public static final String BRIDGE_WITHDRAWAL_REQUESTED = BridgeEvents.WithdrawalRequested.TYPE;
    public static final String BRIDGE_WITHDRAWAL_CONFIRMED = BridgeEvents.WithdrawalConfirmed.TYPE;
    public static final String BRIDGE_DEPOSIT_CREDITED = BridgeEvents.DepositCredited.TYPE;

    public static final String AMM_SWAPPED = AmmEvents.Swapped.TYPE;
    public static final String AMM_LIQUIDITY_ADDED = AmmEvents.LiquidityAdded.TYPE;
    public static final String AMM_LIQUIDITY_REMOVED = AmmEvents.LiquidityRemoved.TYPE;

    public static final String NFT_MINTED = NftEvents.Minted.TYPE;
    public static final String NFT_TRANSFERRED = NftEvents.Transferred.TYPE;
    public static final String NFT_BURNED = NftEvents.Burned.TYPE;

    public static final String AIRDROP_CREATED = AirdropEvents.Created.TYPE;
    public static final String AIRDROP_CLAIMED = AirdropEvents.Claimed.TYPE;
    public static final String AIRDROP_SWEPT = AirdropEvents.Swept.TYPE;

    public static final String VESTING_CREATED = VestingEvents.Created.TYPE;
    public static final String VESTING_RELEASED = VestingEvents.Released.TYPE;
    public static final String VESTING_REVOKED = VestingEvents.Revoked.TYPE;

    public static final String FARM_POSITION_CHANGED = FarmEvents.PositionChanged.TYPE;

    /** Every type, in a stable order (the order of the list answered by the API). */
    public static final List<String> KNOWN = List.of(
            LEDGER_TRANSFERRED,
            LEDGER_MINTED,
            LEDGER_BURNED,
            LEDGER_LOCKED,
            LEDGER_UNLOCKED,
            LEDGER_TOKEN_PAUSED,
            LEDGER_TOKEN_UNPAUSED,
            PROPOSAL_CREATED,
            PROPOSAL_CANCELED,
            PROPOSAL_EXECUTED,
            VOTE_CAST,
            DELEGATION_CHANGED,
            STAKE_OPENED,
            STAKE_CLOSED,
            STAKING_REWARDS_PAID,
            REWARD_DISTRIBUTED,
            REWARD_CLAIMED,
            GUARANTEE_ALLOCATED,
            GUARANTEE_RELEASED,
            GUARANTEE_CLAIMED,
            AUCTION_JOINED,
            AUCTION_SETTLED,
            TRUST_SCORE_CHANGED,
            BRIDGE_WITHDRAWAL_REQUESTED,
            BRIDGE_WITHDRAWAL_CONFIRMED,
            BRIDGE_DEPOSIT_CREDITED,
            AMM_SWAPPED,
            AMM_LIQUIDITY_ADDED,
            AMM_LIQUIDITY_REMOVED,
            NFT_MINTED,
            NFT_TRANSFERRED,
            NFT_BURNED,
            AIRDROP_CREATED,
            AIRDROP_CLAIMED,
            AIRDROP_SWEPT,
            VESTING_CREATED,
            VESTING_RELEASED,
            VESTING_REVOKED,
            FARM_POSITION_CHANGED);

    private static final Set<String> SUBSCRIBABLE = Set.copyOf(concat());

    private static List<String> concat() {
        var all = new java.util.ArrayList<>(KNOWN);
        all.add(ALL);
        return all;
    }

    /**
     * The types an endpoint subscribes to, in the order given without repeats: at least one, each
     * known or {@code *}; otherwise refused with the message the client sees.
     */
    public static List<String> subscription(List<String> types) {
        if (types == null || types.isEmpty()) {
            throw new IllegalArgumentException("at least one event type, or \"*\" for all");
        }
        var unknown = types.stream()
                .filter(t -> !isSubscribable(t))
                .map(String::valueOf)
                .toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(
                    "unknown event types " + unknown + "; known: " + String.join(", ", KNOWN) + ", or \"*\"");
        }
        return List.copyOf(new LinkedHashSet<>(types));
    }

    /** A known type or {@code *}. */
    public static boolean isSubscribable(String type) {
        return type != null && SUBSCRIBABLE.contains(type);
    }
}
