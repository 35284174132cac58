package io.bta.tokenomics.rewards.internal;

import io.bta.tokenomics.governance.VoteCast;
import io.bta.tokenomics.rewards.Rewards;
import io.bta.tokenomics.shared.error.DomainProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pays the governance reward for each vote, after the vote commits. A repeated event finds the
 * existing reward. A vote the policy refuses (trust too low, budget spent) is logged and not
 * retried: the grant runs as a nested transaction (a savepoint in the listener's own transaction),
 * so a refusal rolls back only what the grant wrote and the event still completes, in one commit
 * and on one connection.
 */
@Component
class GovernanceRewards {

    private static final Logger log = LoggerFactory.getLogger(GovernanceRewards.class);

    private final Rewards rewards;
    private final TransactionTemplate nested;

    GovernanceRewards(Rewards rewards, PlatformTransactionManager transactions) {
        this.rewards = rewards;
        this.nested = new TransactionTemplate(transactions);
        this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @ApplicationModuleListener
    void on(VoteCast vote) {
        try {
            nested.executeWithoutResult(s -> rewards.rewardGovernance(vote.voterId(), vote.proposalId()));
        } catch (DomainProblem refused) {
            log.info(
                    "no governance reward for {} on proposal {}: {}",
                    vote.voterId(),
                    vote.proposalId(),
                    refused.getMessage());
        }
    }
}
