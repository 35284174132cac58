package io.bta.tokenomics.staking.internal;

import io.bta.tokenomics.shared.web.OpenApiConfig;
import io.bta.tokenomics.staking.Apy;
import io.bta.tokenomics.staking.EarlyUnstakePenalty;
import io.bta.tokenomics.staking.LockPeriod;
import io.bta.tokenomics.staking.MinTrustScore;
import io.bta.tokenomics.staking.PoolId;
import io.bta.tokenomics.staking.StakeId;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.boot.jackson.JacksonComponent;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
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

    public static class PoolIdSerializer extends ValueSerializer<PoolId> {
        @Override
        public void serialize(PoolId value, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeString(value.toString());
        }
    }

    public static class PoolIdDeserializer extends ValueDeserializer<PoolId> {
        @Override
        public PoolId deserialize(JsonParser p, DeserializationContext ctxt) {
            return uuid(p, ctxt, PoolId.class, PoolId::new);
        }
    }

    public static class StakeIdSerializer extends ValueSerializer<StakeId> {
        @Override
        public void serialize(StakeId value, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeString(value.toString());
        }
    }

    public static class StakeIdDeserializer extends ValueDeserializer<StakeId> {
        @Override
        public StakeId deserialize(JsonParser p, DeserializationContext ctxt) {
            return uuid(p, ctxt, StakeId.class, StakeId::new);
        }
    }

    public static class ApySerializer extends ValueSerializer<Apy> {
        @Override
        public void serialize(Apy value, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeString(value.percent().toPlainString());
        }
    }

    public static class LockPeriodSerializer extends ValueSerializer<LockPeriod> {
        @Override
        public void serialize(LockPeriod value, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeNumber(value.days());
        }
    }

    public static class MinTrustScoreSerializer extends ValueSerializer<MinTrustScore> {
        @Override
        public void serialize(MinTrustScore value, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeString(value.score().toPlainString());
        }
    }

    public static class EarlyUnstakePenaltySerializer extends ValueSerializer<EarlyUnstakePenalty> {
        @Override
        public void serialize(EarlyUnstakePenalty value, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeString(value.fraction().toPlainString());
        }
    }

    private static <T> T uuid(JsonParser p, DeserializationContext ctxt, Class<T> type, Function<UUID, T> id) {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            return type.cast(ctxt.handleUnexpectedToken(type, p));
        }
        var text = p.getString();
        try {
            return id.apply(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            throw ctxt.weirdStringException(text, type, "a " + type.getSimpleName() + " is a UUID");
        }
    }
}
