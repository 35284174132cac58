package io.bta.tokenomics.shared.web;

import io.bta.tokenomics.shared.Decimals;
import java.math.BigDecimal;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/**
 * A decimal written as a JSON number as people read it, without trailing zeros ({@code 0.05},
 * {@code 100}, never {@code 1E+2}; see {@link Decimals#plain}), for a rate or a fraction that a
 * client reads as a number. Put on a field with {@code @JsonSerialize(using = PlainDecimalNumber.class)}.
 */
public class PlainDecimalNumber extends ValueSerializer<BigDecimal> {

    @Override
    public void serialize(BigDecimal value, JsonGenerator gen, SerializationContext ctxt) {
        gen.writeNumber(Decimals.plain(value));
    }
}
