package io.bta.tokenomics.shared.web;

import io.bta.tokenomics.shared.Decimals;
import java.math.BigDecimal;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/**
 * A decimal written as a JSON string as people read it, without trailing zeros and never with an
 * exponent ({@code "1500"}, {@code "0.25"}; see {@link Decimals#plain}), for a figure that no
 * client may read as a double. Unlike {@link PlainDecimalText}, which keeps every digit, it drops
 * the zeros a scale adds. Put on a field with {@code @JsonSerialize(using = DecimalText.class)}.
 */
public class DecimalText extends ValueSerializer<BigDecimal> {

    @Override
    public void serialize(BigDecimal value, JsonGenerator gen, SerializationContext ctxt) {
        gen.writeString(Decimals.plain(value).toPlainString());
    }
}
