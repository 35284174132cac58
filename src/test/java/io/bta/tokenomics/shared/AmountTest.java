package io.bta.tokenomics.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class AmountTest {

    static final Amount UTIL_1000 = Amount.of("1000");
    static final Amount ONE_UNIT = Amount.ofUnits(BigInteger.ONE);

    @Test
    void formatsInPlainNotationWithoutTrailingZeros() {
        assertThat(Amount.of("1000.50").toString()).isEqualTo("1000.5");
        assertThat(Amount.of("1e3").toString()).isEqualTo("1000");
        assertThat(Amount.of("0.000000000000000001").toString()).isEqualTo("0.000000000000000001");
        assertThat(Amount.of("0").toString()).isEqualTo("0");
        assertThat(Amount.of("-0.0").toString()).isEqualTo("0");
        assertThat(Amount.of("99999999999999999999.999999999999999999").toString())
                .isEqualTo("99999999999999999999.999999999999999999");
    }

    @Test
    void equalAmountsAreEqualWhateverTheirText() {
        assertThat(Amount.of("1.5")).isEqualTo(Amount.of("1.500")).hasSameHashCodeAs(Amount.of("1.500"));
        assertThat(Amount.of("100")).isEqualTo(Amount.of("1E2"));
    }

    @Test
    void refusesMoreThanEighteenDecimalsInsteadOfRounding() {
        assertThatThrownBy(() -> Amount.of("0.0000000000000000001")).hasMessageContaining("18 decimal places");
        assertThatThrownBy(() -> Amount.of("1.0000000000000000000")).hasMessageContaining("18 decimal places");
        assertThatThrownBy(() -> Amount.of(new BigDecimal("1e-19"))).hasMessageContaining("18 decimal places");
    }

    @Test
    void refusesWhatANumeric38x18ColumnCannotHold() {
        assertThatThrownBy(() -> Amount.of("100000000000000000000")).hasMessageContaining("too large");
        assertThatThrownBy(() -> Amount.of("1e999999999")).hasMessageContaining("too large");
        assertThatThrownBy(() -> Amount.of("9".repeat(81))).hasMessageContaining("too long");
    }

    @Test
    void refusesTextThatIsNotANumber() {
        for (var text :
                new String[] {"abc", "1,5", "1.2.3", "0x10", "NaN", "Infinity", " ", " 1", "1 ", "\t2", "3\n"}) {
            assertThatThrownBy(() -> Amount.of(text)).as(text).isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** Java's BigDecimal takes any Unicode digit; an amount is written with 0 to 9 only. */
    @Test
    void refusesDigitsOtherThanZeroToNine() {
        for (var text : new String[] {
            "\uFF11", // fullwidth 1
            "\u0661\u0660", // Arabic-Indic 10
            "\u06F1", // extended Arabic-Indic 1
            "\u0967", // Devanagari 1
            "\u07C1", // NKo 1
            "\uFF11.\uFF15", // fullwidth 1.5
            "1\u0660", // ASCII 1, Arabic-Indic 0
            "0.\u0665", // a fraction's digit
            "1e\u0663", // an exponent's digit
            "\uD835\uDFCF" // mathematical bold 1, outside the BMP
        }) {
            assertThatThrownBy(() -> Amount.of(text))
                    .as(text)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("0 to 9");
        }
        assertThat(Amount.of("1234567890.0987654321")).isEqualTo(Amount.of(new BigDecimal("1234567890.0987654321")));
    }

    @Test
    void arithmeticIsExact() {
        assertThat(Amount.of("0.1").plus(Amount.of("0.2"))).isEqualTo(Amount.of("0.3"));
        assertThat(UTIL_1000.minus(ONE_UNIT).toString()).isEqualTo("999.999999999999999999");
        assertThat(ONE_UNIT.minus(UTIL_1000).isNegative()).isTrue();
        assertThat(UTIL_1000.units()).isEqualTo(BigInteger.TEN.pow(21));
    }

    @Test
    void multiplicationRoundsDownToTheSmallestUnit() {
        // 1 unit × 0.5 would be half a unit: the platform pays nothing rather than invent a unit
        assertThat(ONE_UNIT.timesRoundedDown(new BigDecimal("0.5"))).isEqualTo(Amount.ZERO);
        assertThat(Amount.of("10").timesRoundedDown(new BigDecimal("0.333333333333333333333")))
                .isEqualTo(Amount.of("3.333333333333333333"));
    }

    @Test
    void comparesByValue() {
        assertThat(Amount.of("2").isGreaterThan(Amount.of("1.999999999999999999")))
                .isTrue();
        assertThat(Amount.of("2").min(Amount.of("3"))).isEqualTo(Amount.of("2"));
        assertThat(Amount.of("0").isZero()).isTrue();
    }
}
