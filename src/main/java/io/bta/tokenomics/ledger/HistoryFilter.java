package io.bta.tokenomics.ledger;

import io.bta.tokenomics.shared.TimeRange;

/** Optional filters of a history listing: a token, a type, and the time the transactions were made in. */
public record HistoryFilter(TokenId tokenId, TransactionType type, TimeRange period) {

    public static final HistoryFilter NONE = new HistoryFilter(null, null, TimeRange.ALL);

    public HistoryFilter {
        period = period == null ? TimeRange.ALL : period;
    }
}
