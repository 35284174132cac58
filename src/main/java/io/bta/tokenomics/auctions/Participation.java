package io.bta.tokenomics.auctions;

import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import java.math.BigDecimal;
import java.time.Instant;

/** A bidder in an auction: its bond, the trust score it was computed from, and what the settlement charged. */
public record Participation(
        String auctionId,
        EntityId bidderId,
        Amount bond,
        BigDecimal trustScore,
        ParticipationStatus status,
        Amount charged,
        Instant joinedAt,
        Instant settledAt) {}
