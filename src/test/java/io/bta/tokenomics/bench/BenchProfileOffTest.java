package io.bta.tokenomics.bench;

import static io.bta.tokenomics.support.Api.adminToken;
import static io.bta.tokenomics.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Without the {@code bench} profile the service has no benchmark endpoints. */
@IntegrationTest
class BenchProfileOffTest {

    @LocalServerPort
    int port;

    @Test
    void benchEndpointsDoNotExistWithoutTheBenchProfile() {
        var api = new Api(port);
        var echo = api.post(
                "/api/bench/echo", adminToken(), json("toEntityId", "bob", "tokenId", "BTA-UTIL", "amount", "1"));
        assertThat(echo.status()).isEqualTo(404);
        var run = api.post(
                "/api/bench/inprocess-transfers", adminToken(), json("threads", 1, "seconds", 1, "accounts", 2));
        assertThat(run.status()).isEqualTo(404);
    }
}
