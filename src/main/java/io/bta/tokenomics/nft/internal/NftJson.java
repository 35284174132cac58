package io.bta.tokenomics.nft.internal;

import io.bta.tokenomics.nft.CollectionId;
import io.bta.tokenomics.shared.Ids;
import io.bta.tokenomics.shared.web.OpenApiConfig;
import io.bta.tokenomics.shared.web.ScalarJson;
import org.springframework.boot.jackson.JacksonComponent;

/** The NFT module's ids in JSON: a collection id is its UUID's text. */
@JacksonComponent
public class NftJson {

    static {
        OpenApiConfig.describeAs(String.class, CollectionId.class);
    }

    public static class CollectionIdSerializer extends ScalarJson.StringSerializer<CollectionId> {
        public CollectionIdSerializer() {
            super(CollectionId::toString);
        }
    }

    public static class CollectionIdDeserializer extends ScalarJson.StringDeserializer<CollectionId> {
        public CollectionIdDeserializer() {
            super(CollectionId.class, text -> new CollectionId(Ids.parse(text)), false, "a CollectionId is a UUID");
        }
    }
}
