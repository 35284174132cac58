package io.bta.tokenomics.shared.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** An enum read from a request field: its name in any case, or the refusal the caller gave. */
class InputsEnumTest {

    enum Colour {
        RED,
        DARK_BLUE
    }

    static final String NOT_A_COLOUR = "must be RED or DARK_BLUE";

    @Test
    void aNameInAnyCaseIsItsConstant() {
        var in = new Inputs();
        assertThat(in.optionalEnum("colour", Colour.class, "RED", NOT_A_COLOUR)).isEqualTo(Colour.RED);
        assertThat(in.optionalEnum("colour", Colour.class, "dark_Blue", NOT_A_COLOUR))
                .isEqualTo(Colour.DARK_BLUE);
        assertThat(in.requiredEnum("colour", Colour.class, "red", NOT_A_COLOUR)).isEqualTo(Colour.RED);
        assertThat(in.hasErrors()).isFalse();
    }

    @Test
    void anAbsentOptionalFieldIsNull() {
        var in = new Inputs();
        assertThat(in.optionalEnum("colour", Colour.class, null, NOT_A_COLOUR)).isNull();
        assertThat(in.hasErrors()).isFalse();
    }

    @Test
    void anyOtherTextIsRefusedWithTheGivenWords() {
        var in = new Inputs();
        assertThat(in.optionalEnum("colour", Colour.class, "GREEN", NOT_A_COLOUR))
                .isNull();
        assertThat(in.requiredEnum("shade", Colour.class, "", NOT_A_COLOUR)).isNull();
        assertThat(in.optionalEnum("tint", Colour.class, " RED", NOT_A_COLOUR)).isNull();
        assertThatThrownBy(in::check).isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                .isEqualTo(List.of(
                        new InvalidInput.FieldError("colour", NOT_A_COLOUR),
                        new InvalidInput.FieldError("shade", NOT_A_COLOUR),
                        new InvalidInput.FieldError("tint", NOT_A_COLOUR))));
    }

    @Test
    void anAbsentRequiredFieldIsRequired() {
        var in = new Inputs();
        assertThat(in.requiredEnum("colour", Colour.class, null, NOT_A_COLOUR)).isNull();
        assertThatThrownBy(in::check).isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                .isEqualTo(List.of(new InvalidInput.FieldError("colour", "is required"))));
    }
}
