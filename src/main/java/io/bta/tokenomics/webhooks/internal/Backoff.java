package io.bta.tokenomics.webhooks.internal;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter: after the n-th failed attempt the next one waits
 * {@code min(initial × multiplier^(n−1), max)}, moved by a uniformly random amount within ±
 * {@code jitterPercent} of it, so that many deliveries failing together do not retry together.
 * The random source is given, so a test can fix it.
 */
public final class Backoff {

    private final Duration initial;
    private final int multiplier;
    private final Duration max;
    private final int jitterPercent;
    private final RandomGenerator random;

    public Backoff(Duration initial, int multiplier, Duration max, int jitterPercent, RandomGenerator random) {
        if (initial.isNegative() || initial.isZero() || multiplier < 1 || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max and a multiplier of at least 1");
        }
        if (jitterPercent < 0 || jitterPercent > 100) {
            throw new IllegalArgumentException("jitter must be 0 to 100 percent");
        }
        this.initial = initial;
        this.multiplier = multiplier;
        this.max = max;
        this.jitterPercent = jitterPercent;
        this.random = random;
    }

    /** The delay before the nominal (unjittered) next attempt after {@code failedAttempts} failures. */
    public Duration nominalDelay(int failedAttempts) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("after at least one failed attempt");
        }
        var delay = initial;
        for (int i = 1; i < failedAttempts && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(multiplier);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }

    /** The delay before the next attempt, with its jitter (synchronized: generators are not thread-safe). */
    public synchronized Duration delay(int failedAttempts) {
        var nominal = nominalDelay(failedAttempts).toMillis();
        long spread = nominal * jitterPercent / 100;
        long offset = spread == 0 ? 0 : random.nextLong(-spread, spread + 1);
        return Duration.ofMillis(Math.max(0, nominal + offset));
    }
}
