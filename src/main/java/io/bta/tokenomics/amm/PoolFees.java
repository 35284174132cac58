package io.bta.tokenomics.amm;

import io.bta.tokenomics.trust.TrustScore;
import java.math.BigDecimal;

/**
 * A pool's fee on each swap's input, in basis points (30 is v2's 0.3%), and its optional discount
 * for trusted callers: {@code trustFeeBps} for a caller whose trust score is at least
 * {@code trustMinScore}. Both or neither of the discount's terms are set, and the discount is never
 * above the fee.
 */
public record PoolFees(int feeBps, Integer trustFeeBps, BigDecimal trustMinScore) {

    public static final int DEFAULT_FEE_BPS = 30;

    /** The most a pool may charge: 10%. */
    public static final int MAX_FEE_BPS = 1000;

    public PoolFees {
        requireFee("feeBps", feeBps);
        if ((trustFeeBps == null) != (trustMinScore == null)) {
            throw new IllegalArgumentException("trustFeeBps and trustMinScore are set together or not at all");
        }
        if (trustFeeBps != null) {
            requireFee("trustFeeBps", trustFeeBps);
            if (trustFeeBps > feeBps) {
                throw new IllegalArgumentException("trustFeeBps must not be above feeBps (" + feeBps + ")");
            }
            if (trustMinScore.scale() > TrustScore.MAX_DECIMALS
                    || trustMinScore.compareTo(TrustScore.MIN) < 0
                    || trustMinScore.compareTo(TrustScore.MAX) > 0) {
                throw new IllegalArgumentException("trustMinScore must be 0 to 100 with at most 6 decimals");
            }
            trustMinScore = trustMinScore.stripTrailingZeros();
            if (trustMinScore.scale() < 0) {
                trustMinScore = trustMinScore.setScale(0);
            }
        }
    }

    /** The default fee, no discount. */
    public static PoolFees standard() {
        return new PoolFees(DEFAULT_FEE_BPS, null, null);
    }

    /** The fee a caller with {@code trustScore} pays. */
    public int feeFor(BigDecimal trustScore) {
        return trustFeeBps != null && trustScore != null && trustScore.compareTo(trustMinScore) >= 0
                ? trustFeeBps
                : feeBps;
    }

    private static void requireFee(String field, int bps) {
        if (bps < 0 || bps > MAX_FEE_BPS) {
            throw new IllegalArgumentException(field + " must be 0 to " + MAX_FEE_BPS + " basis points");
        }
    }
}
