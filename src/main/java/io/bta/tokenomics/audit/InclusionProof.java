package io.bta.tokenomics.audit;

import io.bta.tokenomics.ledger.LedgerTransaction;
import java.time.Instant;
import java.util.List;

/**
 * Everything needed to check offline that a transaction is in the audit chain: its fields, its
 * {@code txHash} (as sealed), its leaf index and the sibling path up to the block's Merkle root, the
 * block header and hash, and the first confirmed anchor at or above the block, if any.
 */
public record InclusionProof(
        LedgerTransaction transaction,
        String txHash,
        int leafIndex,
        List<Step> path,
        AuditBlock block,
        ChainAnchor anchor) {

    public enum Side {
        LEFT,
        RIGHT
    }

    /** A sibling on the way up: {@code LEFT} means hash(0x01 ‖ sibling ‖ current). */
    public record Step(Side side, String hash) {}

    /**
     * A confirmed anchor of block {@code blockHeight} (this block or a later one, whose hash commits
     * to this one through the previous-hash links).
     */
    public record ChainAnchor(
            long blockHeight, String blockHash, String chainTxHash, long chainBlockNumber, Instant anchoredAt) {}
}
