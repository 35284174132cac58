package io.bta.tokenomics.trust;

import io.bta.tokenomics.shared.EntityId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** An entity's trust score, 0 to 100 with at most 6 decimals; {@code updatedAt} is null for the default. */
public record TrustScore(EntityId entityId, BigDecimal score, Instant updatedAt) {

    public static final BigDecimal MIN = BigDecimal.ZERO;
    public static final BigDecimal MAX = BigDecimal.valueOf(100);
    public static final int MAX_DECIMALS = 6;

    public TrustScore {
        Objects.requireNonNull(entityId, "entityId");
        requireValid(score);
        score = io.bta.tokenomics.shared.Decimals.plain(score);
    }

    public static void requireValid(BigDecimal score) {
        if (score == null) {
            throw new IllegalArgumentException("score is required");
        }
        if (score.compareTo(MIN) < 0 || score.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("score must be between 0 and 100");
        }
        if (score.stripTrailingZeros().scale() > MAX_DECIMALS) {
            throw new IllegalArgumentException("score has more than " + MAX_DECIMALS + " decimal places");
        }
    }
}
