package io.bta.tokenomics.trust;

import io.bta.tokenomics.shared.EntityId;
import java.math.BigDecimal;
import java.time.Instant;

/** Published when an entity's trust score is set; {@code previous} is null for a first score. */
public record TrustScoreChanged(
        EntityId entityId, BigDecimal previous, BigDecimal score, EntityId changedBy, Instant changedAt) {}
