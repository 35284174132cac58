package io.bta.tokenomics.auctions;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tokenomics.auctions.*}: the base bond of an auction that was never registered
 * ({@code default-base-bond}, BTA-UTIL), and the bond factor f(trust), linear from
 * {@code factor-at-zero-trust} at trust 0 to {@code factor-at-full-trust} at trust 100.
 */
@ConfigurationProperties("tokenomics.auctions")
public record AuctionsProperties(
        @DefaultValue("1000") BigDecimal defaultBaseBond,
        @DefaultValue("1.0") BigDecimal factorAtZeroTrust,
        @DefaultValue("0.5") BigDecimal factorAtFullTrust) {

    private static final BigDecimal MAX_FACTOR = BigDecimal.TEN;

    public AuctionsProperties {
        if (defaultBaseBond.signum() <= 0 || defaultBaseBond.scale() > 18) {
            throw new IllegalArgumentException(
                    "tokenomics.auctions.default-base-bond must be positive, at most 18 decimals");
        }
        // A factor of zero would quote a bond of zero, and the ledger locks no zero amounts.
        for (var factor : new BigDecimal[] {factorAtZeroTrust, factorAtFullTrust}) {
            if (factor.signum() <= 0
                    || factor.compareTo(MAX_FACTOR) > 0
                    || factor.stripTrailingZeros().scale() > 6) {
                throw new IllegalArgumentException(
                        "tokenomics.auctions.factor-at-*-trust must be above 0 and at most 10, with at most 6 decimals");
            }
        }
    }
}
