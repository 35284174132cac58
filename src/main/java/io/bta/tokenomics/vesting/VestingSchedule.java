package io.bta.tokenomics.vesting;

import io.bta.tokenomics.shared.Amount;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A grant's release rule, OpenZeppelin's {@code VestingWallet} with {@code VestingWalletCliff}:
 * nothing has vested before {@code start + cliff}; everything at or after {@code start + duration};
 * in between, {@code floor(total × (t − start) / duration)} in base units (10^-18), counted from
 * {@code start}, not from the cliff. Time is counted in microseconds (the service's clock), so at
 * whole seconds this is OpenZeppelin's formula exactly; the floor keeps the remainder in escrow until
 * the end, when the whole total has vested. {@code start} may be in the past (a grant backdated to
 * a hire date).
 *
 * @param cliff 0 up to {@code duration}
 * @param duration more than 0, at most {@value #MAX_YEARS} years
 */
public record VestingSchedule(Amount total, Instant start, Duration cliff, Duration duration) {

    public static final int MAX_YEARS = 100;
    private static final Duration MAX_DURATION = ChronoUnit.DAYS.getDuration().multipliedBy(366L * MAX_YEARS);

    public VestingSchedule {
        if (total == null || !total.isPositive()) {
            throw new IllegalArgumentException("total must be greater than zero");
        }
        if (start == null) {
            throw new IllegalArgumentException("start is required");
        }
        if (duration == null || duration.isNegative() || duration.isZero() || duration.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException("duration must be from 1 second to " + MAX_YEARS + " years");
        }
        if (cliff == null || cliff.isNegative() || cliff.compareTo(duration) > 0) {
            throw new IllegalArgumentException("cliff must be from 0 to the duration");
        }
        if (duration.toNanos() % 1000 != 0 || cliff.toNanos() % 1000 != 0) {
            throw new IllegalArgumentException("durations are whole microseconds");
        }
    }

    /** What has vested at {@code t}. */
    public Amount vestedAt(Instant t) {
        if (t.isBefore(start.plus(cliff))) {
            return Amount.ZERO;
        }
        if (!t.isBefore(start.plus(duration))) {
            return total;
        }
        var elapsed = BigInteger.valueOf(ChronoUnit.MICROS.between(start, t));
        var length = BigInteger.valueOf(duration.toNanos() / 1000);
        return Amount.ofUnits(total.units().multiply(elapsed).divide(length));
    }

    public Instant cliffEndsAt() {
        return start.plus(cliff);
    }

    public Instant endsAt() {
        return start.plus(duration);
    }
}
