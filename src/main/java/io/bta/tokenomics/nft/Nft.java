package io.bta.tokenomics.nft;

import io.bta.tokenomics.shared.EntityId;
import java.time.Instant;

/** One token: its collection and number (1, 2, … in mint order), owner (none once burned) and metadata. */
public record Nft(
        CollectionId collectionId,
        String collectionSymbol,
        long tokenNumber,
        EntityId owner,
        NftMetadata metadata,
        boolean soulbound,
        boolean burned,
        Instant mintedAt) {}
