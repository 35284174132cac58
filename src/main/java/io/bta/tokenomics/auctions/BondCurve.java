package io.bta.tokenomics.auctions;

import io.bta.tokenomics.shared.Amount;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The bond a bidder locks to join an auction: {@code baseBond × f(trust)}, with f linear from
 * {@code atZeroTrust} at a trust score of 0 to {@code atFullTrust} at 100. Rounded up to the
 * smallest unit, the platform's side: a bond never falls short of the formula.
 *
 * <p>Each factor is above 0 (a zero factor would quote a bond of zero, and the ledger locks no zero
 * amounts) and at most 10, with at most 6 decimals.
 */
public record BondCurve(BigDecimal atZeroTrust, BigDecimal atFullTrust) {

    static final String FACTOR_RULE = "must be above 0 and at most 10, with at most 6 decimals";

    private static final BigDecimal MAX_FACTOR = BigDecimal.TEN;
    private static final BigDecimal FULL_TRUST = BigDecimal.valueOf(100);

    public BondCurve {
        check("atZeroTrust", atZeroTrust);
        check("atFullTrust", atFullTrust);
    }

    private static void check(String name, BigDecimal factor) {
        if (factor == null
                || factor.signum() <= 0
                || factor.compareTo(MAX_FACTOR) > 0
                || factor.stripTrailingZeros().scale() > 6) {
            throw new IllegalArgumentException(name + " " + FACTOR_RULE);
        }
    }

    /** The factor for a trust score from 0 to 100 (exact: the score has at most 6 decimals). */
    public BigDecimal factor(BigDecimal trustScore) {
        if (trustScore.signum() < 0 || trustScore.compareTo(FULL_TRUST) > 0) {
            throw new IllegalArgumentException("a trust score is between 0 and 100, got " + trustScore.toPlainString());
        }
        return atZeroTrust.add(atFullTrust.subtract(atZeroTrust).multiply(trustScore.divide(FULL_TRUST)));
    }

    /** The bond for {@code baseBond} at {@code trustScore}, rounded up to the smallest unit. */
    public Amount bondFor(Amount baseBond, BigDecimal trustScore) {
        return Amount.of(baseBond.toBigDecimal().multiply(factor(trustScore)).setScale(Amount.SCALE, RoundingMode.UP));
    }
}
