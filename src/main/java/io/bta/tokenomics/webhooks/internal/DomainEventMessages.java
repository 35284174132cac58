package io.bta.tokenomics.webhooks.internal;

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
import io.bta.tokenomics.governance.VotesCast;
import io.bta.tokenomics.guarantees.GuaranteeEvents.GuaranteeAllocated;
import io.bta.tokenomics.guarantees.GuaranteeEvents.GuaranteeClaimed;
import io.bta.tokenomics.guarantees.GuaranteeEvents.GuaranteeReleased;
import io.bta.tokenomics.ledger.TokenPauseChanged;
import io.bta.tokenomics.nft.NftEvents;
import io.bta.tokenomics.rewards.RewardEvents.RewardClaimed;
import io.bta.tokenomics.rewards.RewardEvents.RewardDistributed;
import io.bta.tokenomics.rewards.RewardEvents.RewardsDistributed;
import io.bta.tokenomics.shared.PublicEvent;
import io.bta.tokenomics.staking.StakingEvents.StakeClosed;
import io.bta.tokenomics.staking.StakingEvents.StakeOpened;
import io.bta.tokenomics.staking.StakingEvents.StakingRewardsPaid;
import io.bta.tokenomics.trust.TrustScoreChanged;
import io.bta.tokenomics.vesting.VestingEvents;
import java.util.List;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns the other modules' events into messages. Each listener runs after the business
 * transaction commits, in a transaction of its own; the event publication registry stored the
 * event with the business transaction and republishes it on restart if the listener had not
 * completed, so a crash in between loses nothing. A republished event finds its message already
 * recorded (by its source key) and records nothing twice.
 *
 * <p>One listener per event type rather than one for every {@link PublicEvent}: the registry names
 * a stored event's listener by its method, and events stored by an earlier version must still find
 * theirs. A new public event needs its listener here; {@code EventPayloadsTest} fails until it has
 * one.
 */
@Component
class DomainEventMessages {

    private final MessageLog log;
    private final EventPayloads payloads;

    DomainEventMessages(MessageLog log, EventPayloads payloads) {
        this.log = log;
        this.payloads = payloads;
    }

    @ApplicationModuleListener
    void on(ProposalCreated e) {
        record(e);
    }

    @ApplicationModuleListener
    void on(ProposalCanceled e) {
        record(e);
    }

    @ApplicationModuleListener
    void on(ProposalExecuted e) {
        record(e);
    }

    /** The votes of one commit, one message each, appended together. */
    @ApplicationModuleListener
    void on(VotesCast e) {
        log.append(payloads.messages(e));
    }

    @ApplicationModuleListener
    void on(DelegationChanged e) {
        record(e);
    }

    @ApplicationModuleListener
    void on(BridgeEvents.WithdrawalRequested e) {
        record(e);
    }

    @ApplicationModuleListener
    void on(BridgeEvents.WithdrawalConfirmed e) {
        record(e);
    }

    @ApplicationModuleListener
    void on(BridgeEvents.DepositCredited e) {
        record(e);
    }

    @ApplicationModuleListener
    void on(TokenPauseChanged.Paused e) {
        record(e);
    }

    @ApplicationModuleListener
    void on(TokenPauseChanged.Unpaused e) {
        record(e);
    }

    @ApplicationModuleListener
    void on(AirdropEvents.Created e) {
        record(e);
    }

    /** The claims of one commit, one message each, appended together. */
    @ApplicationModuleListener
    void on(AirdropEvents.ClaimsPaid e) {
        log.append(payloads.messages(e));
    }

    @ApplicationModuleListener
    void on(AirdropEvents.Swept e) {
        record(e);
    }

    @ApplicationModuleListener
    void on(FarmEvents.PositionChanged e) {
        record(e);
    }

    @ApplicationModuleListener
    void on(VestingEvents.Created e) {
        record(e);
    }

    @ApplicationModuleListener
    void on(VestingEvents.Released e) {
        record(e);
    }

    @ApplicationModuleListener
    void on(VestingEvents.Revoked e) {
        record(e);
    }

    @ApplicationModuleListener
    void on(NftEvents.Minted e) {
        record(e);
    }

    @ApplicationModuleListener
    void on(NftEvents.Transferred e) {
        record(e);
    }

    @ApplicationModuleListener
    void on(NftEvents.Burned e) {
        record(e);
    }

    @ApplicationModuleListener
    void on(AmmEvents.Swapped e) {
        record(e);
    }

    /** The swaps of one group commit, one message each, appended together. */
    @ApplicationModuleListener
    void on(AmmEvents.SwapsApplied e) {
        log.append(payloads.messages(e));
    }

    @ApplicationModuleListener
    void on(AmmEvents.LiquidityAdded e) {
        record(e);
    }

    @ApplicationModuleListener
    void on(AmmEvents.LiquidityRemoved e) {
        record(e);
    }

    @ApplicationModuleListener
    void on(StakeOpened e) {
        record(e);
    }

    @ApplicationModuleListener
    void on(StakeClosed e) {
        record(e);
    }

    @ApplicationModuleListener
    void on(StakingRewardsPaid e) {
        log.append(payloads.messages(e));
    }

    @ApplicationModuleListener
    void on(RewardDistributed e) {
        record(e);
    }

    /** Rewards created together (the governance rewards of one commit's votes), appended together. */
    @ApplicationModuleListener
    void on(RewardsDistributed e) {
        log.append(payloads.messages(e));
    }

    @ApplicationModuleListener
    void on(RewardClaimed e) {
        record(e);
    }

    @ApplicationModuleListener
    void on(GuaranteeAllocated e) {
        record(e);
    }

    @ApplicationModuleListener
    void on(GuaranteeReleased e) {
        record(e);
    }

    @ApplicationModuleListener
    void on(GuaranteeClaimed e) {
        record(e);
    }

    @ApplicationModuleListener
    void on(AuctionJoined e) {
        record(e);
    }

    @ApplicationModuleListener
    void on(AuctionSettled e) {
        record(e);
    }

    @ApplicationModuleListener
    void on(TrustScoreChanged e) {
        record(e);
    }

    private void record(PublicEvent event) {
        log.append(List.of(payloads.message(event)));
    }
}
