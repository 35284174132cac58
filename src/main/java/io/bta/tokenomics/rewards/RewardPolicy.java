package io.bta.tokenomics.rewards;

import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.web.PlainDecimalNumber;
import java.math.BigDecimal;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * How a type of reward is computed. A fixed {@code amount} (null when the caller gives it), or for
 * transactions a {@code rate} of the transaction's value capped at {@code cap}. Recipients below
 * {@code minTrust} are refused; the amount is scaled by {@code 1 + trustBoost × score / 100} and
 * rounded down (the cap applies after the scaling).
 */
public record RewardPolicy(
        RewardType type,
        Amount amount,
        @JsonSerialize(using = PlainDecimalNumber.class) BigDecimal rate,
        Amount cap,
        @JsonSerialize(using = PlainDecimalNumber.class) BigDecimal minTrust,
        @JsonSerialize(using = PlainDecimalNumber.class) BigDecimal trustBoost) {

    /** The policy's amount for a base amount and a trust score (0..100), rounded down, capped. */
    public Amount scale(Amount base, BigDecimal trustScore) {
        var factor = BigDecimal.ONE.add(trustBoost.multiply(trustScore).movePointLeft(2));
        var scaled = base.timesRoundedDown(factor);
        return cap == null ? scaled : scaled.min(cap);
    }
}
