package io.bta.tokenomics.rewards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bta.tokenomics.shared.Amount;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The emission rule alone: no Spring, no database. */
class EmissionScheduleTest {

    private static final Instant ORIGIN = Instant.parse("2026-01-01T00:00:00Z");
    private static final EmissionSchedule YEARLY = new EmissionSchedule(ORIGIN, Duration.ofDays(365));

    @Test
    void epochsAreCountedFromTheTokensCreation() {
        assertThat(YEARLY.epochAt(ORIGIN)).isZero();
        assertThat(YEARLY.epochAt(ORIGIN.minusSeconds(5))).isZero();
        assertThat(YEARLY.epochAt(ORIGIN.plus(Duration.ofDays(365)).minusNanos(1_000)))
                .isZero();
        assertThat(YEARLY.epochAt(ORIGIN.plus(Duration.ofDays(365)))).isEqualTo(1);
        assertThat(YEARLY.startOf(2)).isEqualTo(ORIGIN.plus(Duration.ofDays(730)));
        assertThat(YEARLY.endOf(2)).isEqualTo(YEARLY.startOf(3));
    }

    @Test
    void theBudgetIsTheRatesShareOfTheSupplyOrTheBootstrapIfMore() {
        var bootstrap = Amount.of(50_000_000);
        assertThat(EmissionSchedule.budget(Amount.of(0), new BigDecimal("0.05"), bootstrap))
                .isEqualTo(bootstrap);
        assertThat(EmissionSchedule.budget(Amount.of(2_000_000_000L), new BigDecimal("0.05"), bootstrap))
                .isEqualTo(Amount.of(100_000_000));
        // rounded down to the smallest unit
        assertThat(EmissionSchedule.budget(Amount.of("0.000000000000000019"), new BigDecimal("0.1"), Amount.ZERO))
                .isEqualTo(Amount.of("0.000000000000000001"));
    }

    @Test
    void impossibleInputsAreRefused() {
        assertThatThrownBy(() -> new EmissionSchedule(ORIGIN, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EmissionSchedule.budget(Amount.of(1), new BigDecimal("1.01"), Amount.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> YEARLY.startOf(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Every instant after the origin lies in exactly one epoch, and epochs follow each other without gaps. */
    @Property(tries = 500)
    void everyInstantLiesInItsEpoch(
            @ForAll @LongRange(min = 1, max = 400L * 86_400) long lengthSeconds,
            @ForAll @LongRange(min = 0, max = 50L * 365 * 86_400 * 1_000_000) long micros) {
        var schedule = new EmissionSchedule(ORIGIN, Duration.ofSeconds(lengthSeconds));
        var at = ORIGIN.plusNanos(micros * 1_000);
        int epoch = schedule.epochAt(at);
        assertThat(schedule.startOf(epoch)).isBeforeOrEqualTo(at);
        assertThat(schedule.endOf(epoch)).isAfter(at);
        assertThat(schedule.endOf(epoch)).isEqualTo(schedule.startOf(epoch + 1));
    }

    /** The budget never falls below the bootstrap, and never exceeds the rate's exact share unless the bootstrap does. */
    @Property(tries = 500)
    void theBudgetIsBoundedByItsTwoSources(
            @ForAll("supplies") BigDecimal supply,
            @ForAll("rates") BigDecimal rate,
            @ForAll @IntRange(min = 0, max = 100_000_000) int bootstrap) {
        var budget = EmissionSchedule.budget(Amount.of(supply), rate, Amount.of(bootstrap))
                .toBigDecimal();
        var exact = supply.multiply(rate);
        assertThat(budget).isGreaterThanOrEqualTo(BigDecimal.valueOf(bootstrap));
        assertThat(budget).isLessThanOrEqualTo(exact.max(BigDecimal.valueOf(bootstrap)));
        assertThat(budget.max(exact).subtract(budget)).isLessThan(new BigDecimal("0.000000000000000001"));
    }

    @Provide
    Arbitrary<BigDecimal> supplies() {
        return Arbitraries.bigDecimals()
                .between(BigDecimal.ZERO, new BigDecimal("10000000000"))
                .ofScale(18);
    }

    @Provide
    Arbitrary<BigDecimal> rates() {
        return Arbitraries.bigDecimals()
                .between(BigDecimal.ZERO, BigDecimal.ONE)
                .ofScale(8);
    }
}
