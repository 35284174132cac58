package io.bta.tokenomics.nft;

import io.bta.tokenomics.audit.SealedHistory;
import io.bta.tokenomics.nft.internal.NftStore;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Offers the NFT history (mints, transfers, burns, hash-linked) to the audit chain as the history
 * {@code nft}: each audit block commits to its head, so a rewrite of a token's past after a block
 * was sealed breaks that block (and, once anchored, its hash on chain), as a rewritten ledger
 * transaction does.
 */
@Component
class NftHistorySeal implements SealedHistory {

    static final String NAME = "nft";

    private static final String EMPTY = "0".repeat(64);
    private static final int PAGE = 1000;

    private final NftStore store;

    NftHistorySeal(NftStore store) {
        this.store = store;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Head head() {
        var head = store.head();
        return new Head(head.lastSequence(), HexFormat.of().parseHex(head.lastHash()));
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, byte[]> recomputedHashes(Collection<Long> sequences) {
        var wanted = new TreeSet<>(sequences);
        var result = new HashMap<Long, byte[]>();
        if (wanted.isEmpty()) {
            return result;
        }
        if (wanted.contains(0L)) {
            result.put(0L, HexFormat.of().parseHex(EMPTY));
        }
        var previous = EMPTY;
        long after = 0;
        long last = wanted.last();
        while (after < last) {
            var rows = store.history(after, PAGE);
            if (rows.isEmpty()) {
                return result;
            }
            for (var row : rows) {
                if (row.sequence() != after + 1
                        || !row.previousHash().equals(previous)
                        || !row.hash().equals(Nfts.hash(previous, row))) {
                    return result; // the chain breaks here: nothing at or after this row is vouched for
                }
                previous = row.hash();
                after = row.sequence();
                if (wanted.contains(after)) {
                    result.put(after, HexFormat.of().parseHex(previous));
                }
            }
        }
        return result;
    }
}
