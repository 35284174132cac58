package io.bta.tokenomics.governance;

import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tokenomics.governance.*}: the defaults of the governance settings. An executed proposal
 * may change each of them ({@code SET_PARAMETER governance.<name>}); the changed value is stored
 * and wins over the default. A proposal keeps the timeline and quorum it was created with.
 */
@ConfigurationProperties("tokenomics.governance")
public record GovernanceProperties(
        @DefaultValue("1d") Duration votingDelay,
        @DefaultValue("7d") Duration votingPeriod,
        @DefaultValue("2d") Duration timelockDelay,
        @DefaultValue("14d") Duration gracePeriod,
        @DefaultValue("100000") BigDecimal proposalThreshold,
        @DefaultValue("0.04") BigDecimal quorumFraction,
        @DefaultValue("10") int maxActions) {}
