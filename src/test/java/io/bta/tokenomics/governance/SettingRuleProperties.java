package io.bta.tokenomics.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bta.tokenomics.shared.NumberText;
import java.math.BigDecimal;
import java.time.Duration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The factories accept exactly the values within their bounds, and refuse every other one with them. */
class SettingRuleProperties {

    @Property
    void aWholeNumberIsAcceptedExactlyWithinItsRange(
            @ForAll @IntRange(min = -1000, max = 1000) int min,
            @ForAll @IntRange(min = 0, max = 1000) int width,
            @ForAll @IntRange(min = -3000, max = 3000) int n) {
        var rule = SettingRule.wholeNumber(min, min + width);
        if (n >= min && n <= min + width) {
            assertThat(rule.validate(Integer.toString(n))).isEqualTo(n);
        } else {
            assertThatThrownBy(() -> rule.validate(Integer.toString(n))).hasMessage("must be " + rule.bounds());
        }
    }

    @Property
    void aDecimalIsAcceptedExactlyWithinItsRangeAndDecimals(
            @ForAll @LongRange(min = -2_000_000_000L, max = 2_000_000_000L) long unscaled,
            @ForAll @IntRange(min = 0, max = 12) int scale) {
        var rule = SettingRule.decimal(BigDecimal.ZERO, BigDecimal.ONE, 8);
        var value = BigDecimal.valueOf(unscaled, scale);
        var accepted = value.signum() >= 0
                && value.compareTo(BigDecimal.ONE) <= 0
                && value.stripTrailingZeros().scale() <= 8;
        if (accepted) {
            assertThat(rule.validate(value.toPlainString())).isEqualByComparingTo(value);
        } else {
            assertThatThrownBy(() -> rule.validate(value.toPlainString())).hasMessage("must be " + rule.bounds());
        }
    }

    @Property
    void aDurationIsAcceptedExactlyWithinItsRangeWrittenEitherWay(
            @ForAll @LongRange(min = 0, max = 200) long days, @ForAll @LongRange(min = 0, max = 86_399) long seconds) {
        var rule = SettingRule.duration(Duration.ofSeconds(1), Duration.ofDays(90));
        var value = Duration.ofDays(days).plusSeconds(seconds);
        var accepted = value.compareTo(Duration.ofSeconds(1)) >= 0 && value.compareTo(Duration.ofDays(90)) <= 0;
        for (var text : new String[] {value.toString(), value.toSeconds() + "s"}) {
            if (accepted) {
                assertThat(rule.validate(text)).isEqualTo(value);
            } else {
                assertThatThrownBy(() -> rule.validate(text)).hasMessage("must be " + rule.bounds());
            }
        }
    }

    @Property
    void textThatIsNoNumberIsRefusedWithTheBounds(@ForAll("notNumbers") String text) {
        var rule = SettingRule.decimal(BigDecimal.ZERO, BigDecimal.ONE, 8);
        assertThatThrownBy(() -> rule.validate(text))
                .hasMessage("'" + text + "' is not a decimal number; must be " + rule.bounds());
    }

    @Provide
    Arbitrary<String> notNumbers() {
        return Arbitraries.strings().ofMinLength(1).ofMaxLength(12).filter(s -> {
            try {
                NumberText.parseDecimal(s);
                return false;
            } catch (NumberFormatException e) {
                return true;
            }
        });
    }
}
