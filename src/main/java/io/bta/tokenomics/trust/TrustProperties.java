package io.bta.tokenomics.trust;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tokenomics.trust.*}: the score of an entity that has none ({@code default-score}, 50), and
 * the remote trust engine: its base URL ({@code engine-url}; unset or blank: the local store is the
 * source), the connect and read timeout of a call to it ({@code engine-timeout}, 2s) and how long a
 * score read from it is trusted before it is read again ({@code cache-ttl}, 5m).
 */
@ConfigurationProperties("tokenomics.trust")
public record TrustProperties(
        @DefaultValue("50") BigDecimal defaultScore,
        String engineUrl,
        @DefaultValue("2s") Duration engineTimeout,
        @DefaultValue("5m") Duration cacheTtl) {

    public TrustProperties {
        TrustScore.requireValid(defaultScore);
        engineUrl = engineUrl == null || engineUrl.isBlank() ? null : engineUrl.strip();
        if (engineUrl != null) {
            var uri = URI.create(engineUrl);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("tokenomics.trust.engine-url must be an http(s) URL: " + engineUrl);
            }
        }
        if (engineTimeout == null || engineTimeout.isNegative() || engineTimeout.isZero()) {
            throw new IllegalArgumentException("tokenomics.trust.engine-timeout must be positive");
        }
        if (cacheTtl == null || cacheTtl.isNegative()) {
            throw new IllegalArgumentException("tokenomics.trust.cache-ttl must not be negative");
        }
    }

    /** Whether scores come from the remote trust engine rather than the local store. */
    public boolean remote() {
        return engineUrl != null;
    }
}
