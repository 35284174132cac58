package io.bta.tokenomics.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tokenomics.audit.*}: how often the sealer looks for committed transactions
 * ({@code seal-interval}), how many make a full block ({@code block-size}), and how long the oldest
 * unsealed transaction waits for a block to fill before a partial block is sealed
 * ({@code max-block-age}).
 */
@ConfigurationProperties("tokenomics.audit")
public record AuditProperties(
        @DefaultValue("1s") Duration sealInterval,
        @DefaultValue("1000") int blockSize,
        @DefaultValue("1s") Duration maxBlockAge) {

    public AuditProperties {
        if (sealInterval.isNegative() || sealInterval.isZero()) {
            throw new IllegalArgumentException("tokenomics.audit.seal-interval must be positive");
        }
        if (blockSize < 1 || blockSize > 10_000) {
            throw new IllegalArgumentException("tokenomics.audit.block-size must be between 1 and 10000");
        }
        if (maxBlockAge.isNegative()) {
            throw new IllegalArgumentException("tokenomics.audit.max-block-age must not be negative");
        }
    }
}
