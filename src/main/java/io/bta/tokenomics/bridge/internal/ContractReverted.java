package io.bta.tokenomics.bridge.internal;

import java.util.Optional;

/**
 * The chain refused a call: the contract reverted, when the transaction was estimated or when it was
 * mined. Final, unlike an {@link java.io.IOException} (the node could not be reached), which may
 * be retried.
 */
public class ContractReverted extends RuntimeException {

    private final String error;
    private final String data;

    ContractReverted(String function, String error, String data, String nodeMessage) {
        super(function + " reverted"
                + (error != null ? " with " + error : "")
                + (nodeMessage != null ? " (" + nodeMessage + ")" : ""));
        this.error = error;
        this.data = data;
    }

    /** The contract's custom error, by its signature ({@code AlreadyProcessed(bytes32)}), when known. */
    public Optional<String> error() {
        return Optional.ofNullable(error);
    }

    /** The custom error's name alone ({@code AlreadyProcessed}), when known. */
    public Optional<String> errorName() {
        return error().map(e -> e.substring(0, e.indexOf('(')));
    }

    /** The raw revert data ({@code 0x}…), when the node gave it. */
    public Optional<String> data() {
        return Optional.ofNullable(data);
    }
}
