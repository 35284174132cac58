package io.bta.tokenomics.governance;

import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tokenomics.governance.*}: the defaults of the governance settings. An executed proposal
 * may change each of them ({@code SET_PARAMETER governance.<name>}); the changed value is stored
 * and wins over the default. A proposal keeps the timeline and quorum it was created with. The
 * periods and the quorum fraction are held to the same rules as a proposed value
 * ({@link ProposalTimeline.Periods}, {@link QuorumFraction}): the service does not start with one
 * out of bounds.
 */
@ConfigurationProperties("tokenomics.governance")
public record GovernanceProperties(
        @DefaultValue("1d") Duration votingDelay,
        @DefaultValue("7d") Duration votingPeriod,
        @DefaultValue("2d") Duration timelockDelay,
        @DefaultValue("14d") Duration gracePeriod,
        @DefaultValue("100000") BigDecimal proposalThreshold,
        @DefaultValue("0.04") QuorumFraction quorumFraction,
        @DefaultValue("10") int maxActions) {

    public GovernanceProperties {
        // built only for its check: a default out of bounds stops the start
        new ProposalTimeline.Periods(votingDelay, votingPeriod, timelockDelay, gracePeriod);
    }
}
