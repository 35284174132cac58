package io.bta.tokenomics.auctions;

import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.PublicEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Events of auctions, published in the transaction that makes the change. */
public final class AuctionEvents {

    private AuctionEvents() {}

    /** What every auction event shares as a public event: its auction orders its messages. */
    public sealed interface AuctionEvent extends PublicEvent permits AuctionJoined, AuctionSettled {

        AuctionId auctionId();

        @Override
        default List<String> orderingKeys() {
            return List.of("auction:" + auctionId());
        }
    }

    public record AuctionJoined(
            AuctionId auctionId, EntityId bidderId, Amount bond, BigDecimal trustScore, Instant joinedAt)
            implements AuctionEvent {

        public static final String TYPE = "auctions.auction.joined";

        @Override
        public String eventType() {
            return TYPE;
        }

        @Override
        public Instant occurredAt() {
            return joinedAt;
        }

        @Override
        public List<EntityId> parties() {
            return PublicEvent.entities(bidderId);
        }

        @Override
        public String sourceKey() {
            return TYPE + ":" + auctionId + ":" + bidderId;
        }
    }

    /** The outcome for every bidder; {@code toTreasury} is the sum of fees and forfeited bonds. */
    public record AuctionSettled(
            AuctionId auctionId, EntityId winnerId, List<Outcome> outcomes, Amount toTreasury, Instant settledAt)
            implements AuctionEvent {

        public static final String TYPE = "auctions.auction.settled";

        @Override
        public String eventType() {
            return TYPE;
        }

        @Override
        public Instant occurredAt() {
            return settledAt;
        }

        /** Every bidder. */
        @Override
        public List<EntityId> parties() {
            return PublicEvent.entities(outcomes.stream().map(Outcome::bidderId).toArray(EntityId[]::new));
        }

        @Override
        public String sourceKey() {
            return TYPE + ":" + auctionId;
        }
    }

    public record Outcome(EntityId bidderId, ParticipationStatus status, Amount bond, Amount charged) {}
}
