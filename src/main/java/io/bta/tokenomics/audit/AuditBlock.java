package io.bta.tokenomics.audit;

import java.time.Instant;

/**
 * A sealed block: the transactions with sequences {@code firstSequence..lastSequence}, their Merkle
 * root, and the hash that links it to the block before. Hashes are lowercase hex.
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
        Anchor anchor) {}
