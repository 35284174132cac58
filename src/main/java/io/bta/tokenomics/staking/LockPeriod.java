package io.bta.tokenomics.staking;

import io.bta.tokenomics.shared.NumberText;
import java.time.Duration;
import java.time.Instant;

/** How long a stake stays locked: whole days from 0 (unlocked at once) to 3650 (ten years). */
public record LockPeriod(int days) {

    public static final int MAX_DAYS = 3650;

    public static final String REQUIRED = "is required (whole days, 0 allowed)";
    public static final String OUT_OF_RANGE = "must be whole days between 0 and 3650";

    public LockPeriod {
        if (days < 0 || days > MAX_DAYS) {
            throw new IllegalArgumentException(OUT_OF_RANGE);
        }
    }

    public static LockPeriod ofDays(Integer days) {
        if (days == null) {
            throw new IllegalArgumentException(REQUIRED);
        }
        return new LockPeriod(days);
    }

    public static LockPeriod ofDays(String days) {
        if (days == null || days.isBlank()) {
            throw new IllegalArgumentException(REQUIRED);
        }
        try {
            return new LockPeriod(NumberText.parseInt(days.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(OUT_OF_RANGE);
        }
    }

    public Duration duration() {
        return Duration.ofDays(days);
    }

    /** When a stake opened at {@code stakedAt} unlocks. */
    public Instant unlocksAt(Instant stakedAt) {
        return stakedAt.plus(duration());
    }
}
