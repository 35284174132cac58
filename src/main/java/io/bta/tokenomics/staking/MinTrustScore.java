package io.bta.tokenomics.staking;

import io.bta.tokenomics.shared.Decimals;
import io.bta.tokenomics.trust.TrustScore;
import java.math.BigDecimal;

/**
 * The trust score a staker needs to join a pool. It is a trust score, so the trust module's rule
 * (0 to 100, at most 6 decimals) decides what is valid and says why.
 */
public record MinTrustScore(BigDecimal score) {

    public static final MinTrustScore NONE = new MinTrustScore(BigDecimal.ZERO);

    public static final String NOT_A_NUMBER = "must be a decimal number such as 12.5";

    public MinTrustScore {
        TrustScore.requireValid(score);
        score = Decimals.plain(score);
    }

    public static MinTrustScore of(BigDecimal score) {
        return new MinTrustScore(score);
    }

    public static MinTrustScore of(String score) {
        return new MinTrustScore(Terms.decimal(score, NOT_A_NUMBER));
    }

    /** Whether a staker with {@code trustScore} may join. */
    public boolean admits(BigDecimal trustScore) {
        return trustScore.compareTo(score) >= 0;
    }

    @Override
    public String toString() {
        return score.toPlainString();
    }
}
