package io.bta.tokenomics.ledger;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;

/** An entity's holding of one token: what it can spend ({@code available}) and what is held ({@code locked}). */
public record Balance(EntityId entityId, TokenId tokenId, String symbol, Amount available, Amount locked) {

    @JsonProperty("total")
    public Amount total() {
        return available.plus(locked);
    }
}
