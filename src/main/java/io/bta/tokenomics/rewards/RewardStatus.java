package io.bta.tokenomics.rewards;

/**
 * PENDING until the recipient claims it (CLAIMED) or its claim window runs out (EXPIRED); a badge
 * (an {@link RewardType#NFT} reward) is AWARDED from the start, with nothing to claim.
 */
public enum RewardStatus {
    PENDING,
    CLAIMED,
    EXPIRED,
    AWARDED
}
