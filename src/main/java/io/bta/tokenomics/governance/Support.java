package io.bta.tokenomics.governance;

/** How a vote counts: for, against, or present without taking a side (counts towards quorum). */
public enum Support {
    FOR,
    AGAINST,
    ABSTAIN;

    /** The refusal of any other text, in the words every client sees. */
    public static final String NOT_A_SUPPORT = "must be FOR, AGAINST or ABSTAIN";
}
