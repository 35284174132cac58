package io.bta.tokenomics.farms;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tokenomics.farms.*}: the program's emission until governance changes it, and the trust
 * boost.
 *
 * @param rewardPerSecond BTA-REWARD per second for all farms together, as a decimal (default 1):
 *     the program starts with it, so a farm created with no other setting pays from its first second
 * @param boostFloorTrust the trust score up to which the boost is 1.0× (default 50)
 * @param maxBoostBps the boost at trust 100, in basis points of 1.0× (default 25,000: 2.5×)
 */
@ConfigurationProperties("tokenomics.farms")
public record FarmsProperties(
        @DefaultValue("1") String rewardPerSecond,
        @DefaultValue("50") int boostFloorTrust,
        @DefaultValue("25000") int maxBoostBps) {

    public TrustBoost boost() {
        return new TrustBoost(boostFloorTrust, maxBoostBps);
    }
}
