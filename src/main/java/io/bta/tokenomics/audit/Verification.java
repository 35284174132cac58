package io.bta.tokenomics.audit;

import java.util.UUID;

/**
 * The result of recomputing the chain over heights {@code checkedFrom..checkedTo} (null when there
 * is no block yet). {@code firstMismatch} is null when everything matched.
 */
public record Verification(boolean valid, Long checkedFrom, Long checkedTo, Mismatch firstMismatch) {

    /**
     * What did not match, where: the block, and for a transaction-level mismatch the transaction
     * (for {@code HISTORY}, {@code sequence} is the history's, not the ledger's).
     * {@code expected} is what the chain recorded, {@code actual} what was recomputed or found now.
     */
    public record Mismatch(
            long blockHeight, Long sequence, UUID transactionId, Kind kind, String expected, String actual) {}

    public enum Kind {
        /**
         * The ledger's transaction at the sealed sequence no longer hashes to the sealed txHash: its
         * content changed, or another transaction (another id, which is hashed) took its place.
         */
        TX_HASH,
        /** The sealed sequence is missing from the ledger ({@code expected}: the sealed txHash). */
        TRANSACTION_MISSING,
        /** The block's entries are not its whole range. */
        ENTRIES,
        /** The stored tx hashes do not give the stored Merkle root. */
        MERKLE_ROOT,
        /** The block does not link to the block before it. */
        PREVIOUS_HASH,
        /** The header fields do not give the stored block hash. */
        BLOCK_HASH,
        /**
         * Another history the block committed to (named in {@code expected} with its sequence and
         * hash) no longer recomputes to that hash: an entry at or before that sequence changed.
         */
        HISTORY
    }
}
