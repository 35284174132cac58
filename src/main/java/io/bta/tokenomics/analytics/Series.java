package io.bta.tokenomics.analytics;

import io.bta.tokenomics.ledger.TokenId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A metric of one token in buckets from {@code from} (inclusive) to {@code to} (exclusive), both
 * whole bucket boundaries. Every bucket is present; one without snapshots has a null value.
 */
public record Series(
        TokenId tokenId,
        String symbol,
        Metric metric,
        BucketSize interval,
        Instant from,
        Instant to,
        List<Point> points) {

    public Series {
        points = List.copyOf(points);
    }

    /** A bucket: the last snapshot's value for a stock, the sum of the snapshots' values for a flow. */
    public record Point(Instant start, BigDecimal value, int snapshots) {}
}
