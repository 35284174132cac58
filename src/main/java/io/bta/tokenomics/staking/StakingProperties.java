package io.bta.tokenomics.staking;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tokenomics.staking.*}: how many stakes one distribution transaction pays
 * ({@code distribution-chunk-size}), and when distribution runs by itself
 * ({@code distribution-cron}, a Spring cron expression; "-", the default, means never).
 */
@ConfigurationProperties("tokenomics.staking")
public record StakingProperties(
        @DefaultValue("1000") int distributionChunkSize, @DefaultValue("-") String distributionCron) {

    public StakingProperties {
        if (distributionChunkSize < 1 || distributionChunkSize > 10_000) {
            throw new IllegalArgumentException(
                    "tokenomics.staking.distribution-chunk-size must be between 1 and 10000");
        }
    }
}
