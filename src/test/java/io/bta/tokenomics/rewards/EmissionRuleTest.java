package io.bta.tokenomics.rewards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bta.tokenomics.shared.Amount;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The emission rule and an epoch's arithmetic: no Spring, no database. */
class EmissionRuleTest {

    static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
    static final Duration YEAR = Duration.ofDays(365);
    static final EmissionRule RULE = new EmissionRule(CREATED, YEAR);
    static final BigDecimal RATE_5_PERCENT = new BigDecimal("0.05");
    static final Amount BOOTSTRAP_50M = Amount.of(50_000_000);
    static final Amount ONE_UNIT = Amount.ofUnits(BigInteger.ONE);

    @Test
    void epochsAreCountedFromTheTokensCreationInStepsOfTheEpochLength() {
        assertThat(RULE.epochAt(CREATED)).isZero();
        assertThat(RULE.epochAt(CREATED.plus(YEAR).minusNanos(1))).isZero();
        assertThat(RULE.epochAt(CREATED.plus(YEAR))).isEqualTo(1);
        assertThat(RULE.startOf(2)).isEqualTo(CREATED.plus(YEAR.multipliedBy(2)));
        assertThat(RULE.endOf(1)).isEqualTo(RULE.startOf(2));
    }

    @Test
    void anInstantBeforeTheCreationFallsInEpochZero() {
        assertThat(RULE.epochAt(CREATED.minusSeconds(1))).isZero();
    }

    @Test
    void theBudgetIsTheRateOfTheSupplyOrTheBootstrapWhicheverIsLarger() {
        assertThat(EmissionRule.budget(Amount.ZERO, RATE_5_PERCENT, BOOTSTRAP_50M))
                .isEqualTo(BOOTSTRAP_50M);
        assertThat(EmissionRule.budget(Amount.of(2_000_000_000), RATE_5_PERCENT, BOOTSTRAP_50M))
                .isEqualTo(Amount.of(100_000_000));
    }

    @Test
    void theBudgetRoundsDownToTheSmallestUnit() {
        var supply = Amount.ofUnits(BigInteger.valueOf(39)); // 5 % of 39 units is 1.95 units
        assertThat(EmissionRule.budget(supply, RATE_5_PERCENT, Amount.ZERO)).isEqualTo(ONE_UNIT);
    }

    @Test
    void anEpochOpensWithItsWholeBudgetRemaining() {
        var opened = RULE.opening(3, Amount.ZERO, RATE_5_PERCENT, BOOTSTRAP_50M);
        assertThat(opened.startsAt()).isEqualTo(RULE.startOf(3));
        assertThat(opened.endsAt()).isEqualTo(RULE.startOf(4));
        assertThat(opened.budget()).isEqualTo(BOOTSTRAP_50M);
        assertThat(opened.minted()).isEqualTo(Amount.ZERO);
        assertThat(opened.reserved()).isEqualTo(Amount.ZERO);
        assertThat(opened.remaining()).isEqualTo(BOOTSTRAP_50M);
    }

    @Test
    void aReservationOrMintBeyondWhatRemainsIsRefusedNamingTheEpochAndTheBudget() {
        var full = RULE.opening(0, Amount.ZERO, RATE_5_PERCENT, BOOTSTRAP_50M).reserving(BOOTSTRAP_50M);
        assertThat(full.remaining()).isEqualTo(Amount.ZERO);
        assertThatThrownBy(() -> full.reserving(ONE_UNIT))
                .isInstanceOf(RewardProblems.EmissionBudgetExceeded.class)
                .hasMessage("BTA-REWARD emission budget of epoch 0 is " + BOOTSTRAP_50M + "; 0 remains, " + ONE_UNIT
                        + " was requested");
        assertThatThrownBy(() -> full.minting(ONE_UNIT)).isInstanceOf(RewardProblems.EmissionBudgetExceeded.class);
    }

    @Test
    void aClaimIsPaidFromItsReservationEvenWhenNothingRemains() {
        var full = RULE.opening(0, Amount.ZERO, RATE_5_PERCENT, BOOTSTRAP_50M).reserving(BOOTSTRAP_50M);
        var claimed = full.claiming(Amount.of(10));
        assertThat(claimed.minted()).isEqualTo(Amount.of(10));
        assertThat(claimed.reserved()).isEqualTo(BOOTSTRAP_50M.minus(Amount.of(10)));
        assertThat(claimed.remaining()).isEqualTo(Amount.ZERO);
    }

    @Test
    void aStateThatSpendsMoreThanItsBudgetCannotBeBuilt() {
        assertThatThrownBy(() -> EmissionState.of(
                        0,
                        CREATED,
                        CREATED.plus(YEAR),
                        Amount.ZERO,
                        RATE_5_PERCENT,
                        Amount.of(10),
                        Amount.of(6),
                        Amount.of(5)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEpochLastsAPositiveTime() {
        assertThatThrownBy(() -> new EmissionRule(CREATED, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
