package io.bta.tokenomics.governance;

import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.NumberText;
import java.math.BigDecimal;

/**
 * The share of the BTA-GOV supply at a proposal's snapshot whose weight must vote FOR or ABSTAIN
 * for the proposal to pass: a decimal from 0 to 1 written with at most 6 decimals. The governed
 * parameter {@code governance.quorum-fraction} and its configured default are this type.
 */
public record QuorumFraction(BigDecimal fraction) {

    public static final int MAX_DECIMALS = 6;

    /** The values accepted, as {@code GET /api/governance/parameters} lists them. */
    public static final String BOUNDS = "a decimal from 0 to 1, at most 6 decimals";

    public static final String OUT_OF_RANGE = "must be " + BOUNDS;

    public QuorumFraction {
        // The scale as written, not stripped: "0.0400000" has 7 decimals and is refused, as it
        // always was.
        if (fraction == null
                || fraction.signum() < 0
                || fraction.compareTo(BigDecimal.ONE) > 0
                || fraction.scale() > MAX_DECIMALS) {
            throw new IllegalArgumentException(OUT_OF_RANGE);
        }
    }

    /** The fraction written as text, in the digits 0 to 9 ("0.04", "4e-2"). */
    public static QuorumFraction of(String text) {
        BigDecimal fraction;
        try {
            fraction = NumberText.parseDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a decimal number; " + OUT_OF_RANGE);
        }
        return new QuorumFraction(fraction);
    }

    /**
     * The quorum of a proposal whose snapshot holds {@code supply}: the weight that FOR and ABSTAIN
     * together must reach. Exact, never rounded: an amount has 18 decimals and the fraction at
     * most 6, so the product has at most 24, which {@code governance_proposals.quorum} (26
     * decimals) stores as it is.
     */
    public BigDecimal quorum(Amount supply) {
        return supply.toBigDecimal().multiply(fraction);
    }

    @Override
    public String toString() {
        return fraction.toPlainString();
    }
}
