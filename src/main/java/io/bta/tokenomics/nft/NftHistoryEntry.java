package io.bta.tokenomics.nft;

import io.bta.tokenomics.shared.EntityId;
import java.time.Instant;

/**
 * One row of the NFT history: a mint (no {@code from}), a transfer, or a burn (no {@code to}).
 * {@code hash} is SHA-256 of the previous row's hash and this row's canonical text
 * ({@link #canonical()}), so the rows form a chain that any edit breaks.
 */
public record NftHistoryEntry(
        long sequence,
        String kind,
        CollectionId collectionId,
        long tokenNumber,
        EntityId from,
        EntityId to,
        EntityId actor,
        Instant at,
        String previousHash,
        String hash) {

    /** The text the hash covers: every field but the hashes, separated by '|', times in microseconds. */
    public String canonical() {
        return sequence + "|" + kind + "|" + collectionId + "|" + tokenNumber + "|" + (from == null ? "" : from.value())
                + "|" + (to == null ? "" : to.value()) + "|" + actor.value() + "|"
                + (at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000);
    }
}
