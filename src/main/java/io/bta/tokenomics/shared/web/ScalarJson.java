package io.bta.tokenomics.shared.web;

import java.util.function.Function;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;

/**
 * The two halves every value type written as one JSON string needs (an id, a hash, a rate). A
 * module's {@code *Json} class declares a subclass per type with its conversion, and registers it
 * with {@code @JacksonComponent}.
 */
public final class ScalarJson {

    private ScalarJson() {}

    /** Writes a value as the JSON string {@code text} makes of it. */
    public abstract static class StringSerializer<T> extends ValueSerializer<T> {

        private final Function<T, String> text;

        protected StringSerializer(Function<T, String> text) {
            this.text = text;
        }

        @Override
        public void serialize(T value, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeString(text.apply(value));
        }
    }

    /**
     * Reads a value from a JSON string through {@code parse}, which refuses invalid text with an
     * {@link IllegalArgumentException}. The refusal names {@code invalid}, or the exception's own
     * message when {@code invalid} is null. With {@code legacyObject}, {@code {"value": "…"}} is
     * read too: events stored by the event publication registry before the type was written as a
     * string hold that shape.
     */
    public abstract static class StringDeserializer<T> extends ValueDeserializer<T> {

        private final Class<T> type;
        private final Function<String, T> parse;
        private final boolean legacyObject;
        private final String invalid;

        protected StringDeserializer(Class<T> type, Function<String, T> parse, boolean legacyObject, String invalid) {
            this.type = type;
            this.parse = parse;
            this.legacyObject = legacyObject;
            this.invalid = invalid;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) {
            String text;
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                text = p.getString();
            } else if (legacyObject && p.currentToken() == JsonToken.START_OBJECT) {
                JsonNode legacy = ctxt.readTree(p);
                if (legacy.size() != 1 || !legacy.path("value").isString()) {
                    return type.cast(ctxt.handleUnexpectedToken(type, p));
                }
                text = legacy.get("value").asString();
            } else {
                return type.cast(ctxt.handleUnexpectedToken(type, p));
            }
            try {
                return parse.apply(text);
            } catch (IllegalArgumentException e) {
                throw ctxt.weirdStringException(text, type, invalid == null ? e.getMessage() : invalid);
            }
        }
    }
}
