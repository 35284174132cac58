package io.bta.tokenomics.rewards.internal;

import io.bta.tokenomics.rewards.RewardId;
import io.bta.tokenomics.shared.web.OpenApiConfig;
import io.bta.tokenomics.shared.web.ScalarJson;
import org.springframework.boot.jackson.JacksonComponent;

/** A reward id is a JSON string both ways (the UUID), as the API has always shown it. */
@JacksonComponent
public class RewardsJson {

    static {
        OpenApiConfig.describeAs(String.class, RewardId.class);
    }

    public static class RewardIdSerializer extends ScalarJson.StringSerializer<RewardId> {
        public RewardIdSerializer() {
            super(RewardId::toString);
        }
    }

    public static class RewardIdDeserializer extends ScalarJson.StringDeserializer<RewardId> {
        public RewardIdDeserializer() {
            super(RewardId.class, RewardId::of, false, null);
        }
    }
}
