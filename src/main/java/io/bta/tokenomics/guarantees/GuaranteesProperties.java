package io.bta.tokenomics.guarantees;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tokenomics.guarantees.*}: how often the expiry job looks for allocations past their
 * {@code expiresAt} ({@code expiry-interval-ms}) and how many it reads per chunk
 * ({@code expiry-chunk-size}).
 */
@ConfigurationProperties("tokenomics.guarantees")
public record GuaranteesProperties(
        @DefaultValue("60000") long expiryIntervalMs, @DefaultValue("500") int expiryChunkSize) {

    public GuaranteesProperties {
        if (expiryIntervalMs < 1000) {
            throw new IllegalArgumentException("tokenomics.guarantees.expiry-interval-ms must be at least 1000");
        }
        if (expiryChunkSize < 1 || expiryChunkSize > 10_000) {
            throw new IllegalArgumentException("tokenomics.guarantees.expiry-chunk-size must be between 1 and 10000");
        }
    }
}
