package io.bta.tokenomics.amm.internal;

import io.bta.tokenomics.amm.PoolId;
import io.bta.tokenomics.shared.Ids;
import io.bta.tokenomics.shared.web.OpenApiConfig;
import io.bta.tokenomics.shared.web.ScalarJson;
import org.springframework.boot.jackson.JacksonComponent;

/** The AMM's types in JSON: a pool id is a string (the UUID) both ways. */
@JacksonComponent
public class AmmJson {

    static {
        OpenApiConfig.describeAs(String.class, PoolId.class);
    }

    public static class PoolIdSerializer extends ScalarJson.StringSerializer<PoolId> {
        public PoolIdSerializer() {
            super(PoolId::toString);
        }
    }

    public static class PoolIdDeserializer extends ScalarJson.StringDeserializer<PoolId> {
        public PoolIdDeserializer() {
            super(PoolId.class, text -> new PoolId(Ids.parse(text)), false, "an AMM PoolId is a UUID");
        }
    }
}
