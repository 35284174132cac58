package io.bta.tokenomics.auctions;

import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import java.time.Instant;

/**
 * An auction's terms and state. {@code registered} is false for an auction that the auction
 * service never registered: it has the default base bond and no fee. {@code participationFee},
 * {@code closesAt}, {@code winnerId}, {@code createdAt} and {@code settledAt} may be null. The JSON API answers it as it is.
 */
public record Auction(
        AuctionId auctionId,
        Amount baseBond,
        Amount participationFee,
        Instant closesAt,
        boolean registered,
        AuctionStatus status,
        EntityId winnerId,
        int participantCount,
        Instant createdAt,
        Instant settledAt) {}
