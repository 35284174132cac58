package io.bta.tokenomics.vesting.internal;

import io.bta.tokenomics.shared.Ids;
import io.bta.tokenomics.shared.web.OpenApiConfig;
import io.bta.tokenomics.shared.web.ScalarJson;
import io.bta.tokenomics.vesting.VestingId;
import org.springframework.boot.jackson.JacksonComponent;

/** Vesting's types in JSON: a schedule id is a string (the UUID) both ways. */
@JacksonComponent
public class VestingJson {

    static {
        OpenApiConfig.describeAs(String.class, VestingId.class);
    }

    public static class VestingIdSerializer extends ScalarJson.StringSerializer<VestingId> {
        public VestingIdSerializer() {
            super(VestingId::toString);
        }
    }

    public static class VestingIdDeserializer extends ScalarJson.StringDeserializer<VestingId> {
        public VestingIdDeserializer() {
            super(VestingId.class, text -> new VestingId(Ids.parse(text)), false, "a VestingId is a UUID");
        }
    }
}
