package io.bta.tokenomics.trust.internal;

import io.bta.tokenomics.trust.TrustProperties;
import io.bta.tokenomics.trust.TrustScoreSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Chooses where trust scores come from, once, at start-up: the trust engine when
 * {@code tokenomics.trust.engine-url} is set, else the local store. The one place that decides it.
 */
@Configuration(proxyBeanMethods = false)
class TrustSourceConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TrustSourceConfiguration.class);

    @Bean
    @Primary
    TrustScoreSource trustScoreSource(
            TrustProperties properties,
            LocalTrustStore store,
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            Clock clock,
            MeterRegistry meters) {
        if (!properties.remote()) {
            log.info("Trust scores come from the local store");
            return store;
        }
        log.info(
                "Trust scores come from the trust engine at {} (timeout {}, cached for {})",
                properties.engineUrl(),
                properties.engineTimeout(),
                properties.cacheTtl());
        var ownTransaction = new TransactionTemplate(transactions);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return new RemoteTrustScoreSource(
                RemoteTrustScoreSource.client(properties.engineUrl(), properties.engineTimeout()),
                store,
                jdbc,
                ownTransaction,
                clock,
                properties.cacheTtl(),
                meters);
    }
}
