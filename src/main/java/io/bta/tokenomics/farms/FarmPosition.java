package io.bta.tokenomics.farms;

import java.math.BigInteger;
import java.util.Objects;

/**
 * One owner's position in a farm. {@code rewardDebt} is {@code workingAmount × accRewardPerShare}
 * at the last settlement, kept unscaled so it is exact; settling adds {@code (working × acc −
 * rewardDebt + carry) / SCALE} to {@code pending} and carries the remainder. Since the working
 * amounts of a farm add up to its total, the positions together are never owed more than the farm
 * has emitted. Callers accrue the farm before settling a position.
 */
public record FarmPosition(
        BigInteger amount,
        BigInteger workingAmount,
        BigInteger rewardDebt,
        BigInteger carry,
        BigInteger pending,
        BigInteger harvested) {

    public static final FarmPosition EMPTY = new FarmPosition(
            BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO);

    public FarmPosition {
        Objects.requireNonNull(amount);
        Objects.requireNonNull(workingAmount);
        Objects.requireNonNull(rewardDebt);
        Objects.requireNonNull(carry);
        Objects.requireNonNull(pending);
        Objects.requireNonNull(harvested);
        if (amount.signum() < 0
                || workingAmount.signum() < 0
                || rewardDebt.signum() < 0
                || carry.signum() < 0
                || pending.signum() < 0
                || harvested.signum() < 0) {
            throw new IllegalArgumentException("farm position values must not be negative");
        }
    }

    /** Moves what the index owes this position into {@code pending}. */
    public FarmPosition settle(BigInteger accRewardPerShare) {
        BigInteger accrued = workingAmount.multiply(accRewardPerShare);
        BigInteger[] owed = accrued.subtract(rewardDebt).add(carry).divideAndRemainder(FarmAccrual.SCALE);
        return new FarmPosition(amount, workingAmount, accrued, owed[1], pending.add(owed[0]), harvested);
    }

    /** Settles, then sets the staked and working amounts (deposit, withdrawal, kick). */
    public FarmPosition withAmounts(BigInteger accRewardPerShare, BigInteger newAmount, BigInteger newWorking) {
        FarmPosition settled = settle(accRewardPerShare);
        return new FarmPosition(
                newAmount,
                newWorking,
                newWorking.multiply(accRewardPerShare),
                settled.carry,
                settled.pending,
                settled.harvested);
    }

    /** Settles and pays everything pending: {@code pending} becomes zero, {@code harvested} grows. */
    public FarmPosition harvest(BigInteger accRewardPerShare) {
        FarmPosition settled = settle(accRewardPerShare);
        return new FarmPosition(
                amount,
                workingAmount,
                settled.rewardDebt,
                settled.carry,
                BigInteger.ZERO,
                harvested.add(settled.pending));
    }

    /** Emergency withdrawal: the principal leaves, pending and carry are forfeited. */
    public FarmPosition emergencyWithdrawn() {
        return new FarmPosition(
                BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, harvested);
    }
}
