package io.bta.tokenomics.rewards.internal;

import io.bta.tokenomics.governance.GovernedParameter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The reward settings that governance may change, each a {@link GovernedParameter} bean. */
@Configuration(proxyBeanMethods = false)
class RewardParameters {

    @Bean
    GovernedParameter rewardsInflationRate(RewardSettings s) {
        return s.parameter("rewards.inflation-rate");
    }

    @Bean
    GovernedParameter rewardsBootstrapEmission(RewardSettings s) {
        return s.parameter("rewards.bootstrap-emission");
    }

    @Bean
    GovernedParameter rewardsClaimWindow(RewardSettings s) {
        return s.parameter("rewards.claim-window");
    }

    @Bean
    GovernedParameter rewardsLearningAmount(RewardSettings s) {
        return s.parameter("rewards.learning.amount");
    }

    @Bean
    GovernedParameter rewardsLearningMinTrust(RewardSettings s) {
        return s.parameter("rewards.learning.min-trust");
    }

    @Bean
    GovernedParameter rewardsLearningTrustBoost(RewardSettings s) {
        return s.parameter("rewards.learning.trust-boost");
    }

    @Bean
    GovernedParameter rewardsGovernanceAmount(RewardSettings s) {
        return s.parameter("rewards.governance.amount");
    }

    @Bean
    GovernedParameter rewardsGovernanceMinTrust(RewardSettings s) {
        return s.parameter("rewards.governance.min-trust");
    }

    @Bean
    GovernedParameter rewardsGovernanceTrustBoost(RewardSettings s) {
        return s.parameter("rewards.governance.trust-boost");
    }

    @Bean
    GovernedParameter rewardsReferralAmount(RewardSettings s) {
        return s.parameter("rewards.referral.amount");
    }

    @Bean
    GovernedParameter rewardsReferralMinTrust(RewardSettings s) {
        return s.parameter("rewards.referral.min-trust");
    }

    @Bean
    GovernedParameter rewardsReferralTrustBoost(RewardSettings s) {
        return s.parameter("rewards.referral.trust-boost");
    }

    @Bean
    GovernedParameter rewardsTransactionRate(RewardSettings s) {
        return s.parameter("rewards.transaction.rate");
    }

    @Bean
    GovernedParameter rewardsTransactionCap(RewardSettings s) {
        return s.parameter("rewards.transaction.cap");
    }

    @Bean
    GovernedParameter rewardsTransactionMinTrust(RewardSettings s) {
        return s.parameter("rewards.transaction.min-trust");
    }

    @Bean
    GovernedParameter rewardsTransactionTrustBoost(RewardSettings s) {
        return s.parameter("rewards.transaction.trust-boost");
    }
}
