package io.bta.tokenomics.audit;

import java.time.Instant;

/**
 * Where a block stands on the chain. {@code ANCHORED}: the chain transaction is in chain block
 * {@code chainBlockNumber}; {@code SENT}: sent, not yet seen in a block; {@code PENDING}: due or
 * waiting for a retry; {@code NONE}: not anchored (no chain configured, or not an anchored height).
 */
public record Anchor(
        Status status,
        String chainTxHash,
        Long chainBlockNumber,
        Instant anchoredAt,
        int attempts,
        Instant nextAttemptAt,
        String lastError) {

    public enum Status {
        NONE,
        PENDING,
        SENT,
        ANCHORED
    }
}
