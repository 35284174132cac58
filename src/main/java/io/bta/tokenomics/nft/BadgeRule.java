package io.bta.tokenomics.nft;

import java.time.Instant;
import java.util.UUID;

/**
 * A badge rule: when an entity's count of {@code trigger} events first reaches {@code threshold},
 * it gets a token of the collection with this metadata, once. For {@link
 * BadgeTrigger#STAKE_HELD_DAYS} the threshold is a number of days a stake was held.
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

    /** The longest a STAKE_HELD_DAYS rule may ask for: a hundred years, in days. */
    public static final int MAX_DAYS_HELD = 36_500;

    public BadgeRule {
        if (threshold < 1 || threshold > MAX_THRESHOLD) {
            throw new IllegalArgumentException("threshold must be a whole number from 1 to 1000000");
        }
        if (trigger == BadgeTrigger.STAKE_HELD_DAYS && threshold > MAX_DAYS_HELD) {
            throw new IllegalArgumentException("a STAKE_HELD_DAYS threshold is at most 36500 days");
        }
    }
}
