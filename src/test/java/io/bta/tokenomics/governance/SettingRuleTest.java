package io.bta.tokenomics.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bta.tokenomics.shared.Amount;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Each factory states its bounds in words and refuses malformed text and values out of bounds with them. */
class SettingRuleTest {

    static final Amount BILLION = Amount.of(1_000_000_000L);
    static final SettingRule<Amount> THRESHOLD = SettingRule.amount(Amount.ZERO, BILLION);
    static final SettingRule<BigDecimal> FRACTION = SettingRule.decimal(BigDecimal.ZERO, BigDecimal.ONE, 8);
    static final SettingRule<BigDecimal> TRUST = SettingRule.decimal(BigDecimal.ZERO, BigDecimal.valueOf(100));
    static final SettingRule<Integer> MAX_ACTIONS = SettingRule.wholeNumber(1, 50);
    static final SettingRule<Duration> PERIOD = SettingRule.duration(Duration.ofSeconds(1), Duration.ofDays(90));

    @Test
    void anAmountRangeReadsAmountsAndSaysWhyOneIsUnreadable() {
        assertThat(THRESHOLD.bounds()).isEqualTo("an amount from 0 to 1000000000");
        assertThat(THRESHOLD.validate("1000")).isEqualTo(Amount.of(1000));
        assertThat(THRESHOLD.validate("1000000000")).isEqualTo(BILLION);
        assertThatThrownBy(() -> THRESHOLD.validate("1000000001")).hasMessage("must be an amount from 0 to 1000000000");
        assertThatThrownBy(() -> THRESHOLD.validate("-1")).hasMessage("must be an amount from 0 to 1000000000");
        assertThatThrownBy(() -> THRESHOLD.validate("1.0000000000000000001"))
                .hasMessage("amount has more than 18 decimal places; must be an amount from 0 to 1000000000");
    }

    @Test
    void anAmountOfZeroOrMoreAndAPositiveAmountSayWhichTheyAre() {
        var zeroOrMore = SettingRule.nonNegativeAmount();
        var positive = SettingRule.positiveAmount();
        assertThat(zeroOrMore.bounds()).isEqualTo("an amount of zero or more");
        assertThat(positive.bounds()).isEqualTo("an amount greater than zero");
        assertThat(zeroOrMore.validate("0")).isEqualTo(Amount.ZERO);
        assertThatThrownBy(() -> zeroOrMore.validate("-0.1")).hasMessage("must be an amount of zero or more");
        assertThatThrownBy(() -> positive.validate("0")).hasMessage("must be an amount greater than zero");
        assertThatThrownBy(() -> positive.validate("ten"))
                .hasMessage("amount must be a decimal number of the digits 0 to 9, e.g. \"12.5\"; must be an amount"
                        + " greater than zero");
    }

    @Test
    void aDecimalRangeCountsDecimalsWithoutTrailingZeros() {
        assertThat(FRACTION.bounds()).isEqualTo("a decimal from 0 to 1, at most 8 decimals");
        assertThat(FRACTION.validate("0.12345678")).isEqualByComparingTo("0.12345678");
        assertThat(FRACTION.validate("0.100000000")).isEqualByComparingTo("0.1");
        assertThatThrownBy(() -> FRACTION.validate("0.123456789"))
                .hasMessage("must be a decimal from 0 to 1, at most 8 decimals");
        assertThatThrownBy(() -> FRACTION.validate("1.01"))
                .hasMessage("must be a decimal from 0 to 1, at most 8 decimals");
        assertThatThrownBy(() -> FRACTION.validate("half"))
                .hasMessage("'half' is not a decimal number; must be a decimal from 0 to 1, at most 8 decimals");
    }

    @Test
    void aDecimalRangeWithoutALimitOnDecimalsSaysNoneAndTakesAny() {
        assertThat(TRUST.bounds()).isEqualTo("a decimal from 0 to 100");
        assertThat(TRUST.validate("99.999999999999")).isEqualByComparingTo("99.999999999999");
        assertThatThrownBy(() -> TRUST.validate("100.1")).hasMessage("must be a decimal from 0 to 100");
    }

