package io.bta.tokenomics.ledger;

/** What a ledger transaction did. */
public enum TransactionType {
    TRANSFER,
    MINT,
    BURN,
    LOCK,
    UNLOCK
}
