package io.bta.tokenomics.auctions;

import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import java.math.BigDecimal;

/** The bond an entity would lock to join an auction now. */
public record BondQuote(String auctionId, EntityId entityId, BigDecimal trustScore, Amount bond) {}
