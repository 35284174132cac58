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
    REWARDS_TRANSACTION,
    /**
     * A stake held at least the rule's threshold in days (at most 36,500): still open, or closed no
     * sooner. Counted by a periodic scan of the stakes, not by an event.
     */
    STAKE_HELD_DAYS
}
