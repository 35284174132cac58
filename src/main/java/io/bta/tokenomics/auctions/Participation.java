package io.bta.tokenomics.auctions;

import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.web.PlainDecimalText;
import java.math.BigDecimal;
import java.time.Instant;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A bidder in an auction: its bond, the trust score it was computed from, and what the settlement
 * charged. The JSON API answers it as it is, the trust score as a decimal string.
 */
public record Participation(
        AuctionId auctionId,
        EntityId bidderId,
        Amount bond,
        @JsonSerialize(using = PlainDecimalText.class) BigDecimal trustScore,
        ParticipationStatus status,
        Amount charged,
        Instant joinedAt,
        Instant settledAt) {}
