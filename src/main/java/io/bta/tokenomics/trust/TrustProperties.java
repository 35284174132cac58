package io.bta.tokenomics.trust;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code tokenomics.trust.default-score}: the score of an entity that has none (default 50). */
@ConfigurationProperties("tokenomics.trust")
public record TrustProperties(@DefaultValue("50") BigDecimal defaultScore) {

    public TrustProperties {
        TrustScore.requireValid(defaultScore);
    }
}
