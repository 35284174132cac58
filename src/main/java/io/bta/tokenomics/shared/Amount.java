package io.bta.tokenomics.shared;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An exact token amount: a fixed-point decimal with {@value #SCALE} fractional digits.
 *
 * <p>The value is always held at scale 18, so two equal amounts are {@code equals} whatever text
 * they were parsed from. Amounts may be negative (a delta), but whatever is stored in the ledger is
 * checked to be non-negative there. The magnitude is bounded by what a {@code numeric(38,18)}
 * column holds, so an amount that passes here can always be stored.
 */
public final class Amount implements Comparable<Amount> {

    public static final int SCALE = 18;

    /** Exclusive bound on the magnitude: 20 integer digits, as in {@code numeric(38,18)}. */
    private static final BigDecimal LIMIT = BigDecimal.TEN.pow(20);

    /** Longest text accepted by {@link #parse}; keeps a hostile exponent or digit string cheap. */
    private static final int MAX_TEXT_LENGTH = 80;

    public static final Amount ZERO = new Amount(BigDecimal.ZERO);

    private final BigDecimal value;

    private Amount(BigDecimal value) {
        var scaled = value.setScale(SCALE, RoundingMode.UNNECESSARY);
        if (scaled.abs().compareTo(LIMIT) >= 0) {
            throw new IllegalArgumentException("amount is too large (at most 20 integer digits)");
        }
        this.value = scaled;
    }

    /**
     * Parses plain decimal text ({@code "12.5"}) or a JSON number's text ({@code "1e3"}). Refuses
     * more than 18 fractional digits, even trailing zeros: a client that sends them has a different
     * unit in mind.
     */
    public static Amount parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("amount is required");
        }
        if (!text.equals(text.strip())) {
            // Strict, like the 18-decimal rule: an amount is exactly its digits, never padded.
            throw new IllegalArgumentException("amount must be a decimal number without spaces, e.g. \"12.5\"");
        }
        var trimmed = text;
        if (trimmed.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException("amount is too long");
        }
        BigDecimal parsed;
        try {
            parsed = NumberText.parseDecimal(trimmed);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("amount must be a decimal number of the digits 0 to 9, e.g. \"12.5\"");
        }
        return of(parsed);
    }

    /** The exact amount of a decimal; refuses more than 18 fractional digits instead of rounding. */
    public static Amount of(BigDecimal value) {
        Objects.requireNonNull(value, "value");
        if (value.scale() > SCALE) {
            throw new IllegalArgumentException("amount has more than " + SCALE + " decimal places");
        }
        if (value.precision() - value.scale() > 21) { // cheap guard before any scaling of 1e999999
            throw new IllegalArgumentException("amount is too large (at most 20 integer digits)");
        }
        return value.signum() == 0 ? ZERO : new Amount(value);
    }

    public static Amount of(String text) {
        return parse(text);
    }

    public static Amount of(long whole) {
        return of(BigDecimal.valueOf(whole));
    }

    /** The amount of {@code units} of the smallest unit (10^-18). */
    public static Amount ofUnits(BigInteger units) {
        return of(new BigDecimal(units, SCALE));
    }

    public BigDecimal toBigDecimal() {
        return value;
    }

    /** The amount as an integer count of the smallest unit. */
    public BigInteger units() {
        return value.unscaledValue();
    }

    public Amount plus(Amount other) {
        return new Amount(value.add(other.value));
    }

    public Amount minus(Amount other) {
        return new Amount(value.subtract(other.value));
    }

    public Amount negate() {
        return new Amount(value.negate());
    }

    /**
     * This amount times an exact factor, rounded down (towards zero) to the smallest unit. Rounding
     * down is the platform's side: a payout never exceeds what the formula gives.
     */
    public Amount timesRoundedDown(BigDecimal factor) {
        return new Amount(value.multiply(factor).setScale(SCALE, RoundingMode.DOWN));
    }

    public boolean isZero() {
        return value.signum() == 0;
    }

    public boolean isPositive() {
        return value.signum() > 0;
    }

    public boolean isNegative() {
        return value.signum() < 0;
    }

    public boolean isGreaterThan(Amount other) {
        return compareTo(other) > 0;
    }

    public boolean isLessThan(Amount other) {
        return compareTo(other) < 0;
    }

    public Amount min(Amount other) {
        return compareTo(other) <= 0 ? this : other;
    }

    @Override
    public int compareTo(Amount other) {
        return value.compareTo(other.value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Amount other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Plain decimal notation without trailing zeros: {@code "1000.5"}, {@code "0"}; never exponents. */
    @Override
    public String toString() {
        return isZero() ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
