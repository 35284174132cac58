package io.bta.tokenomics.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bta.tokenomics.shared.error.Inputs;
import io.bta.tokenomics.shared.error.InvalidInput;
import java.time.DayOfWeek;
import org.junit.jupiter.api.Test;

/** An enum parameter read by {@link Inputs}: any case, absent as null, refused with every name. */
class InputsTest {

    @Test
    void anEnumIsNamedInAnyCaseAndAbsentIsNull() {
        var in = new Inputs();
        assertThat(in.optionalOneOf("day", "monday", DayOfWeek.class)).isEqualTo(DayOfWeek.MONDAY);
        assertThat(in.optionalOneOf("day", null, DayOfWeek.class)).isNull();
        assertThat(in.requiredOneOf("day", "Sunday", DayOfWeek.class)).isEqualTo(DayOfWeek.SUNDAY);
        in.check();
    }

    @Test
    void anUnknownOrMissingEnumIsRefusedNamingTheField() {
        var in = new Inputs();
        assertThat(in.optionalOneOf("day", "someday", DayOfWeek.class)).isNull();
        assertThat(in.requiredOneOf("other", null, DayOfWeek.class)).isNull();
        assertThatThrownBy(in::check).isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                .extracting(InvalidInput.FieldError::field, InvalidInput.FieldError::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "day", "must be one of MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY"),
                        org.assertj.core.groups.Tuple.tuple("other", "is required")));
    }
}
