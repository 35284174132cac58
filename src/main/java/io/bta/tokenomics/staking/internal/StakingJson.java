package io.bta.tokenomics.staking.internal;

import io.bta.tokenomics.shared.Ids;
import io.bta.tokenomics.shared.web.OpenApiConfig;
import io.bta.tokenomics.shared.web.ScalarJson;
import io.bta.tokenomics.staking.Apy;
import io.bta.tokenomics.staking.EarlyUnstakePenalty;
import io.bta.tokenomics.staking.LockPeriod;
import io.bta.tokenomics.staking.MinTrustScore;
import io.bta.tokenomics.staking.PoolId;
import io.bta.tokenomics.staking.StakeId;
import org.springframework.boot.jackson.JacksonComponent;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/**
 * Staking's types in JSON, as the API has always shown them. A pool id and a stake id are strings
 * (the UUID) both ways: events stored by the event publication registry before the ids had types
 * hold the same strings, so they are read back unchanged. A pool's terms are written as clients
 * read them: {@code apy}, {@code minTrustScore} and {@code earlyUnstakePenalty} as decimal strings
 * ({@code "12.5"}), {@code lockPeriod} as a number of days. Requests carry terms as plain fields
 * that the controller turns into these types, naming the field when one is refused.
 */
@JacksonComponent
public class StakingJson {

    static {
        OpenApiConfig.describeAs(
                String.class, PoolId.class, StakeId.class, Apy.class, MinTrustScore.class, EarlyUnstakePenalty.class);
        OpenApiConfig.describeAs(Integer.class, LockPeriod.class);
    }

    public static class PoolIdSerializer extends ScalarJson.StringSerializer<PoolId> {
        public PoolIdSerializer() {
            super(PoolId::toString);
        }
    }

    public static class PoolIdDeserializer extends ScalarJson.StringDeserializer<PoolId> {
        public PoolIdDeserializer() {
            super(PoolId.class, text -> new PoolId(Ids.parse(text)), false, "a PoolId is a UUID");
        }
    }

    public static class StakeIdSerializer extends ScalarJson.StringSerializer<StakeId> {
        public StakeIdSerializer() {
            super(StakeId::toString);
        }
    }

    public static class StakeIdDeserializer extends ScalarJson.StringDeserializer<StakeId> {
        public StakeIdDeserializer() {
            super(StakeId.class, text -> new StakeId(Ids.parse(text)), false, "a StakeId is a UUID");
        }
    }

    public static class ApySerializer extends ScalarJson.StringSerializer<Apy> {
        public ApySerializer() {
            super(apy -> apy.percent().toPlainString());
        }
    }

    public static class LockPeriodSerializer extends ValueSerializer<LockPeriod> {
        @Override
        public void serialize(LockPeriod value, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeNumber(value.days());
        }
    }

    public static class MinTrustScoreSerializer extends ScalarJson.StringSerializer<MinTrustScore> {
        public MinTrustScoreSerializer() {
            super(score -> score.score().toPlainString());
        }
    }

    public static class EarlyUnstakePenaltySerializer extends ScalarJson.StringSerializer<EarlyUnstakePenalty> {
        public EarlyUnstakePenaltySerializer() {
            super(penalty -> penalty.fraction().toPlainString());
        }
    }
}
