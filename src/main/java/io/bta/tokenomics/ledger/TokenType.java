package io.bta.tokenomics.ledger;

/**
 * The kinds of token: the four BTA kinds, each with exactly one token, and the share tokens of AMM
 * pools, one per pool, minted and burned only by their issuer (ADR 0031).
 */
public enum TokenType {
    GOVERNANCE,
    REWARD,
    UTILITY,
    GUARANTEE,
    LP_SHARE;

    /** One of the four BTA kinds, of which there is exactly one token each. */
    public boolean isBta() {
        return this != LP_SHARE;
    }

    /** How many BTA kinds there are. */
    public static final int BTA_KINDS = 4;
}
