package io.bta.tokenomics.amm;

import io.bta.tokenomics.shared.Amount;
import java.math.BigInteger;

/**
 * The constant-product rule of Uniswap v2 (core and router), in base units (10^-18 of a token) and
 * integers only, so that the same inputs give v2's outputs to the last unit.
 *
 * <p>Every division rounds towards the pool: a swap pays out rounded down and takes in rounded up
 * (exact-out adds one unit, as v2's router does), liquidity mints shares rounded down and pays out
 * rounded down. The remainders stay in the pool's reserves, so {@code k = reserveA × reserveB}
 * never decreases through a swap ({@link #keepsK}).
 */
public final class AmmMath {

    /** The shares minted with a pool's first liquidity and locked forever, so the supply never returns to zero. */
    public static final BigInteger MINIMUM_LIQUIDITY = BigInteger.valueOf(1000);

    /** Basis points in one: a fee of 30 bps keeps 9970/10000 of the input, v2's 997/1000. */
    public static final int BPS = 10_000;

    private static final BigInteger BPS_UNITS = BigInteger.valueOf(BPS);

    private AmmMath() {}

    /** What a swap of {@code amountIn} gives: {@code floor(in·(10000−fee)·rOut / (rIn·10000 + in·(10000−fee)))}. */
    public static BigInteger amountOut(BigInteger amountIn, BigInteger reserveIn, BigInteger reserveOut, int feeBps) {
        if (amountIn.signum() <= 0) {
            throw new IllegalArgumentException("the amount in must be positive");
        }
        requireReserves(reserveIn, reserveOut);
        var inWithFee = amountIn.multiply(BigInteger.valueOf(BPS - (long) feeBps));
        var numerator = inWithFee.multiply(reserveOut);
        var denominator = reserveIn.multiply(BPS_UNITS).add(inWithFee);
        var out = numerator.divide(denominator);
        if (out.signum() == 0) {
            throw AmmProblems.insufficientLiquidity("an input of " + units(amountIn) + " gives nothing out");
        }
        return out;
    }

    /**
     * What a swap must take to give {@code amountOut}:
     * {@code floor(rIn·out·10000 / ((rOut−out)·(10000−fee))) + 1}, the least input whose
     * {@link #amountOut} is at least {@code amountOut}.
     */
    public static BigInteger amountIn(BigInteger amountOut, BigInteger reserveIn, BigInteger reserveOut, int feeBps) {
        if (amountOut.signum() <= 0) {
            throw new IllegalArgumentException("the amount out must be positive");
        }
        requireReserves(reserveIn, reserveOut);
        if (amountOut.compareTo(reserveOut) >= 0) {
            throw AmmProblems.insufficientLiquidity(
                    "the pool holds " + units(reserveOut) + ", not more than the " + units(amountOut) + " asked for");
        }
        var numerator = reserveIn.multiply(amountOut).multiply(BPS_UNITS);
        var denominator = reserveOut.subtract(amountOut).multiply(BigInteger.valueOf(BPS - (long) feeBps));
        return numerator.divide(denominator).add(BigInteger.ONE);
    }

    /**
     * v2's invariant check after a swap that took {@code amountIn} and gave {@code amountOut}: the
     * reserves net of the fee on the input hold at least the old {@code k}.
     */
    public static boolean keepsK(
            BigInteger amountIn, BigInteger amountOut, BigInteger reserveIn, BigInteger reserveOut, int feeBps) {
        var balanceIn = reserveIn.add(amountIn);
        var balanceOut = reserveOut.subtract(amountOut);
        if (balanceOut.signum() <= 0) {
            return false;
        }
        var adjustedIn = balanceIn.multiply(BPS_UNITS).subtract(amountIn.multiply(BigInteger.valueOf(feeBps)));
        var adjustedOut = balanceOut.multiply(BPS_UNITS);
        return adjustedIn
                        .multiply(adjustedOut)
                        .compareTo(reserveIn.multiply(reserveOut).multiply(BPS_UNITS.pow(2)))
                >= 0;
    }

    /** The amount of B worth {@code amountA} at the reserves' ratio, rounded down (v2's {@code quote}). */
    public static BigInteger quote(BigInteger amountA, BigInteger reserveA, BigInteger reserveB) {
        requireReserves(reserveA, reserveB);
        return amountA.multiply(reserveB).divide(reserveA);
    }

