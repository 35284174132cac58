package io.bta.tokenomics.guarantees.internal;

import io.bta.tokenomics.guarantees.AllocationId;
import io.bta.tokenomics.shared.Ids;
import io.bta.tokenomics.shared.web.OpenApiConfig;
import io.bta.tokenomics.shared.web.ScalarJson;
import org.springframework.boot.jackson.JacksonComponent;

/**
 * An allocation id is a JSON string (its UUID) both ways: events stored by the event publication
 * registry before the id had a type hold the same string, so they are read back unchanged.
 */
@JacksonComponent
public class GuaranteesJson {

    static {
        OpenApiConfig.describeAs(String.class, AllocationId.class);
    }

    public static class AllocationIdSerializer extends ScalarJson.StringSerializer<AllocationId> {
        public AllocationIdSerializer() {
            super(AllocationId::toString);
        }
    }

    public static class AllocationIdDeserializer extends ScalarJson.StringDeserializer<AllocationId> {
        public AllocationIdDeserializer() {
            super(AllocationId.class, text -> new AllocationId(Ids.parse(text)), false, "an allocation id is a UUID");
        }
    }
}
