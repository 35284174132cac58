package io.bta.tokenomics.nft;

/** The kinds of event a badge rule counts per entity. */
public enum BadgeTrigger {
    /** Votes the entity cast on governance proposals. */
    VOTES_CAST,
    /** Stakes the entity opened. */
    STAKES_OPENED,
    /** Learning rewards distributed to the entity. */
    REWARDS_LEARNING,
    /** Governance rewards distributed to the entity. */
    REWARDS_GOVERNANCE,
    /** Referral rewards distributed to the entity. */
    REWARDS_REFERRAL,
    /** Transaction rewards distributed to the entity. */
    REWARDS_TRANSACTION
}
