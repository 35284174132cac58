package io.bta.tokenomics.shared.web;

import io.bta.tokenomics.shared.Amount;
import org.springframework.boot.jackson.JacksonComponent;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;

/**
 * Amounts are JSON strings in plain notation ({@code "1000.5"}), so no client parses them into a
 * double. Reading accepts a string or a number, taken from its text as written (events stored by
 * the event publication registry are read back this way). Request bodies carry amounts in string
 * fields and parse them with {@link io.bta.tokenomics.shared.error.Inputs}, which names the field.
 */
@JacksonComponent
public class AmountJson {

    public static class Serializer extends ValueSerializer<Amount> {
        @Override
        public void serialize(Amount value, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeString(value.toString());
        }
    }

    public static class Deserializer extends ValueDeserializer<Amount> {
        @Override
        public Amount deserialize(JsonParser p, DeserializationContext ctxt) {
            var token = p.currentToken();
            if (token != JsonToken.VALUE_STRING
                    && token != JsonToken.VALUE_NUMBER_INT
                    && token != JsonToken.VALUE_NUMBER_FLOAT) {
                return (Amount) ctxt.handleUnexpectedToken(Amount.class, p);
            }
            try {
                return Amount.parse(p.getString());
            } catch (IllegalArgumentException e) {
                throw ctxt.weirdStringException(p.getString(), Amount.class, e.getMessage());
            }
        }
    }
}
