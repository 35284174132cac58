package io.bta.tokenomics.ledger.internal;

import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.ledger.TxHash;
import io.bta.tokenomics.shared.Ids;
import io.bta.tokenomics.shared.web.OpenApiConfig;
import io.bta.tokenomics.shared.web.ScalarJson;
import org.springframework.boot.jackson.JacksonComponent;

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

    public static class TokenIdSerializer extends ScalarJson.StringSerializer<TokenId> {
        public TokenIdSerializer() {
            super(id -> id.value().toString());
        }
    }

    public static class TokenIdDeserializer extends ScalarJson.StringDeserializer<TokenId> {
        public TokenIdDeserializer() {
            super(TokenId.class, text -> new TokenId(Ids.parse(text)), true, "a token id is a UUID");
        }
    }

    public static class TxHashSerializer extends ScalarJson.StringSerializer<TxHash> {
        public TxHashSerializer() {
            super(TxHash::hex);
        }
    }
}
