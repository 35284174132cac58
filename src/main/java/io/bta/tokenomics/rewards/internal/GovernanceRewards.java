package io.bta.tokenomics.rewards.internal;

import io.bta.tokenomics.governance.VotesCast;
import io.bta.tokenomics.rewards.Rewards;
import io.bta.tokenomics.rewards.Rewards.GovernanceVote;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Pays the governance reward for each vote, after the votes commit: the votes of one commit in one
 * transaction of this listener. A repeated event finds the existing rewards. A vote the policy
 * refuses (trust too low, budget spent) is logged and not retried: each grant runs as a nested
 * transaction (a savepoint), so a refusal rolls back only what that grant wrote and the event still
 * completes.
 */
@Component
class GovernanceRewards {

    private final Rewards rewards;

    GovernanceRewards(Rewards rewards) {
        this.rewards = rewards;
    }

    @ApplicationModuleListener
    void on(VotesCast cast) {
        rewards.rewardGovernance(cast.votes().stream()
                .map(v -> new GovernanceVote(v.voterId(), v.proposalId()))
                .toList());
    }
}
