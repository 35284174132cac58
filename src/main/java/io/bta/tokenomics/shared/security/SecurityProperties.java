package io.bta.tokenomics.shared.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tokenomics.security.*}: an HS256 secret shared with the platform (at least 32 bytes), or
 * a JWKS URI of an identity provider. With neither, a secret is generated in the data directory.
 * {@code clock-skew} (5s) is how far a token's {@code exp} may lie in the past, and its
 * {@code nbf} in the future, for clocks that differ between the identity service and this one.
 */
@ConfigurationProperties("tokenomics.security")
public record SecurityProperties(String jwtSecret, String jwksUri, @DefaultValue("5s") Duration clockSkew) {

    public SecurityProperties {
        if (clockSkew == null || clockSkew.isNegative()) {
            throw new IllegalArgumentException("tokenomics.security.clock-skew must be zero or more");
        }
    }
}
