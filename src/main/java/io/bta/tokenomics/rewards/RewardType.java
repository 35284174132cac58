package io.bta.tokenomics.rewards;

/** What a reward pays for. */
public enum RewardType {
    TRANSACTION,
    LEARNING,
    GOVERNANCE,
    REFERRAL,
    STAKING,
    MANUAL
}
