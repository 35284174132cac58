package io.bta.tokenomics.ledger;

import java.time.Instant;

/** Optional filters of a history listing; {@code from} is inclusive, {@code to} exclusive. */
public record HistoryFilter(TokenId tokenId, TransactionType type, Instant from, Instant to) {

    public static final HistoryFilter NONE = new HistoryFilter(null, null, null, null);
}
