package io.bta.tokenomics.analytics;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tokenomics.analytics.*}: how often the scheduled snapshot is due
 * ({@code snapshot-interval}; due times are whole multiples of it since the epoch), the most buckets
 * one series answer may hold ({@code max-buckets}) and the most top holders the overview lists per
 * token ({@code max-top-holders}).
 */
@ConfigurationProperties("tokenomics.analytics")
public record AnalyticsProperties(
        @DefaultValue("5m") Duration snapshotInterval,
        @DefaultValue("1000") int maxBuckets,
        @DefaultValue("100") int maxTopHolders) {

    public AnalyticsProperties {
        if (snapshotInterval.compareTo(Duration.ofSeconds(1)) < 0
                || snapshotInterval.compareTo(Duration.ofDays(1)) > 0
                || Duration.ofDays(1).toMillis() % snapshotInterval.toMillis() != 0) {
            throw new IllegalArgumentException(
                    "tokenomics.analytics.snapshot-interval must be from 1s to 1d and divide a day evenly");
        }
        if (maxBuckets < 1 || maxBuckets > 100_000) {
            throw new IllegalArgumentException("tokenomics.analytics.max-buckets must be between 1 and 100000");
        }
        if (maxTopHolders < 1 || maxTopHolders > 1_000) {
            throw new IllegalArgumentException("tokenomics.analytics.max-top-holders must be between 1 and 1000");
        }
    }
}
