package io.bta.tokenomics.webhooks.internal;

import io.bta.tokenomics.webhooks.WebhooksProperties;
import java.util.random.RandomGenerator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WebhooksConfiguration {

    /** The retry schedule, with jitter from a non-cryptographic generator (nothing secret depends on it). */
    @Bean
    Backoff webhookBackoff(WebhooksProperties p) {
        return new Backoff(
                p.retryInitialDelay(),
                p.retryMultiplier(),
                p.retryMaxDelay(),
                p.retryJitterPercent(),
                RandomGenerator.of("L64X128MixRandom"));
    }
}
