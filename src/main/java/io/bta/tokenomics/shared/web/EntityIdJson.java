package io.bta.tokenomics.shared.web;

import io.bta.tokenomics.shared.EntityId;
import org.springframework.boot.jackson.JacksonComponent;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;

/**
 * An entity id is a JSON string, {@code "alice"}, as every answer and every webhook shows it.
 * Reading also accepts {@code {"value": "alice"}}: events stored by the event publication registry
 * before ids were written as strings are read back that way when they are republished.
 */
@JacksonComponent
public class EntityIdJson {

    public static class Serializer extends ValueSerializer<EntityId> {
        @Override
        public void serialize(EntityId value, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeString(value.value());
        }
    }

    public static class Deserializer extends ValueDeserializer<EntityId> {
        @Override
        public EntityId deserialize(JsonParser p, DeserializationContext ctxt) {
            String text;
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                text = p.getString();
            } else if (p.currentToken() == JsonToken.START_OBJECT) {
                JsonNode legacy = ctxt.readTree(p);
                if (legacy.size() != 1 || !legacy.path("value").isString()) {
                    return (EntityId) ctxt.handleUnexpectedToken(EntityId.class, p);
                }
                text = legacy.get("value").asString();
            } else {
                return (EntityId) ctxt.handleUnexpectedToken(EntityId.class, p);
            }
            try {
                return EntityId.of(text);
            } catch (IllegalArgumentException e) {
                throw ctxt.weirdStringException(text, EntityId.class, e.getMessage());
            }
        }
    }
}
