package io.bta.tokenomics.staking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bta.tokenomics.shared.Amount;
import java.math.BigDecimal;
import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The laws of the pool's terms: what is in range round-trips exactly, what is outside is refused. */
class PoolTermsProperties {

    /** Any value of 0 to {@code max} with at most 6 decimals, as millionths. */
    static Arbitrary<BigDecimal> millionths(long max) {
        return Arbitraries.longs().between(0, max * 1_000_000).map(m -> BigDecimal.valueOf(m, 6));
    }

    @Provide
    Arbitrary<BigDecimal> apyInRange() {
        return millionths(1000);
    }

    @Provide
    Arbitrary<BigDecimal> fractionInRange() {
        return millionths(1);
    }

    @Provide
    Arbitrary<BigDecimal> anyDecimal() {
        return Arbitraries.bigIntegers()
                .between(BigInteger.TEN.pow(12).negate(), BigInteger.TEN.pow(12))
                .flatMap(u -> Arbitraries.integers().between(-3, 10).map(scale -> new BigDecimal(u, scale)));
    }

    @Property
    void anApyInRangeRoundTripsThroughItsText(@ForAll("apyInRange") BigDecimal percent) {
        var apy = Apy.ofPercent(percent);
        assertThat(apy.percent()).isEqualByComparingTo(percent);
        assertThat(Apy.ofPercent(apy.toString())).isEqualTo(apy);
        assertThat(apy.toString()).doesNotContain("E");
    }

    @Property
    void anApyIsAcceptedExactlyWhenInRangeWithAtMostSixDecimals(@ForAll("anyDecimal") BigDecimal percent) {
        boolean valid = percent.signum() >= 0
                && percent.compareTo(BigDecimal.valueOf(1000)) <= 0
                && percent.stripTrailingZeros().scale() <= 6;
        if (valid) {
            assertThat(Apy.ofPercent(percent).percent()).isEqualByComparingTo(percent);
        } else {
            assertThatThrownBy(() -> Apy.ofPercent(percent)).hasMessage(Apy.OUT_OF_RANGE);
        }
    }

    @Property
    void aPenaltyIsAcceptedExactlyWhenAFractionWithAtMostSixDecimals(@ForAll("anyDecimal") BigDecimal fraction) {
        boolean valid = fraction.signum() >= 0
                && fraction.compareTo(BigDecimal.ONE) <= 0
                && fraction.stripTrailingZeros().scale() <= 6;
        if (valid) {
            assertThat(EarlyUnstakePenalty.of(fraction).fraction()).isEqualByComparingTo(fraction);
        } else {
            assertThatThrownBy(() -> EarlyUnstakePenalty.of(fraction)).hasMessage(EarlyUnstakePenalty.OUT_OF_RANGE);
        }
    }

    @Property
    void aPenaltyNeverExceedsThePrincipalAndNeverFallsShortOfTheExactShare(
            @ForAll("fractionInRange") BigDecimal fraction, @ForAll @LongRange(min = 1) long units) {
        var principal = Amount.ofUnits(BigInteger.valueOf(units));
        var penalty = EarlyUnstakePenalty.of(fraction).on(principal);
        assertThat(penalty.isGreaterThan(principal)).isFalse();
        assertThat(penalty.toBigDecimal())
                .isGreaterThanOrEqualTo(principal.toBigDecimal().multiply(fraction));
    }

    @Property
    void aLockPeriodIsAcceptedExactlyFromZeroToTenYears(@ForAll @IntRange(min = -10_000, max = 10_000) int days) {
        if (days >= 0 && days <= LockPeriod.MAX_DAYS) {
            assertThat(LockPeriod.ofDays(String.valueOf(days)).days()).isEqualTo(days);
        } else {
            assertThatThrownBy(() -> LockPeriod.ofDays(days)).hasMessage(LockPeriod.OUT_OF_RANGE);
        }
    }
}
