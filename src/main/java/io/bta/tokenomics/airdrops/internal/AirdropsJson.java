package io.bta.tokenomics.airdrops.internal;

import io.bta.tokenomics.airdrops.AirdropId;
import io.bta.tokenomics.shared.Ids;
import io.bta.tokenomics.shared.web.OpenApiConfig;
import io.bta.tokenomics.shared.web.ScalarJson;
import org.springframework.boot.jackson.JacksonComponent;

/** The airdrops' types in JSON: a campaign id is a string (the UUID) both ways. */
@JacksonComponent
public class AirdropsJson {

    static {
        OpenApiConfig.describeAs(String.class, AirdropId.class);
    }

    public static class AirdropIdSerializer extends ScalarJson.StringSerializer<AirdropId> {
        public AirdropIdSerializer() {
            super(AirdropId::toString);
        }
    }

    public static class AirdropIdDeserializer extends ScalarJson.StringDeserializer<AirdropId> {
        public AirdropIdDeserializer() {
            super(AirdropId.class, text -> new AirdropId(Ids.parse(text)), false, "an AirdropId is a UUID");
        }
    }
}
