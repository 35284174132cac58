package io.bta.tokenomics.governance;

/** How a vote counts: for, against, or present without taking a side (counts towards quorum). */
public enum Support {
    FOR,
    AGAINST,
    ABSTAIN
}
