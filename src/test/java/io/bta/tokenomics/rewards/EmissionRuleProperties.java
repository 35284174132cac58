package io.bta.tokenomics.rewards;

import static org.assertj.core.api.Assertions.assertThat;

import io.bta.tokenomics.shared.Amount;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** The laws of the emission rule: the budget's floor and rounding, the epochs' calendar, admission. */
class EmissionRuleProperties {

    static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");

    @Provide
    Arbitrary<Amount> amounts() {
        return Arbitraries.bigIntegers()
                .between(BigInteger.ZERO, BigInteger.TEN.pow(30)) // up to 10^12 whole tokens
                .map(Amount::ofUnits);
    }

    @Provide
    Arbitrary<BigDecimal> rates() {
        return Arbitraries.longs().between(0, 100_000_000).map(r -> BigDecimal.valueOf(r, 8)); // 0 to 1, 8 decimals
    }

    @Provide
    Arbitrary<Duration> epochLengths() {
        return Arbitraries.longs().between(60, 3_650L * 86_400).map(Duration::ofSeconds);
    }

    @Property
    void theBudgetIsNeverBelowTheBootstrapNorAboveTheExactRateOfTheSupplyWhenAboveIt(
            @ForAll("amounts") Amount supply, @ForAll("rates") BigDecimal rate, @ForAll("amounts") Amount bootstrap) {
        var budget = EmissionRule.budget(supply, rate, bootstrap);
        assertThat(budget.isLessThan(bootstrap)).isFalse();
        var exact = supply.toBigDecimal().multiply(rate);
        if (budget.isGreaterThan(bootstrap)) {
            assertThat(budget.toBigDecimal()).isLessThanOrEqualTo(exact);
            assertThat(budget.plus(Amount.ofUnits(BigInteger.ONE)).toBigDecimal())
                    .isGreaterThan(exact);
        }
    }

    @Property
    void epochsFollowEachOtherWithoutGapOrOverlap(
            @ForAll("epochLengths") Duration length, @ForAll @IntRange(min = 0, max = 10_000) int epoch) {
        var rule = new EmissionRule(CREATED, length);
        assertThat(rule.endOf(epoch)).isEqualTo(rule.startOf(epoch + 1));
        assertThat(rule.endOf(epoch)).isAfter(rule.startOf(epoch));
        assertThat(rule.epochAt(rule.startOf(epoch))).isEqualTo(epoch);
        assertThat(rule.epochAt(rule.endOf(epoch).minusNanos(1))).isEqualTo(epoch);
    }

    @Property
    void everyInstantFallsInTheEpochThatContainsIt(
            @ForAll("epochLengths") Duration length, @ForAll @LongRange(min = 0, max = 3_200_000_000L) long seconds) {
        var rule = new EmissionRule(CREATED, length);
        var instant = CREATED.plusSeconds(seconds);
        int epoch = rule.epochAt(instant);
        assertThat(rule.startOf(epoch)).isBeforeOrEqualTo(instant);
        assertThat(rule.endOf(epoch)).isAfter(instant);
    }

    /**
     * Whatever the order of reservations and mints, an admitted one leaves a remainder that is not
     * negative, a refused one asked for more than remained, and remaining is always budget − minted −
     * reserved.
     */
    @Property
    void whatIsAdmittedNeverDrivesTheRemainderBelowZero(
            @ForAll("amounts") Amount bootstrap,
            @ForAll @Size(max = 30) List<@LongRange(min = 1, max = Long.MAX_VALUE) Long> requests,
            @ForAll @Size(max = 30) List<Boolean> mintNotReserve) {
        var state = new EmissionRule(CREATED, Duration.ofDays(365)).opening(0, Amount.ZERO, BigDecimal.ZERO, bootstrap);
        for (int i = 0; i < requests.size(); i++) {
            var amount = Amount.ofUnits(BigInteger.valueOf(requests.get(i)).multiply(BigInteger.valueOf(1_000_000)));
            boolean mint = i < mintNotReserve.size() && mintNotReserve.get(i);
            var before = state;
            try {
                state = mint ? state.minting(amount) : state.reserving(amount);
                assertThat(state.remaining().isNegative()).isFalse();
            } catch (RewardProblems.EmissionBudgetExceeded refused) {
                assertThat(amount.isGreaterThan(before.remaining())).isTrue();
            }
            assertThat(state.remaining())
                    .isEqualTo(state.budget().minus(state.minted()).minus(state.reserved()));
        }
    }

    @Property
    void aClaimFromAReservationLeavesTheRemainderAsItWas(
            @ForAll("amounts") Amount bootstrap, @ForAll @IntRange(min = 0, max = 100) int percentReserved) {
        var state = new EmissionRule(CREATED, Duration.ofDays(365)).opening(0, Amount.ZERO, BigDecimal.ZERO, bootstrap);
        var reserved = bootstrap.timesRoundedDown(BigDecimal.valueOf(percentReserved, 2));
        var held = state.reserving(reserved);
        var claimed = held.claiming(reserved);
        assertThat(claimed.remaining()).isEqualTo(held.remaining());
        assertThat(claimed.minted()).isEqualTo(reserved);
        assertThat(claimed.reserved()).isEqualTo(Amount.ZERO);
    }
}
