package io.bta.tokenomics.nft;

import java.time.Instant;
import java.util.UUID;

/**
 * A badge rule: when an entity's count of {@code trigger} events first reaches {@code threshold},
 * it gets a token of the collection with this metadata, once.
 */
public record BadgeRule(
        UUID id,
        CollectionId collectionId,
        String name,
        BadgeTrigger trigger,
        int threshold,
        NftMetadata metadata,
        Instant createdAt) {

    public static final int MAX_THRESHOLD = 1_000_000;

    public BadgeRule {
        if (threshold < 1 || threshold > MAX_THRESHOLD) {
            throw new IllegalArgumentException("threshold must be a whole number from 1 to 1000000");
        }
    }
}
