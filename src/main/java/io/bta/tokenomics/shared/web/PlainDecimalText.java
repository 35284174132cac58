package io.bta.tokenomics.shared.web;

import java.math.BigDecimal;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/**
 * A decimal written as a JSON string in plain notation with every digit it has
 * ({@code "855.000000000000000000"}, never {@code "5E-19"}), for a value whose exactness a client
 * must keep and whose digits may exceed what a double holds. Put on a field with
 * {@code @JsonSerialize(using = PlainDecimalText.class)}; the mapper reads it back as a decimal.
 */
public class PlainDecimalText extends ValueSerializer<BigDecimal> {

    @Override
    public void serialize(BigDecimal value, JsonGenerator gen, SerializationContext ctxt) {
        gen.writeString(value.toPlainString());
    }
}
