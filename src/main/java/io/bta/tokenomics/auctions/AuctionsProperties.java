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

    public AuctionsProperties {
        if (defaultBaseBond.signum() <= 0 || defaultBaseBond.scale() > 18) {
            throw new IllegalArgumentException(
                    "tokenomics.auctions.default-base-bond must be positive, at most 18 decimals");
        }
        try {
            new BondCurve(factorAtZeroTrust, factorAtFullTrust);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("tokenomics.auctions.factor-at-*-trust " + BondCurve.FACTOR_RULE);
        }
    }

    /** The bond curve these settings describe. */
    public BondCurve bondCurve() {
        return new BondCurve(factorAtZeroTrust, factorAtFullTrust);
    }
}
