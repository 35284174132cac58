package io.bta.tokenomics.farms;

import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.PublicEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the farms publish, in the transaction that made it true; webhooks forward them. */
public final class FarmEvents {

    private FarmEvents() {}

    /** A deposit, withdrawal, emergency withdrawal or harvest of one position. */
    public record PositionChanged(
            UUID changeId,
            FarmId farmId,
            EntityId entityId,
            Kind kind,
            Amount amount,
            Amount staked,
            Amount workingAmount,
            BigDecimal trustScore,
            Instant at)
            implements PublicEvent {

        public enum Kind {
            DEPOSIT,
            WITHDRAW,
            EMERGENCY_WITHDRAW,
            HARVEST,
            KICK
        }

        public static final String TYPE = "farms.position.changed";

        @Override
        public String eventType() {
            return TYPE;
        }

        @Override
        public Instant occurredAt() {
            return at;
        }

        @Override
        public List<String> orderingKeys() {
            return List.of("farm:" + farmId + ":" + entityId);
        }

        @Override
        public List<EntityId> parties() {
            return PublicEvent.entities(entityId);
        }

        @Override
        public String sourceKey() {
            return TYPE + ":" + changeId;
        }
    }
}
