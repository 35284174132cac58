package io.bta.tokenomics.farms;

import java.math.BigInteger;
import java.util.Objects;

/**
 * The MasterChef accrual of one farm, exact in base units (10^-18).
 *
 * <p>Over {@code dt} seconds the farm is owed {@code rewardPerSecond × dt × allocPoint /
 * totalAllocPoint}; the share is computed in units of 10^-36 base units (what falls below that,
 * less than 10^-36 of a base unit per accrual, is the only truncation), then rounded down to base
 * units with the remainder ({@code splitCarry}, in units of 10^-36, independent of the weights so it
 * survives a weight change) carried to the next accrual. The reward is spread over the farm's working
 * amount through {@code accRewardPerShare}, scaled by {@link #SCALE}; that division also rounds
 * down and carries its remainder ({@code indexCarry}). While nothing is staked the farm emits
 * nothing. {@code emitted} counts what the farm has made claimable; positions can never be paid
 * more in total (see {@link FarmPosition}).
 */
public record FarmAccrual(
        BigInteger accRewardPerShare,
        BigInteger totalWorking,
        long lastRewardAt,
        BigInteger emitted,
        BigInteger splitCarry,
        BigInteger indexCarry) {

    /** The scale of {@code accRewardPerShare}: 10^36. */
    public static final BigInteger SCALE = BigInteger.TEN.pow(36);

    public FarmAccrual {
        Objects.requireNonNull(accRewardPerShare);
        Objects.requireNonNull(totalWorking);
        Objects.requireNonNull(emitted);
        Objects.requireNonNull(splitCarry);
        Objects.requireNonNull(indexCarry);
        if (accRewardPerShare.signum() < 0
                || totalWorking.signum() < 0
                || emitted.signum() < 0
                || splitCarry.signum() < 0
                || indexCarry.signum() < 0) {
            throw new IllegalArgumentException("farm accrual values must not be negative");
        }
    }

    public static FarmAccrual startingAt(long epochSecond) {
        return new FarmAccrual(
                BigInteger.ZERO, BigInteger.ZERO, epochSecond, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO);
    }

    /**
     * Accrues the farm up to {@code now} at the rate and weights in force since the last accrual.
     * Callers settle every farm before changing a weight or the rate, so no rate is retroactive.
     */
    public FarmAccrual accrueTo(long now, BigInteger rewardPerSecond, long allocPoint, long totalAllocPoint) {
        if (rewardPerSecond.signum() < 0 || allocPoint < 0 || totalAllocPoint < allocPoint) {
            throw new IllegalArgumentException("invalid rate or weights");
        }
        if (now <= lastRewardAt) {
            return this;
        }
        if (totalWorking.signum() == 0 || allocPoint == 0) {
            return new FarmAccrual(accRewardPerShare, totalWorking, now, emitted, splitCarry, indexCarry);
        }
        BigInteger share = rewardPerSecond
                .multiply(BigInteger.valueOf(now - lastRewardAt))
                .multiply(BigInteger.valueOf(allocPoint))
                .multiply(SCALE)
                .divide(BigInteger.valueOf(totalAllocPoint))
                .add(splitCarry);
        BigInteger[] split = share.divideAndRemainder(SCALE);
        BigInteger reward = split[0];
        BigInteger[] index = reward.multiply(SCALE).add(indexCarry).divideAndRemainder(totalWorking);
        return new FarmAccrual(
                accRewardPerShare.add(index[0]), totalWorking, now, emitted.add(reward), split[1], index[1]);
    }

    /** The same accrual with the farm's working amount changed by {@code delta}. */
    public FarmAccrual withWorkingDelta(BigInteger delta) {
        return new FarmAccrual(
                accRewardPerShare, totalWorking.add(delta), lastRewardAt, emitted, splitCarry, indexCarry);
    }
}