    /** What a deposit takes of each token. */
    public record Deposit(BigInteger amountA, BigInteger amountB) {}

    /**
     * v2 router's {@code _addLiquidity}: into an empty pool all that is desired; otherwise the
     * desired amount of one token and the amount of the other at the reserves' ratio, whichever
     * fits within both desires. Refused when the amount it takes of a token is below its minimum.
     */
    public static Deposit optimalDeposit(
            BigInteger desiredA,
            BigInteger desiredB,
            BigInteger minA,
            BigInteger minB,
            BigInteger reserveA,
            BigInteger reserveB) {
        if (reserveA.signum() == 0 && reserveB.signum() == 0) {
            return new Deposit(desiredA, desiredB);
        }
        var optimalB = quote(desiredA, reserveA, reserveB);
        if (optimalB.compareTo(desiredB) <= 0) {
            if (optimalB.compareTo(minB) < 0) {
                throw AmmProblems.belowMinimum("amountBMin", Amount.ofUnits(optimalB), Amount.ofUnits(minB));
            }
            return new Deposit(desiredA, optimalB);
        }
        var optimalA = quote(desiredB, reserveB, reserveA);
        // optimalB > desiredB means desiredA·rB > desiredB·rA, so optimalA = desiredB·rA/rB < desiredA.
        if (optimalA.compareTo(minA) < 0) {
            throw AmmProblems.belowMinimum("amountAMin", Amount.ofUnits(optimalA), Amount.ofUnits(minA));
        }
        return new Deposit(optimalA, desiredB);
    }

    /**
     * The shares a deposit mints to its provider. The first, into a pool with no shares:
     * {@code floor(sqrt(dx·dy)) − MINIMUM_LIQUIDITY} (the minimum is minted too, and locked). Later:
     * {@code min(dx·T/x, dy·T/y)}, rounded down. Refused when it mints nothing.
     */
    public static BigInteger liquidity(
            BigInteger depositA, BigInteger depositB, BigInteger reserveA, BigInteger reserveB, BigInteger supply) {
        BigInteger shares;
        if (supply.signum() == 0) {
            shares = depositA.multiply(depositB).sqrt().subtract(MINIMUM_LIQUIDITY);
        } else {
            requireReserves(reserveA, reserveB);
            shares = depositA.multiply(supply)
                    .divide(reserveA)
                    .min(depositB.multiply(supply).divide(reserveB));
        }
        if (shares.signum() <= 0) {
            throw AmmProblems.insufficientLiquidity("the deposit is too small to mint any share of the pool");
        }
        return shares;
    }

    /** What burning {@code shares} of {@code supply} pays of a reserve: {@code shares·reserve/supply}, rounded down. */
    public static BigInteger removal(BigInteger shares, BigInteger reserve, BigInteger supply) {
        if (shares.signum() <= 0 || shares.compareTo(supply) > 0) {
            throw new IllegalArgumentException("the shares must be positive and at most the supply");
        }
        return shares.multiply(reserve).divide(supply);
    }

    /**
     * v2's {@code _mintFee}: the shares minted to the protocol before a liquidity change, worth 1/6
     * of the growth of {@code sqrt(k)} since {@code kLast} (the fees earned since):
     * {@code supply·(√k − √kLast) / (5·√k + √kLast)}, rounded down; zero when {@code kLast} is zero
     * (the fee was off) or {@code k} did not grow.
     */
    public static BigInteger protocolFee(
            BigInteger supply, BigInteger reserveA, BigInteger reserveB, BigInteger kLast) {
        if (kLast.signum() == 0 || supply.signum() == 0) {
            return BigInteger.ZERO;
        }
        var rootK = reserveA.multiply(reserveB).sqrt();
        var rootKLast = kLast.sqrt();
        if (rootK.compareTo(rootKLast) <= 0) {
            return BigInteger.ZERO;
        }
        var numerator = supply.multiply(rootK.subtract(rootKLast));
        var denominator = rootK.multiply(BigInteger.valueOf(5)).add(rootKLast);
        return numerator.divide(denominator);
    }

    private static void requireReserves(BigInteger reserveIn, BigInteger reserveOut) {
        if (reserveIn.signum() <= 0 || reserveOut.signum() <= 0) {
            throw AmmProblems.insufficientLiquidity("the pool has no liquidity");
        }
    }

    private static String units(BigInteger units) {
        return Amount.ofUnits(units).toString();
    }
}
