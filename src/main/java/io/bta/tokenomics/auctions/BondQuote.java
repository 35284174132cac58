package io.bta.tokenomics.auctions;

import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.web.PlainDecimalText;
import java.math.BigDecimal;
import tools.jackson.databind.annotation.JsonSerialize;

/** The bond an entity would lock to join an auction now; in JSON the trust score is a decimal string. */
public record BondQuote(
        AuctionId auctionId,
        EntityId entityId,
        @JsonSerialize(using = PlainDecimalText.class) BigDecimal trustScore,
        Amount bond) {}
