package io.bta.tokenomics.ledger;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tokenomics.ledger.group-commit.*}: how concurrent ledger operations are grouped into one
 * database transaction.
 *
 * @param enabled off: every operation runs in a transaction of its own (the naive design)
 * @param maxBatch the most operations one transaction applies
 * @param maxWait how long the writer waits for more operations once it has one, when fewer than
 *     {@code maxBatch} are queued (zero: it takes what is queued, which under load is what arrived
 *     while the previous batch committed)
 * @param queueCapacity the most operations waiting; beyond it a request gets 503 with Retry-After
 * @param answerTimeout how long a caller waits for its batch to commit before it is told the outcome
 *     is unknown (503; a retry with the same Idempotency-Key then gets the real answer)
 */
@ConfigurationProperties("tokenomics.ledger.group-commit")
public record GroupCommitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1000") int maxBatch,
        @DefaultValue("1ms") Duration maxWait,
        @DefaultValue("20000") int queueCapacity,
        @DefaultValue("30s") Duration answerTimeout) {

    public GroupCommitProperties {
        if (maxBatch < 1 || queueCapacity < 1 || maxWait.isNegative() || answerTimeout.isNegative()) {
            throw new IllegalArgumentException("tokenomics.ledger.group-commit: sizes must be positive");
        }
    }
}
