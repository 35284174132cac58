package io.bta.tokenomics.governance;

/**
 * A setting that an executed proposal may change with a {@code SET_PARAMETER} action. Modules
 * register their own as beans; the key names the module ({@code governance.voting-period},
 * {@code rewards.inflation-rate}). Only registered keys can be set, and only to values that
 * {@link #validate} accepts: the whitelist and the bounds live with the setting they protect.
 */
public interface GovernedParameter {

    String key();

    /** The value in force, as text. */
    String currentValue();

    /**
     * The values it accepts, in words for a proposer ({@code a duration from PT1S to PT2160H}), as
     * {@code GET /api/governance/parameters} lists them; {@link #validate} refuses the others with
     * the same words.
     */
    String bounds();

    /** Refuses a value out of bounds or malformed, with a message for the proposer. */
    void validate(String value) throws IllegalArgumentException;

    /** Puts the value in force; runs inside the proposal's execution transaction. */
    void apply(String value);
}
