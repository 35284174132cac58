package io.bta.tokenomics.ledger;

/** What a ledger transaction did. */
public enum TransactionType {
    TRANSFER,
    MINT,
    BURN,
    LOCK,
    UNLOCK;

    /** The refusal of any other name. */
    public static final String NOT_A_TYPE = "must be one of TRANSFER, MINT, BURN, LOCK, UNLOCK";
}
