package io.bta.tokenomics.staking;

import io.bta.tokenomics.shared.Decimals;
import java.math.BigDecimal;

/**
 * A pool's annual percentage yield: 12.5 is 12.5% a year, simple interest on the principal. From 0
 * to 1000 percent with at most 6 decimals, the precision {@code staking_pools.apy} stores exactly.
 */
public record Apy(BigDecimal percent) {

    public static final BigDecimal MAX_PERCENT = BigDecimal.valueOf(1000);
    public static final int MAX_DECIMALS = 6;

    public static final String REQUIRED = "is required";
    public static final String NOT_A_NUMBER = "must be a decimal number such as 12.5";
    public static final String OUT_OF_RANGE = "must be between 0 and 1000 (percent), at most 6 decimals";

    public Apy {
        if (percent == null) {
            throw new IllegalArgumentException(REQUIRED);
        }
        if (percent.signum() < 0
                || percent.compareTo(MAX_PERCENT) > 0
                || percent.stripTrailingZeros().scale() > MAX_DECIMALS) {
            throw new IllegalArgumentException(OUT_OF_RANGE);
        }
        percent = Decimals.plain(percent);
    }

    public static Apy ofPercent(BigDecimal percent) {
        return new Apy(percent);
    }

    public static Apy ofPercent(String percent) {
        return new Apy(Terms.decimal(percent, NOT_A_NUMBER));
    }

    @Override
    public String toString() {
        return percent.toPlainString();
    }
}
