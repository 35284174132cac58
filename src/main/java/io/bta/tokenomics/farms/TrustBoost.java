package io.bta.tokenomics.farms;

import java.math.BigInteger;

/**
 * The trust boost of a farm position: {@code workingAmount = floor(amount × boostBps(trust) / 10000)}.
 *
 * <p>{@code boostBps(trust)} is 10000 (1.0×) at a trust score up to {@code floorTrust}, rises
 * linearly to {@code maxBoostBps} at a trust score of 100 and rounds down in between:
 * {@code 10000 + floor((maxBoostBps − 10000) × (trust − floorTrust) / (100 − floorTrust))}. The
 * default is 1.0× at trust ≤ 50 rising to 2.5× at 100. Governed: a new boost applies to a position
 * when it is next settled or kicked.
 */
public record TrustBoost(int floorTrust, int maxBoostBps) {

    public static final int ONE_X_BPS = 10_000;
    public static final TrustBoost DEFAULT = new TrustBoost(50, 25_000);

    public TrustBoost {
        if (floorTrust < 0 || floorTrust >= 100) {
            throw new IllegalArgumentException("floorTrust must be between 0 and 99");
        }
        if (maxBoostBps < ONE_X_BPS || maxBoostBps > 10 * ONE_X_BPS) {
            throw new IllegalArgumentException("maxBoostBps must be between 10000 and 100000");
        }
    }

    /** The boost in basis points of 1.0× for a trust score between 0 and 100. */
    public int boostBps(int trust) {
        if (trust < 0 || trust > 100) {
            throw new IllegalArgumentException("trust must be between 0 and 100");
        }
        if (trust <= floorTrust) {
            return ONE_X_BPS;
        }
        long extra = (long) (maxBoostBps - ONE_X_BPS) * (trust - floorTrust) / (100 - floorTrust);
        return ONE_X_BPS + (int) extra;
    }

    /** The working amount of a staked amount (base units) at a trust score, rounded down. */
    public BigInteger workingAmount(BigInteger amount, int trust) {
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("amount must not be negative");
        }
        return amount.multiply(BigInteger.valueOf(boostBps(trust))).divide(BigInteger.valueOf(ONE_X_BPS));
    }
}
