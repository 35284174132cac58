package io.bta.tokenomics.auctions;

import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Events of auctions, published in the transaction that makes the change. */
public final class AuctionEvents {

    private AuctionEvents() {}

    public record AuctionJoined(
            String auctionId, EntityId bidderId, Amount bond, BigDecimal trustScore, Instant joinedAt) {}

    /** The outcome for every bidder; {@code toTreasury} is the sum of fees and forfeited bonds. */
    public record AuctionSettled(
            String auctionId, EntityId winnerId, List<Outcome> outcomes, Amount toTreasury, Instant settledAt) {}

    public record Outcome(EntityId bidderId, ParticipationStatus status, Amount bond, Amount charged) {}
}
