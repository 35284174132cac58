package io.bta.tokenomics.governance;

import java.util.List;

/**
 * One module's governed parameters, registered as a single bean (usually
 * {@link GovernedSettings#parameters()}); governance collects every module's for
 * {@code SET_PARAMETER} and {@code GET /api/governance/parameters}. A holder rather than a
 * {@code List<GovernedParameter>} bean: an injection point of that type would take Spring's
 * collection of single beans, or fail on two lists.
 */
public record GovernedParameters(List<GovernedParameter> all) {

    public GovernedParameters {
        all = List.copyOf(all);
    }
}
