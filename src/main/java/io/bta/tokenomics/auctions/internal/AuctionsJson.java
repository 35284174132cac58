package io.bta.tokenomics.auctions.internal;

import io.bta.tokenomics.auctions.AuctionId;
import io.bta.tokenomics.shared.web.OpenApiConfig;
import io.bta.tokenomics.shared.web.ScalarJson;
import org.springframework.boot.jackson.JacksonComponent;

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

    public static class AuctionIdSerializer extends ScalarJson.StringSerializer<AuctionId> {
        public AuctionIdSerializer() {
            super(AuctionId::value);
        }
    }

    public static class AuctionIdDeserializer extends ScalarJson.StringDeserializer<AuctionId> {
        public AuctionIdDeserializer() {
            super(AuctionId.class, AuctionId::of, false, null);
        }
    }
}
