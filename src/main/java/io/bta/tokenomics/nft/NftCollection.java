package io.bta.tokenomics.nft;

import java.time.Instant;

/**
 * A collection: its symbol (2–20 of A–Z, 0–9 and -, unique), name, whether its tokens are
 * soulbound (never transferred), its optional maximum supply, and how many were minted and burned.
 */
public record NftCollection(
        CollectionId id,
        String symbol,
        String name,
        boolean soulbound,
        Long maxSupply,
        long minted,
        long burned,
        Instant createdAt) {

    public static final String SYMBOL_RULE = "2 to 20 of A-Z, 0-9 and -";

    public static boolean validSymbol(String symbol) {
        return symbol != null && symbol.matches("[A-Z0-9-]{2,20}");
    }
}
