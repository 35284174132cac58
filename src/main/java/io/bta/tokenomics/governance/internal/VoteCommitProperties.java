package io.bta.tokenomics.governance.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tokenomics.governance.vote-commit.*}: how concurrent votes are grouped into one database
 * transaction (see {@link VoteCommitter}).
 *
 * @param enabled off: every vote runs in a transaction of its own
 * @param maxBatch the most votes one transaction records
 * @param maxWait how long the committer waits for more votes once it has one
 * @param queueCapacity the most votes waiting; beyond it a vote gets 503 with Retry-After
 * @param answerTimeout how long a voter waits for its batch to commit before it is told the outcome
 *     is unknown (503; reading its vote afterwards tells)
 */
@ConfigurationProperties("tokenomics.governance.vote-commit")
public record VoteCommitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("500") int maxBatch,
        @DefaultValue("1ms") Duration maxWait,
        @DefaultValue("20000") int queueCapacity,
        @DefaultValue("30s") Duration answerTimeout) {

    public VoteCommitProperties {
        if (maxBatch < 1 || queueCapacity < 1 || maxWait.isNegative() || answerTimeout.isNegative()) {
            throw new IllegalArgumentException("tokenomics.governance.vote-commit: sizes must be positive");
        }
    }
}
