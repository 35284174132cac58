package io.bta.tokenomics.farms.internal;

import io.bta.tokenomics.farms.FarmId;
import io.bta.tokenomics.shared.Ids;
import io.bta.tokenomics.shared.web.OpenApiConfig;
import io.bta.tokenomics.shared.web.ScalarJson;
import org.springframework.boot.jackson.JacksonComponent;

/** The farms' types in JSON: a farm id is a string (the UUID) both ways. */
@JacksonComponent
public class FarmsJson {

    static {
        OpenApiConfig.describeAs(String.class, FarmId.class);
    }

    public static class FarmIdSerializer extends ScalarJson.StringSerializer<FarmId> {
        public FarmIdSerializer() {
            super(FarmId::toString);
        }
    }

    public static class FarmIdDeserializer extends ScalarJson.StringDeserializer<FarmId> {
        public FarmIdDeserializer() {
            super(FarmId.class, text -> new FarmId(Ids.parse(text)), false, "a FarmId is a UUID");
        }
    }
}
