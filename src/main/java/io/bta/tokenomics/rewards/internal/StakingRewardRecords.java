package io.bta.tokenomics.rewards.internal;

import io.bta.tokenomics.rewards.RewardType;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.Ids;
import io.bta.tokenomics.staking.StakingEvents.StakingRewardsPaid;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.UUID;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps one reward record (type STAKING, already CLAIMED) for every staking payout, so that a
 * recipient's reward history and totals include what staking paid. The payout's ledger
 * transaction is the record's source: a redelivered event records nothing twice.
 */
@Component
class StakingRewardRecords {

    private final RewardStore store;
    private final EmissionBudget budget;
    private final Clock clock;

    StakingRewardRecords(RewardStore store, EmissionBudget budget, Clock clock) {
        this.store = store;
        this.budget = budget;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(StakingRewardsPaid paid) {
        var ids = new ArrayList<UUID>();
        var recipients = new ArrayList<EntityId>();
        var amounts = new ArrayList<Amount>();
        var sources = new ArrayList<String>();
        var reasons = new ArrayList<String>();
        var scores = new ArrayList<BigDecimal>();
        var transactions = new ArrayList<UUID>();
        for (var p : paid.payouts()) {
            ids.add(Ids.newId(clock));
            recipients.add(p.stakerId());
            amounts.add(p.amount());
            sources.add(p.ledgerTransactionId().toString());
            reasons.add("staking reward, stake " + p.stakeId());
            scores.add(p.trustScore());
            transactions.add(p.ledgerTransactionId());
        }
        store.insertPaid(
                RewardType.STAKING,
                paid.rewardTokenId(),
                budget.epochAt(paid.paidAt()),
                paid.paidAt(),
                ids,
                recipients,
                amounts,
                sources,
                reasons,
                scores,
                transactions);
    }
}
