package io.bta.tokenomics.airdrops;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tokenomics.airdrops.group-commit.*}: how concurrent claims are grouped into one database
 * transaction (every claim of a campaign pays out of the same escrow balance, so claims serialize
 * on its row; grouped, many share one commit).
 *
 * @param enabled off: every claim runs in a transaction of its own
 * @param maxBatch the most claims one transaction applies
 * @param maxWait how long the writer waits for more claims once it has one
 * @param queueCapacity the most claims waiting; beyond it a request gets 503 {@code AIRDROPS_BUSY}
 * @param answerTimeout how long a caller waits for its batch to commit before it is told the
 *     outcome is unknown (503; the claim's proof then shows whether it was paid)
 */
@ConfigurationProperties("tokenomics.airdrops.group-commit")
public record AirdropsProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("500") int maxBatch,
        @DefaultValue("1ms") Duration maxWait,
        @DefaultValue("10000") int queueCapacity,
        @DefaultValue("30s") Duration answerTimeout) {

    public AirdropsProperties {
        if (maxBatch < 1 || queueCapacity < 1 || maxWait.isNegative() || answerTimeout.isNegative()) {
            throw new IllegalArgumentException("tokenomics.airdrops.group-commit: sizes must be positive");
        }
    }
}
