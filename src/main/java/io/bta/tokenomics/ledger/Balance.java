package io.bta.tokenomics.ledger;

import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;

/** An entity's holding of one token: what it can spend ({@code available}) and what is held ({@code locked}). */
public record Balance(EntityId entityId, TokenId tokenId, String symbol, Amount available, Amount locked) {

    public Amount total() {
        return available.plus(locked);
    }
}
