package io.bta.tokenomics.trust;

import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.PublicEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Published when an entity's trust score is set; {@code previous} is null for a first score. */
public record TrustScoreChanged(
        EntityId entityId, BigDecimal previous, BigDecimal score, EntityId changedBy, Instant changedAt)
        implements PublicEvent {

    public static final String TYPE = "trust.score.changed";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public Instant occurredAt() {
        return changedAt;
    }

    @Override
    public List<String> orderingKeys() {
        return List.of("trust:" + entityId.value());
    }

    @Override
    public List<EntityId> parties() {
        return PublicEvent.entities(entityId);
    }

    @Override
    public String sourceKey() {
        return TYPE + ":" + entityId + ":" + changedAt + ":" + score.toPlainString();
    }
}
