package io.bta.tokenomics.auctions.internal;

import io.bta.tokenomics.auctions.AuctionId;
import io.bta.tokenomics.shared.web.OpenApiConfig;
import org.springframework.boot.jackson.JacksonComponent;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;

/**
 * An auction id is a JSON string both ways, as the API has always shown it. Events stored by the
 * event publication registry before the id had a type hold the same string, so they read back
 * unchanged.
 */
@JacksonComponent
public class AuctionsJson {

    static {
        OpenApiConfig.describeAs(String.class, AuctionId.class);
    }

    public static class AuctionIdSerializer extends ValueSerializer<AuctionId> {
        @Override
        public void serialize(AuctionId value, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeString(value.value());
        }
    }

    public static class AuctionIdDeserializer extends ValueDeserializer<AuctionId> {
        @Override
        public AuctionId deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (AuctionId) ctxt.handleUnexpectedToken(AuctionId.class, p);
            }
            var text = p.getString();
            try {
                return AuctionId.of(text);
            } catch (IllegalArgumentException e) {
                throw ctxt.weirdStringException(text, AuctionId.class, e.getMessage());
            }
        }
    }
}
