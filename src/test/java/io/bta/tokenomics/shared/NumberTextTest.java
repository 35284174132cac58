package io.bta.tokenomics.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class NumberTextTest {

    /** Digits the JDK's parsers read as numbers (Character.isDigit) but that are not 0 to 9. */
    static final List<String> OTHER_DIGITS =
            List.of("\uFF11", "\u0661\u0660", "\u06F5", "\u0967", "\u07C1", "\u0E51", "1\uFF10", "-\u0661", "+\uFF11");

    @Test
    void readsTheDigitsZeroToNine() {
        assertThat(NumberText.parseLong("-1234567890")).isEqualTo(-1234567890L);
        assertThat(NumberText.parseLong("+7")).isEqualTo(7L);
        assertThat(NumberText.parseInt("100")).isEqualTo(100);
        assertThat(NumberText.parseDecimal("72.5")).isEqualByComparingTo("72.5");
        assertThat(NumberText.parseDecimal("1e3")).isEqualByComparingTo(new BigDecimal(1000));
    }

    @Test
    void refusesEveryOtherDigit() {
        for (Function<String, ?> parser :
                List.<Function<String, ?>>of(NumberText::parseLong, NumberText::parseInt, NumberText::parseDecimal)) {
            for (var text : OTHER_DIGITS) {
                assertThatThrownBy(() -> parser.apply(text)).as(text).isInstanceOf(NumberFormatException.class);
                assertThat(text).as("the JDK reads it").satisfies(t -> new BigDecimal(t));
            }
        }
    }

    @Test
    void refusesWhatTheJdkRefuses() {
        for (var text : new String[] {"", " 1", "1 ", "0x10", "1.5", "abc"}) {
            assertThatThrownBy(() -> NumberText.parseLong(text)).as(text).isInstanceOf(NumberFormatException.class);
        }
        assertThatThrownBy(() -> NumberText.parseDecimal(null)).isInstanceOf(NumberFormatException.class);
    }
}
