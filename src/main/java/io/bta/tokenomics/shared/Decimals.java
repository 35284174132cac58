package io.bta.tokenomics.shared;

import java.math.BigDecimal;

/** Decimals as people read them: no trailing zeros and never an exponent (100, not 1E+2). */
public final class Decimals {

    private Decimals() {}

    /** The same value without trailing zeros and with a scale of at least 0; null stays null. */
    public static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        var stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
