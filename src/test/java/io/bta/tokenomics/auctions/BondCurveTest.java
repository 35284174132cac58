package io.bta.tokenomics.auctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bta.tokenomics.shared.Amount;
import java.math.BigDecimal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The bond rule alone: no Spring, no database. */
class BondCurveTest {

    private static final BondCurve DEFAULT = new BondCurve(new BigDecimal("1.0"), new BigDecimal("0.5"));
    private static final BigDecimal UNIT = new BigDecimal("0.000000000000000001");

    @Test
    void theFactorIsLinearBetweenItsEnds() {
        assertThat(DEFAULT.bondFor(Amount.of(1000), BigDecimal.ZERO)).isEqualTo(Amount.of(1000));
        assertThat(DEFAULT.bondFor(Amount.of(1000), new BigDecimal("50"))).isEqualTo(Amount.of(750));
        assertThat(DEFAULT.bondFor(Amount.of(1000), new BigDecimal("100"))).isEqualTo(Amount.of(500));
    }

    @Test
    void theBondIsRoundedUpToTheSmallestUnit() {
        assertThat(DEFAULT.bondFor(Amount.of("0.000000000000000001"), new BigDecimal("50")))
                .isEqualTo(Amount.of("0.000000000000000001"));
        assertThat(DEFAULT.bondFor(Amount.of("1"), new BigDecimal("33.333333"))).isEqualTo(Amount.of("0.833333335"));
    }

    @Test
    void factorsOutsideTheirBoundsAreRefusedNamingTheFactor() {
        for (var bad : new String[] {"0", "-0.1", "10.000001", "0.0000001"}) {
            assertThatThrownBy(() -> new BondCurve(new BigDecimal(bad), BigDecimal.ONE))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("atZeroTrust must be above 0 and at most 10, with at most 6 decimals");
            assertThatThrownBy(() -> new BondCurve(BigDecimal.ONE, new BigDecimal(bad)))
                    .hasMessage("atFullTrust must be above 0 and at most 10, with at most 6 decimals");
        }
        assertThat(new BondCurve(BigDecimal.TEN, new BigDecimal("0.000001")).atFullTrust())
                .isEqualByComparingTo("0.000001");
    }

    @Test
    void aTrustScoreOutsideZeroToHundredIsRefused() {
        assertThatThrownBy(() -> DEFAULT.bondFor(Amount.of(1), new BigDecimal("100.000001")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DEFAULT.bondFor(Amount.of(1), new BigDecimal("-1")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Never short of the exact formula, and never more than one smallest unit over it. */
    @Property(tries = 500)
    void theBondIsTheFormulaRoundedUpByLessThanOneUnit(
            @ForAll("factors") BigDecimal zero,
            @ForAll("factors") BigDecimal full,
            @ForAll("scores") BigDecimal score,
            @ForAll("amounts") BigDecimal base) {
        var exact = base.multiply(zero.add(full.subtract(zero).multiply(score).divide(BigDecimal.valueOf(100))));
        var bond = new BondCurve(zero, full).bondFor(Amount.of(base), score).toBigDecimal();
        assertThat(bond).isGreaterThanOrEqualTo(exact);
        assertThat(bond.subtract(exact)).isLessThan(UNIT);
    }

    /** A curve that falls with trust never asks a more trusted bidder for more. */
    @Property(tries = 300)
    void aFallingCurveNeverChargesMoreForMoreTrust(
            @ForAll("scores") BigDecimal a, @ForAll("scores") BigDecimal b, @ForAll("amounts") BigDecimal base) {
        var low = a.min(b);
        var high = a.max(b);
        assertThat(DEFAULT.bondFor(Amount.of(base), high)).isLessThanOrEqualTo(DEFAULT.bondFor(Amount.of(base), low));
    }

    @Provide
    Arbitrary<BigDecimal> factors() {
        return Arbitraries.bigDecimals()
                .between(new BigDecimal("0.000001"), BigDecimal.TEN)
                .ofScale(6);
    }

    @Provide
    Arbitrary<BigDecimal> scores() {
        return Arbitraries.bigDecimals()
                .between(BigDecimal.ZERO, BigDecimal.valueOf(100))
                .ofScale(6);
    }

    @Provide
    Arbitrary<BigDecimal> amounts() {
        return Arbitraries.bigDecimals()
                .between(UNIT, new BigDecimal("1000000000"))
                .ofScale(18);
    }
}
