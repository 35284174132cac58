package io.bta.tokenomics.audit;

import java.time.Instant;
import java.util.List;

/**
 * A sealed block: the transactions with sequences {@code firstSequence..lastSequence}, their Merkle
 * root, and the hash that links it to the block before. Hashes are lowercase hex. From header
 * version 2 the block hash also commits to the heads of the service's other hash-linked histories
 * ({@code histories}, in name order; null in version 1).
 */
public record AuditBlock(
        long height,
        long firstSequence,
        long lastSequence,
        int txCount,
        String merkleRoot,
        String previousHash,
        String blockHash,
        Instant sealedAt,
        int headerVersion,
        List<HistoryHead> histories,
        Anchor anchor) {}
