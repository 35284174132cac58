package io.bta.tokenomics.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole service on a random port, on an embedded PostgreSQL of its own (one per test run:
 * every test class with this annotation shares the context), with a clock the tests move.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "tokenomics.data-dir=target/test-data/${random.uuid}",
            "tokenomics.security.jwt-secret=" + Api.SECRET,
            // small enough that tests can reach them without draining the treasury's BTA-GOV
            "tokenomics.governance.proposal-threshold=1000",
            "tokenomics.governance.quorum-fraction=0.0001",
            // background jobs stay out of the tests' way: tests call them when they move the clock
            "tokenomics.idempotency.cleanup-interval-ms=3600000",
            "tokenomics.rewards.expiry-interval-ms=3600000",
            "tokenomics.guarantees.expiry-interval-ms=3600000",
            "tokenomics.audit.seal-interval=1h",
            "tokenomics.webhooks.follow-interval-ms=3600000",
            "tokenomics.webhooks.dispatch-interval-ms=3600000",
            "tokenomics.webhooks.purge-interval-ms=3600000",
            "tokenomics.webhooks.stream-poll-interval-ms=3600000",
            "tokenomics.analytics.snapshot-interval=1h",
            // short, so that a test reaches them; the tests' own endpoints are the only ones
            "tokenomics.webhooks.disable-after-failures=6",
            "tokenomics.webhooks.request-timeout=5s",
            // tests send many requests as one caller; the rate limit has its own test (AbuseLimitsTest)
            "tokenomics.limits.rate-limit.enabled=false",
            // a harmless server setting, to show that configured settings reach the embedded server
            "tokenomics.embedded-postgres.server-config.cluster_name=bta-tests"
        })
@Import(TestClockConfig.class)
public @interface IntegrationTest {}
