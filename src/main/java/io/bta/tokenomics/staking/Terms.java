package io.bta.tokenomics.staking;

import io.bta.tokenomics.shared.NumberText;
import java.math.BigDecimal;

/** Text to the numbers the pool's terms are made of; the terms' own types say what is valid. */
final class Terms {

    private Terms() {}

    /** The decimal written in {@code text}, or the refusal {@code notANumber}; null if no text. */
    static BigDecimal decimal(String text, String notANumber) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return NumberText.parseDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(notANumber);
        }
    }
}
