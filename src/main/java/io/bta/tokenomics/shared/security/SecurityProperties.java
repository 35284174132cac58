package io.bta.tokenomics.shared.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tokenomics.security.*}: an HS256 secret shared with the platform (at least 32 bytes), the
 * default; or an identity provider's keys, set with Spring Boot's own
 * {@code spring.security.oauth2.resourceserver.jwt.*} ({@code issuer-uri}, {@code jwk-set-uri},
 * {@code audiences}, ...), for which {@code jwks-uri} here is an older alias. With neither a secret
 * nor a provider, a secret is generated in the data directory.
 *
 * <p>{@code clock-skew} (5s) is how far a token's {@code exp} may lie in the past, and its
 * {@code nbf} in the future. With a provider: its key set is kept for {@code jwks-cache-ttl} (5m),
 * after which it is fetched again (and a key the provider removed stops verifying); a token whose
 * {@code kid} is not in the set fetches it again at most once per {@code jwks-refetch-interval}
 * (30s); a fetch gives up after {@code jwks-timeout} (5s).
 */
@ConfigurationProperties("tokenomics.security")
public record SecurityProperties(
        String jwtSecret,
        String jwksUri,
        @DefaultValue("5s") Duration clockSkew,
        @DefaultValue("5m") Duration jwksCacheTtl,
        @DefaultValue("30s") Duration jwksRefetchInterval,
        @DefaultValue("5s") Duration jwksTimeout) {

    @ConstructorBinding
    public SecurityProperties {
        if (clockSkew == null || clockSkew.isNegative()) {
            throw new IllegalArgumentException("tokenomics.security.clock-skew must be zero or more");
        }
        jwksCacheTtl = positive(jwksCacheTtl, Duration.ofMinutes(5), "jwks-cache-ttl");
        jwksRefetchInterval = positive(jwksRefetchInterval, Duration.ofSeconds(30), "jwks-refetch-interval");
        jwksTimeout = positive(jwksTimeout, Duration.ofSeconds(5), "jwks-timeout");
    }

    /** The HS256 settings with the defaults for the rest (for tests and tools). */
    public SecurityProperties(String jwtSecret, String jwksUri, Duration clockSkew) {
        this(jwtSecret, jwksUri, clockSkew, null, null, null);
    }

    private static Duration positive(Duration value, Duration fallback, String name) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("tokenomics.security." + name + " must be more than zero");
        }
        return value;
    }
}
