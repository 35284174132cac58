package io.bta.tokenomics.amm;

import com.fasterxml.jackson.annotation.JsonValue;
import io.bta.tokenomics.shared.Amount;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A pool's activity and value over time, in buckets of {@code interval} starting at whole
 * multiples of it since the epoch (UTC), as the analytics series are: per bucket the swaps, the
 * volume in and fees kept of each token (flows: the sum over the bucket), and the reserves and
 * value locked at the bucket's end (stocks: the last value; the reserves before the pool's first
 * liquidity are zero).
 */
public record PoolSeries(PoolId poolId, Interval interval, Instant from, Instant to, List<Point> points) {

    /** The most buckets one answer holds. */
    public static final int MAX_BUCKETS = 1000;

    public record Point(
            Instant start,
            long swaps,
            Amount volumeA,
            Amount volumeB,
            Amount feesA,
            Amount feesB,
            Amount reserveA,
            Amount reserveB,
            Amount tvlInA,
            Amount tvlInB) {}

    /** A bucket's width. */
    public enum Interval {
        FIVE_MINUTES("5m", Duration.ofMinutes(5)),
        ONE_HOUR("1h", Duration.ofHours(1)),
        ONE_DAY("1d", Duration.ofDays(1));

        private final String key;
        private final Duration width;

        Interval(String key, Duration width) {
            this.key = key;
            this.width = width;
        }

        @JsonValue
        public String key() {
            return key;
        }

        public Duration width() {
            return width;
        }

        /** The start of the bucket {@code at} falls in. */
        public Instant floor(Instant at) {
            long seconds = width.toSeconds();
            return Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), seconds) * seconds);
        }

        public static Optional<Interval> ofKey(String key) {
            return Arrays.stream(values()).filter(i -> i.key.equals(key)).findFirst();
        }

        public static String keys() {
            return String.join(", ", Arrays.stream(values()).map(Interval::key).toList());
        }
    }
}
