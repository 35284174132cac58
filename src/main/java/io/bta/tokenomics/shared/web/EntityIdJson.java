package io.bta.tokenomics.shared.web;

import io.bta.tokenomics.shared.EntityId;
import org.springframework.boot.jackson.JacksonComponent;

/**
 * An entity id is a JSON string, {@code "alice"}, as every answer and every webhook shows it.
 * Reading also accepts {@code {"value": "alice"}}: events stored by the event publication registry
 * before ids were written as strings are read back that way when they are republished.
 */
@JacksonComponent
public class EntityIdJson {

    public static class Serializer extends ScalarJson.StringSerializer<EntityId> {
        public Serializer() {
            super(EntityId::value);
        }
    }

    public static class Deserializer extends ScalarJson.StringDeserializer<EntityId> {
        public Deserializer() {
            super(EntityId.class, EntityId::of, true, null);
        }
    }
}
