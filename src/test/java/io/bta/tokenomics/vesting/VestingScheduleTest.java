package io.bta.tokenomics.vesting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bta.tokenomics.shared.Amount;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The vesting rule against OpenZeppelin's formula (VestingWallet's {@code _vestingSchedule} with
 * VestingWalletCliff's cliff): vectors, and a model in plain integers at random times before the
 * cliff, at it, in the middle, at the end and after.
 */
class VestingScheduleTest {

    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    static VestingSchedule schedule(String total, long cliffSeconds, long durationSeconds) {
        return new VestingSchedule(
                Amount.parse(total), START, Duration.ofSeconds(cliffSeconds), Duration.ofSeconds(durationSeconds));
    }

    @Test
    void nothingBeforeTheCliffLinearFromTheStartAfterItAllAtTheEnd() {
        var s = schedule("1000", 100, 400);

        assertThat(s.vestedAt(START.minusSeconds(1))).isEqualTo(Amount.ZERO);
        assertThat(s.vestedAt(START)).isEqualTo(Amount.ZERO);
        assertThat(s.vestedAt(START.plusSeconds(99))).isEqualTo(Amount.ZERO);
        assertThat(s.vestedAt(START.plusSeconds(100))).isEqualTo(Amount.of(250)); // counted from the start
        assertThat(s.vestedAt(START.plusSeconds(200))).isEqualTo(Amount.of(500));
        assertThat(s.vestedAt(START.plusSeconds(399))).isEqualTo(Amount.parse("997.5"));
        assertThat(s.vestedAt(START.plusSeconds(400))).isEqualTo(Amount.of(1000));
        assertThat(s.vestedAt(START.plusSeconds(10_000))).isEqualTo(Amount.of(1000));
    }

    @Test
    void roundsDownToTheBaseUnitAndTheRestVestsAtTheEnd() {
        var s = schedule("0.000000000000000010", 0, 3); // 10 base units over 3 seconds

        assertThat(s.vestedAt(START.plusSeconds(1)).units()).isEqualTo(BigInteger.valueOf(3));
        assertThat(s.vestedAt(START.plusSeconds(2)).units()).isEqualTo(BigInteger.valueOf(6));
        assertThat(s.vestedAt(START.plusSeconds(3)).units()).isEqualTo(BigInteger.TEN);
    }

    @Test
    void withoutACliffVestingStartsAtTheStart() {
        var s = schedule("100", 0, 100);

        assertThat(s.vestedAt(START.minusNanos(1000))).isEqualTo(Amount.ZERO);
        assertThat(s.vestedAt(START.plusSeconds(1))).isEqualTo(Amount.of(1));
        assertThat(s.vestedAt(START.plusMillis(1500))).isEqualTo(Amount.parse("1.5"));
    }

    @Test
    void refusesWhatOpenZeppelinRefuses() {
        assertThatThrownBy(() -> schedule("0", 0, 10)).hasMessageContaining("total");
        assertThatThrownBy(() -> schedule("1", 11, 10)).hasMessage("cliff must be from 0 to the duration");
        assertThatThrownBy(() -> schedule("1", -1, 10)).hasMessage("cliff must be from 0 to the duration");
        assertThatThrownBy(() -> schedule("1", 0, 0)).hasMessage("duration must be from 1 second to 100 years");
        assertThatThrownBy(() -> schedule("1", 0, Long.MAX_VALUE))
                .hasMessage("duration must be from 1 second to 100 years");
    }

    /** OpenZeppelin's formula in integers: seconds since the start, base units. */
    static BigInteger model(BigInteger total, long cliff, long duration, long t) {
        if (t < cliff) {
            return BigInteger.ZERO;
        }
        if (t >= duration) {
            return total;
        }
        return total.multiply(BigInteger.valueOf(t)).divide(BigInteger.valueOf(duration));
    }

    record Case(BigInteger total, long cliff, long duration, long t) {}

    @Provide
    Arbitrary<Case> cases() {
        var totals = Arbitraries.bigIntegers()
                .between(BigInteger.ONE, BigInteger.TEN.pow(38).subtract(BigInteger.ONE));
        var durations = Arbitraries.longs().between(1, 4L * 365 * 24 * 3600);
        return Combinators.combine(
                        totals,
                        durations,
                        Arbitraries.doubles().between(0, 1),
                        Arbitraries.integers().between(0, 5))
                .as((total, duration, cliffShare, where) -> {
                    long cliff = (long) (duration * cliffShare);
                    long t =
                            switch (where) {
                                case 0 -> -1 - (long) (duration * cliffShare); // before the start
                                case 1 -> Math.max(0, cliff - 1); // just before the cliff
                                case 2 -> cliff; // at the cliff
                                case 3 -> cliff + (duration - cliff) / 2; // in the middle
                                case 4 -> duration; // at the end
                                default -> duration + 1 + (long) (duration * cliffShare); // after
                            };
                    return new Case(total, cliff, duration, t);
                });
    }

    @Property(tries = 500)
    void equalsOpenZeppelinsFormulaAtAnyWholeSecond(@ForAll("cases") Case c) {
        var s = new VestingSchedule(
                Amount.ofUnits(c.total()), START, Duration.ofSeconds(c.cliff()), Duration.ofSeconds(c.duration()));

        var vested = s.vestedAt(START.plus(c.t(), ChronoUnit.SECONDS)).units();

        assertThat(vested).isEqualTo(model(c.total(), c.cliff(), c.duration(), c.t()));
        assertThat(vested).isBetween(BigInteger.ZERO, c.total());
    }

    @Property(tries = 300)
    void neverDecreasesWithTime(@ForAll("cases") Case c, @ForAll("steps") long step) {
        var s = new VestingSchedule(
                Amount.ofUnits(c.total()), START, Duration.ofSeconds(c.cliff()), Duration.ofSeconds(c.duration()));
        var at = START.plusSeconds(c.t());

        assertThat(s.vestedAt(at.plusSeconds(step))).isGreaterThanOrEqualTo(s.vestedAt(at));
    }

    @Provide
    Arbitrary<Long> steps() {
        return Arbitraries.longs().between(0, 365L * 24 * 3600);
    }
}
