package io.bta.tokenomics.staking;

import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.Decimals;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The share of the principal kept by the treasury when a stake leaves before its lock period ends:
 * a fraction from 0 to 1 with at most 6 decimals. A pool without one allows no early exit.
 */
public record EarlyUnstakePenalty(BigDecimal fraction) {

    public static final int MAX_DECIMALS = 6;

    public static final String REQUIRED = "is required";
    public static final String NOT_A_NUMBER = "must be a decimal number such as 0.1";
    public static final String OUT_OF_RANGE = "must be a fraction between 0 and 1 with at most 6 decimals";

    public EarlyUnstakePenalty {
        if (fraction == null) {
            throw new IllegalArgumentException(REQUIRED);
        }
        if (fraction.signum() < 0
                || fraction.compareTo(BigDecimal.ONE) > 0
                || fraction.stripTrailingZeros().scale() > MAX_DECIMALS) {
            throw new IllegalArgumentException(OUT_OF_RANGE);
        }
        fraction = Decimals.plain(fraction);
    }

    public static EarlyUnstakePenalty of(BigDecimal fraction) {
        return new EarlyUnstakePenalty(fraction);
    }

    public static EarlyUnstakePenalty of(String fraction) {
        return new EarlyUnstakePenalty(Terms.decimal(fraction, NOT_A_NUMBER));
    }

    /** The penalty on {@code principal}, rounded up to the smallest unit: in the platform's favour. */
    public Amount on(Amount principal) {
        return Amount.of(principal.toBigDecimal().multiply(fraction).setScale(Amount.SCALE, RoundingMode.UP));
    }

    @Override
    public String toString() {
        return fraction.toPlainString();
    }
}
