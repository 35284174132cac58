package io.bta.tokenomics.ledger.internal;

import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.ledger.TxHash;
import io.bta.tokenomics.shared.web.OpenApiConfig;
import java.util.UUID;
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
 * A token id is a JSON string (its UUID) and a transaction hash its 64 hex digits, as every answer
 * shows them. A token id is also read from {@code {"value": "..."}}: events stored by the event
 * publication registry before ids were written as strings are read back that way when republished.
 */
@JacksonComponent
public class LedgerJson {

    static {
        OpenApiConfig.describeAs(String.class, TokenId.class, TxHash.class);
    }

    public static class TokenIdSerializer extends ValueSerializer<TokenId> {
        @Override
        public void serialize(TokenId value, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeString(value.value().toString());
        }
    }

    public static class TokenIdDeserializer extends ValueDeserializer<TokenId> {
        @Override
        public TokenId deserialize(JsonParser p, DeserializationContext ctxt) {
            String text;
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                text = p.getString();
            } else if (p.currentToken() == JsonToken.START_OBJECT) {
                JsonNode legacy = ctxt.readTree(p);
                if (legacy.size() != 1 || !legacy.path("value").isString()) {
                    return (TokenId) ctxt.handleUnexpectedToken(TokenId.class, p);
                }
                text = legacy.get("value").asString();
            } else {
                return (TokenId) ctxt.handleUnexpectedToken(TokenId.class, p);
            }
            try {
                return new TokenId(UUID.fromString(text));
            } catch (IllegalArgumentException e) {
                throw ctxt.weirdStringException(text, TokenId.class, "a token id is a UUID");
            }
        }
    }

    public static class TxHashSerializer extends ValueSerializer<TxHash> {
        @Override
        public void serialize(TxHash value, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeString(value.hex());
        }
    }
}
