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
 * retried: the refusal runs in a transaction of its own, so the event still completes.
 */
@Component
class GovernanceRewards {

    private static final Logger log = LoggerFactory.getLogger(GovernanceRewards.class);

    private final Rewards rewards;
    private final TransactionTemplate ownTransaction;

    GovernanceRewards(Rewards rewards, PlatformTransactionManager transactions) {
        this.rewards = rewards;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @ApplicationModuleListener
    void on(VoteCast vote) {
        try {
            ownTransaction.executeWithoutResult(s -> rewards.rewardGovernance(vote.voterId(), vote.proposalId()));
        } catch (DomainProblem refused) {
            log.info(
                    "no governance reward for {} on proposal {}: {}",
                    vote.voterId(),
                    vote.proposalId(),
                    refused.getMessage());
        }
    }
}
