package io.bta.tokenomics.amm;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tokenomics.amm.group-commit.*}: how concurrent swaps are grouped into one database
 * transaction (swaps of one pool serialize on its row; grouped, many share one commit).
 *
 * @param enabled off: every swap runs in a transaction of its own
 * @param maxBatch the most swaps one transaction applies
 * @param maxWait how long the writer waits for more swaps once it has one
 * @param queueCapacity the most swaps waiting; beyond it a request gets 503 {@code AMM_BUSY}
 * @param answerTimeout how long a caller waits for its batch to commit before it is told the
 *     outcome is unknown (503; a retry with the same Idempotency-Key then gets the real answer)
 */
@ConfigurationProperties("tokenomics.amm.group-commit")
public record AmmProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("500") int maxBatch,
        @DefaultValue("1ms") Duration maxWait,
        @DefaultValue("10000") int queueCapacity,
        @DefaultValue("30s") Duration answerTimeout) {

    public AmmProperties {
        if (maxBatch < 1 || queueCapacity < 1 || maxWait.isNegative() || answerTimeout.isNegative()) {
            throw new IllegalArgumentException("tokenomics.amm.group-commit: sizes must be positive");
        }
    }
}
