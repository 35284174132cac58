package io.bta.tokenomics.governance;

import java.util.Map;
import java.util.Objects;

/** One typed action of a proposal, with its parameters as text (amounts stay exact). */
public record ProposalAction(String type, Map<String, String> parameters) {

    public ProposalAction {
        Objects.requireNonNull(type, "type");
        parameters = Map.copyOf(parameters);
    }
}
