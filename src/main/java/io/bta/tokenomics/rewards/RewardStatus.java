package io.bta.tokenomics.rewards;

/** PENDING until the recipient claims it (CLAIMED) or its claim window runs out (EXPIRED). */
public enum RewardStatus {
    PENDING,
    CLAIMED,
    EXPIRED
}
