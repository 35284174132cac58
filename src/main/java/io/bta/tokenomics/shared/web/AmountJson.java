package io.bta.tokenomics.shared.web;

import io.bta.tokenomics.shared.Amount;
import org.springframework.boot.jackson.JacksonComponent;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/**
 * Amounts leave as JSON strings in plain notation ({@code "1000.5"}), so no client parses them
 * into a double. Requests carry amounts in string fields (a JSON number's text is kept as written)
 * and are parsed with {@link io.bta.tokenomics.shared.error.Inputs}, which names the field at fault.
 */
@JacksonComponent
public class AmountJson {

    public static class Serializer extends ValueSerializer<Amount> {
        @Override
        public void serialize(Amount value, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeString(value.toString());
        }
    }
}
