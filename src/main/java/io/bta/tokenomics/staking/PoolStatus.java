package io.bta.tokenomics.staking;

import java.util.Locale;

/** ACTIVE takes stakes; PAUSED takes none but keeps accruing; CLOSED takes none and accrues no more. */
public enum PoolStatus {
    ACTIVE,
    PAUSED,
    CLOSED;

    public static final String UNKNOWN = "must be ACTIVE, PAUSED or CLOSED";

    /** The status named by {@code text}, in any case. */
    public static PoolStatus parse(String text) {
        try {
            return valueOf(text == null ? "" : text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(UNKNOWN);
        }
    }
}
