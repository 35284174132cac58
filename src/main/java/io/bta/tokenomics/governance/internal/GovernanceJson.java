package io.bta.tokenomics.governance.internal;

import io.bta.tokenomics.governance.ProposalAction;
import io.bta.tokenomics.governance.ProposalId;
import io.bta.tokenomics.shared.Ids;
import io.bta.tokenomics.shared.web.OpenApiConfig;
import io.bta.tokenomics.shared.web.ScalarJson;
import java.util.Map;
import org.springframework.boot.jackson.JacksonComponent;

/**
 * A proposal id is a JSON string (the UUID) both ways, as the API has always shown it. A proposal's
 * actions are described in the OpenAPI document as the objects the API writes ({@code type} and
 * the parameters side by side, {@link ProposalAction.Flat}), not as the record's own shape, which
 * is how they are stored.
 */
@JacksonComponent
public class GovernanceJson {

    static {
        OpenApiConfig.describeAs(String.class, ProposalId.class);
        OpenApiConfig.describeAs(Map.class, ProposalAction.class);
    }

    public static class ProposalIdSerializer extends ScalarJson.StringSerializer<ProposalId> {
        public ProposalIdSerializer() {
            super(ProposalId::toString);
        }
    }

    public static class ProposalIdDeserializer extends ScalarJson.StringDeserializer<ProposalId> {
        public ProposalIdDeserializer() {
            super(ProposalId.class, text -> new ProposalId(Ids.parse(text)), false, "a ProposalId is a UUID");
        }
    }
}
