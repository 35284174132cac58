package io.bta.tokenomics.rewards;

/**
 * What a reward pays for. {@link #NFT} is a badge (a token of an NFT collection) awarded by a badge
 * rule: it carries no token amount and is never claimed.
 */
public enum RewardType {
    TRANSACTION,
    LEARNING,
    GOVERNANCE,
    REFERRAL,
    STAKING,
    MANUAL,
    NFT
}
