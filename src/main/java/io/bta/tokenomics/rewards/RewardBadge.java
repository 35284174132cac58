package io.bta.tokenomics.rewards;

/**
 * The badge an {@link RewardType#NFT} reward is: a token of an NFT collection, by the collection's
 * symbol and the token's number ({@code GET /api/nft/{collection}/{tokenNumber}}).
 */
public record RewardBadge(String collection, long tokenNumber) {

    public RewardBadge {
        if (collection == null || !collection.matches("[A-Z0-9-]{2,20}")) {
            throw new IllegalArgumentException("a badge's collection is a symbol of 2 to 20 of A-Z, 0-9 and -");
        }
        if (tokenNumber < 1) {
            throw new IllegalArgumentException("a badge's token number is at least 1");
        }
    }
}
