package io.bta.tokenomics.shared.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tokenomics.idempotency.*}: how long keys are kept ({@code ttl}, at least 24 hours by
 * default) and how long a first attempt may run before a retry may take it over ({@code lease}).
 */
@ConfigurationProperties("tokenomics.idempotency")
record IdempotencyProperties(@DefaultValue("24h") Duration ttl, @DefaultValue("60s") Duration lease) {}
