package io.bta.tokenomics.rewards;

import io.bta.tokenomics.shared.Amount;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The emission rule of BTA-REWARD (ADR 0009), as pure functions. Time is cut into epochs of {@code
 * epochLength} from the token's creation ({@code origin}): epoch {@code n} covers {@code [origin + n
 * × length, origin + (n + 1) × length)}, and an instant before the origin counts as epoch 0. An
 * epoch's budget is fixed when it opens: {@code max(inflationRate × supply then, bootstrap)}, the
 * product rounded down to the smallest unit (the platform's side: never more than the rate allows).
 */
public record EmissionSchedule(Instant origin, Duration epochLength) {

    public EmissionSchedule {
        Objects.requireNonNull(origin, "origin");
        if (epochLength == null || epochLength.isNegative() || epochLength.isZero()) {
            throw new IllegalArgumentException("an epoch must last a positive time");
        }
    }

    /** The number of the epoch {@code instant} falls in. */
    public int epochAt(Instant instant) {
        var elapsed = Duration.between(origin, instant);
        return elapsed.isNegative() ? 0 : Math.toIntExact(elapsed.dividedBy(epochLength));
    }

    /** When epoch {@code epoch} starts. */
    public Instant startOf(int epoch) {
        if (epoch < 0) {
            throw new IllegalArgumentException("epochs are numbered from 0");
        }
        return origin.plus(epochLength.multipliedBy(epoch));
    }

    /** When epoch {@code epoch} ends: the start of the next. */
    public Instant endOf(int epoch) {
        return startOf(epoch).plus(epochLength);
    }

    /** An epoch's budget: the inflation rate's share of the supply at its start, or the bootstrap if more. */
    public static Amount budget(Amount supplyAtStart, BigDecimal inflationRate, Amount bootstrap) {
        if (supplyAtStart.isNegative() || bootstrap.isNegative()) {
            throw new IllegalArgumentException("a supply and a bootstrap emission are never negative");
        }
        if (inflationRate.signum() < 0 || inflationRate.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("an inflation rate is between 0 and 1");
        }
        var byRate = supplyAtStart.timesRoundedDown(inflationRate);
        return byRate.isGreaterThan(bootstrap) ? byRate : bootstrap;
    }

    /** What an epoch can still mint or reserve. */
    public static Amount remaining(Amount budget, Amount minted, Amount reserved) {
        return budget.minus(minted).minus(reserved);
    }
}
