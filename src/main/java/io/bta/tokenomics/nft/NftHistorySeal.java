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

    private final NftStore store;
    private final Nfts nfts;

    NftHistorySeal(NftStore store, Nfts nfts) {
        this.store = store;
        this.nfts = nfts;
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
        nfts.walkHistory(wanted.last(), (sequence, hash) -> {
            if (wanted.contains(sequence)) {
                result.put(sequence, HexFormat.of().parseHex(hash));
            }
        }); // a break leaves the rows at and after it out: nothing there is vouched for
        return result;
    }
}
