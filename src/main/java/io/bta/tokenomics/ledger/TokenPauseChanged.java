package io.bta.tokenomics.ledger;

import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.PublicEvent;
import java.time.Instant;
import java.util.List;

/** A token was paused ({@code ledger.token.paused}) or unpaused ({@code ledger.token.unpaused}). */
public sealed interface TokenPauseChanged extends PublicEvent {

    String PAUSED = "ledger.token.paused";
    String UNPAUSED = "ledger.token.unpaused";

    TokenId tokenId();

    Instant at();

    @Override
    default Instant occurredAt() {
        return at();
    }

    @Override
    default List<String> orderingKeys() {
        return List.of("token:" + tokenId());
    }

    /** Everyone's concern: it reaches endpoints that subscribe to it, on nobody's own stream. */
    @Override
    default List<EntityId> parties() {
        return List.of();
    }

    @Override
    default String sourceKey() {
        return eventType() + ":" + tokenId() + ":" + at().getEpochSecond() + "." + at().getNano();
    }

    record Paused(TokenId tokenId, String symbol, String reason, EntityId actor, Instant at)
            implements TokenPauseChanged {
        @Override
        public String eventType() {
            return PAUSED;
        }
    }

    record Unpaused(TokenId tokenId, String symbol, EntityId actor, Instant at) implements TokenPauseChanged {
        @Override
        public String eventType() {
            return UNPAUSED;
        }
    }
}
