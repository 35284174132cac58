package io.bta.tokenomics.analytics;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/** The width of a series bucket; buckets start at whole multiples of it since the epoch (UTC). */
public enum BucketSize {
    FIVE_MINUTES("5m", Duration.ofMinutes(5)),
    ONE_HOUR("1h", Duration.ofHours(1)),
    ONE_DAY("1d", Duration.ofDays(1));

    private final String key;
    private final Duration width;

    BucketSize(String key, Duration width) {
        this.key = key;
        this.width = width;
    }

    /** The name used in the API ({@code 5m}, {@code 1h}, {@code 1d}), in JSON too. */
    @JsonValue
    public String key() {
        return key;
    }

    public Duration width() {
        return width;
    }

    public static Optional<BucketSize> ofKey(String key) {
        return Arrays.stream(values()).filter(b -> b.key.equals(key)).findFirst();
    }

    public static String keys() {
        return String.join(", ", Arrays.stream(values()).map(BucketSize::key).toList());
    }
}
