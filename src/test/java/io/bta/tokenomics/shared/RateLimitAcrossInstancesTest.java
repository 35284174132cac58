package io.bta.tokenomics.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.bta.tokenomics.TokenomicsApplication;
import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.PostgresNode;
import io.bta.tokenomics.support.TestClockConfig;
import java.util.ArrayList;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The per-caller rate limit is per instance (ADR 0016): with two instances on one database, one
 * caller gets each instance's burst, twice the limit in all. Time stands still (each instance's
 * clock is a test clock that is not moved), so no bucket refills during the test.
 */
class RateLimitAcrossInstancesTest {

    static final int BURST = 3;

    @Test
    void aCallerGetsTheLimitOncePerInstance() throws Exception {
        var name = "ratelimit-" + UUID.randomUUID().toString().substring(0, 8);
        try (var postgres = PostgresNode.primary(name)) {
            var contexts = new ArrayList<ConfigurableApplicationContext>();
            try {
                for (var instance : new String[] {"a", "b"}) {
                    contexts.add(new SpringApplicationBuilder(TokenomicsApplication.class, TestClockConfig.class)
                            .run(
                                    "--server.port=0",
                                    "--tokenomics.data-dir=target/test-data/" + name + "-" + instance,
                                    "--spring.datasource.url=" + postgres.jdbcUrl(),
                                    "--spring.datasource.username=postgres",
                                    "--tokenomics.security.jwt-secret=" + Api.SECRET,
                                    "--tokenomics.limits.rate-limit.enabled=true",
                                    "--tokenomics.limits.rate-limit.burst=" + BURST,
                                    "--tokenomics.limits.rate-limit.requests-per-second=1",
                                    "--tokenomics.webhooks.follow-interval-ms=3600000",
                                    "--tokenomics.webhooks.dispatch-interval-ms=3600000",
                                    "--tokenomics.audit.seal-interval=1h"));
                }
                var caller = Api.token("busy-" + name);
                int allowed = 0;
                for (var context : contexts) {
                    var api = new Api(((WebServerApplicationContext) context)
                            .getWebServer()
                            .getPort());
                    int here = 0;
                    for (int i = 0; i < 10; i++) {
                        var r = api.post("/api/tokens/transfer", caller, "{}");
                        if (r.status() != 429) {
                            here++;
                        } else {
                            assertThat(r.code()).isEqualTo("RATE_LIMITED");
                        }
                    }
                    assertThat(here).as("requests let through by one instance").isEqualTo(BURST);
                    allowed += here;
                }
                assertThat(allowed)
                        .as("two instances, each with its own buckets")
                        .isEqualTo(2 * BURST);
            } finally {
                contexts.forEach(ConfigurableApplicationContext::close);
            }
        }
    }
}
