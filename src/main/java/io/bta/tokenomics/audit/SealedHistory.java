package io.bta.tokenomics.audit;

import java.util.Collection;
import java.util.Map;

/**
 * A hash-linked history kept by another module (each entry's hash covers the one before), whose
 * head every audit block commits to: a rewrite of that history after a block was sealed then
 * breaks the block, and an anchored block pins it on chain, as it does the ledger's transactions.
 * A module offers its history by declaring a bean of this type.
 */
public interface SealedHistory {

    /** The history's name in blocks: 1 to 32 of a-z, 0-9 and -, unique. */
    String name();

    /** The head now, as committed: the last entry's sequence (0 when empty) and its 32-byte hash. */
    Head head();

    /**
     * Recomputes the chain from its first entry and answers the hash at each of {@code sequences}
     * as it is recomputed now (sequence 0 is the empty history's 32 zero bytes); a sequence the
     * history no longer reaches, or reached only through a row that no longer links, is left out.
     */
    Map<Long, byte[]> recomputedHashes(Collection<Long> sequences);

    /** A history's head: its last sequence and hash. */
    record Head(long sequence, byte[] hash) {

        public Head {
            if (sequence < 0 || hash == null || hash.length != 32) {
                throw new IllegalArgumentException("a head is a sequence ≥ 0 and a 32-byte hash");
            }
        }
    }
}
