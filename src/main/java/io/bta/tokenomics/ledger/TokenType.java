package io.bta.tokenomics.ledger;

/** The four kinds of BTA token; each kind has exactly one token. */
public enum TokenType {
    GOVERNANCE,
    REWARD,
    UTILITY,
    GUARANTEE
}
