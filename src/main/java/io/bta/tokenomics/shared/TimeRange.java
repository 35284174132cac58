package io.bta.tokenomics.shared;

import java.time.Instant;

/**
 * A span of time {@code [from, to)}: {@code from} inclusive, {@code to} exclusive, either end open
 * when null. A range whose {@code from} is not before its {@code to} holds no instant, and a query
 * for it is a mistake rather than a question with an empty answer: it is refused when it is built,
 * so the ledger's history and the analytics series refuse it alike.
 */
public record TimeRange(Instant from, Instant to) {

    /** Every instant. */
    public static final TimeRange ALL = new TimeRange(null, null);

    public TimeRange {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("must be before to");
        }
    }
}
