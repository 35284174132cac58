package io.bta.tokenomics.nft;

import java.util.Objects;
import java.util.UUID;

/** The id of an NFT collection (a UUID), written as the UUID's text. */
public record CollectionId(UUID value) {

    public CollectionId {
        Objects.requireNonNull(value, "collection id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
