package io.bta.tokenomics.staking.internal;

import io.bta.tokenomics.staking.Staking;
import io.bta.tokenomics.staking.StakingProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * The staking module's scheduled job: the reward distribution on {@code
 * tokenomics.staking.distribution-cron}. Every instance's scheduler fires at the due time; only the
 * one that claims the due time distributes, so a due time pays once however many instances share
 * the database.
 */
@Component
class StakingJobs {

    private final Staking staking;
    private final StakingProperties properties;

    StakingJobs(Staking staking, StakingProperties properties) {
        this.staking = staking;
        this.properties = properties;
    }

    @Scheduled(cron = "${tokenomics.staking.distribution-cron:-}")
    void distribute() {
        staking.distributeIfDue(CronExpression.parse(properties.distributionCron()));
    }
}
