package io.bta.tokenomics.governance;

import java.util.Map;

/**
 * A kind of action a proposal can carry ({@code MINT}, {@code TREASURY_TRANSFER},
 * {@code SET_PARAMETER}, and those other modules register as beans). Parameters are text, so that
 * amounts stay exact.
 */
public interface ProposalActionType {

    /** The action's type name, upper case: {@code MINT}. */
    String type();

    /**
     * Checks the parameters when the proposal is created. Throws {@link IllegalArgumentException}
     * naming the parameter and what is wrong; returns the parameters to store (normalized).
     */
    Map<String, String> validate(Map<String, String> parameters);

    /** Carries the action out, inside the one transaction that executes the whole proposal. */
    void execute(Map<String, String> parameters, Execution execution);

    /** What an action knows about the execution it is part of. */
    record Execution(ProposalId proposalId, io.bta.tokenomics.shared.EntityId executedBy) {}
}
