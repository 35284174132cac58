package io.bta.tokenomics.staking.internal;

import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.staking.Apy;
import io.bta.tokenomics.staking.PoolStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

/**
 * The accrual formula, exact. A pool's index is Σ(apy × seconds) over its life (the APY in force
 * at each moment, zero once closed). A stake of principal P that started at index I₀ has earned
 * {@code P × (I − I₀) / (100 × 31,536,000)}; it is paid rounded down to the smallest unit, and
 * because each payout is "earned so far, rounded down, minus paid so far", the remainder of one
 * payout is carried into the next: nothing is lost and nothing invented.
 */
public final class Accrual {

    /** 100 (APY is a percentage) × 31,536,000 (seconds in a 365-day year). */
    public static final BigDecimal DENOMINATOR = BigDecimal.valueOf(3_153_600_000L);

    private Accrual() {}

    public static BigDecimal indexAt(BigDecimal index, Apy apy, PoolStatus status, Instant updatedAt, Instant now) {
        if (status == PoolStatus.CLOSED || !now.isAfter(updatedAt)) {
            return index;
        }
        long micros = Duration.between(updatedAt, now).toNanos() / 1_000;
        return index.add(apy.percent().multiply(BigDecimal.valueOf(micros, 6)));
    }

    /** What a stake has earned in all, rounded down to the smallest unit. */
    public static Amount earned(Amount principal, BigDecimal indexAtStake, BigDecimal indexNow) {
        var exact = principal
                .toBigDecimal()
                .multiply(indexNow.subtract(indexAtStake))
                .divide(DENOMINATOR, Amount.SCALE, RoundingMode.DOWN);
        return Amount.of(exact);
    }

    /** What is due now: earned so far minus paid so far (never negative). */
    public static Amount pending(Amount principal, BigDecimal indexAtStake, BigDecimal indexNow, Amount paid) {
        var due = earned(principal, indexAtStake, indexNow).minus(paid);
        return due.isNegative() ? Amount.ZERO : due;
    }
}