    @Test
    void numbersAreReadInTheDigitsZeroToNineOnly() {
        assertThatThrownBy(() -> FRACTION.validate("0.\u0661"))
                .hasMessage("'0.\u0661' is not a decimal number; must be a decimal from 0 to 1, at most 8 decimals");
        assertThatThrownBy(() -> TRUST.validate("\uFF11")).hasMessageContaining("is not a decimal number");
        assertThatThrownBy(() -> MAX_ACTIONS.validate("\u0665"))
                .hasMessage("'\u0665' is not a whole number; must be a whole number from 1 to 50");
        assertThatThrownBy(() -> THRESHOLD.validate("\u0661\u0660"))
                .hasMessageEndingWith("; must be an amount from 0 to 1000000000");
    }

    @Test
    void aWholeNumberRangeRefusesFractionsAndValuesOutside() {
        assertThat(MAX_ACTIONS.bounds()).isEqualTo("a whole number from 1 to 50");
        assertThat(MAX_ACTIONS.validate("50")).isEqualTo(50);
        assertThatThrownBy(() -> MAX_ACTIONS.validate("0")).hasMessage("must be a whole number from 1 to 50");
        assertThatThrownBy(() -> MAX_ACTIONS.validate("2.5"))
                .hasMessage("'2.5' is not a whole number; must be a whole number from 1 to 50");
    }

    @Test
    void aDurationRangeReadsSpringBootDurationsAndNamesItsBoundsInIso() {
        assertThat(PERIOD.bounds()).isEqualTo("a duration from PT1S to PT2160H");
        assertThat(PERIOD.validate("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(PERIOD.validate("PT12H")).isEqualTo(Duration.ofHours(12));
        assertThatThrownBy(() -> PERIOD.validate("0s")).hasMessage("must be a duration from PT1S to PT2160H");
        assertThatThrownBy(() -> PERIOD.validate("91d")).hasMessage("must be a duration from PT1S to PT2160H");
        assertThatThrownBy(() -> PERIOD.validate("a week"))
                .hasMessage("'a week' is not a duration such as 3s, 7d or PT12H; must be a duration from PT1S to"
                        + " PT2160H");
    }

    @Test
    void aCustomRuleKeepsItsTypesMessages() {
        var quorum = SettingRule.custom(QuorumFraction.BOUNDS, QuorumFraction::of);
        assertThat(quorum.bounds()).isEqualTo("a decimal from 0 to 1, at most 6 decimals");
        assertThat(quorum.validate("0.04")).isEqualTo(QuorumFraction.of("0.04"));
        assertThatThrownBy(() -> quorum.validate("1.5")).hasMessage(QuorumFraction.OUT_OF_RANGE);
    }

    @Test
    void theGeneralFormPutsTheBoundsAfterWhyTheTextIsUnreadable() {
        var even = SettingRule.of(
                "an even whole number", Integer::parseInt, (text, e) -> "'" + text + "' is no number", n -> n % 2 == 0);
        assertThat(even.validate("4")).isEqualTo(4);
        assertThatThrownBy(() -> even.validate("3")).hasMessage("must be an even whole number");
        assertThatThrownBy(() -> even.validate("x")).hasMessage("'x' is no number; must be an even whole number");
    }

    @Test
    void parseReadsAValueOutOfBoundsThatValidateRefuses() {
        assertThat(MAX_ACTIONS.parse("100")).isEqualTo(100);
        assertThatThrownBy(() -> MAX_ACTIONS.parse("many")).hasMessageStartingWith("'many' is not a whole number");
    }

    @Test
    void aRuleNeedsItsBoundsInWords() {
        assertThatThrownBy(() -> SettingRule.custom(" ", QuorumFraction::of))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SettingRule.decimal(BigDecimal.ZERO, BigDecimal.ONE, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
