package io.bta.tokenomics.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.bta.tokenomics.shared.web.Paging;
import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.IntegrationTest;
import java.util.ArrayList;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every list endpoint that takes a {@code limit} (found in the OpenAPI document, so a new one is
 * covered without being named here) refuses a page larger than {@link Paging#MAX_LIMIT}, or below
 * 1, with a 400 that names {@code limit}, and accepts the maximum.
 */
@IntegrationTest
class PaginationLimitsTest {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        api.post("/api/tokens/initialize", Api.adminToken(), null);
    }

    @Test
    void everyListEndpointRefusesAPageOverTheMaximumAndAcceptsTheMaximum() {
        var paths = api.get("/v3/api-docs", null).json().get("paths");
        var checked = new ArrayList<String>();
        for (var path : paths.propertyNames()) {
            var get = paths.get(path).get("get");
            if (!path.startsWith("/api/") || get == null || get.get("parameters") == null) {
                continue;
            }
            boolean paged = false;
            for (var p : get.get("parameters")) {
                paged |= "limit".equals(p.get("name").asString())
                        && "query".equals(p.get("in").asString());
            }
            if (!paged) {
                continue;
            }
            var concrete = path.replaceAll("\\{(entityId|recipientId|stakerId)}", "admin")
                    .replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            for (var wrong : new int[] {0, -1, Paging.MAX_LIMIT + 1, 100_000}) {
                var r = api.get(concrete + "?limit=" + wrong, Api.adminToken());
                assertThat(r.status())
                        .as("%s?limit=%d: %s", path, wrong, r.body())
                        .isEqualTo(400);
                assertThat(r.isProblem()).isTrue();
                assertThat(r.json().get("errors").toString()).contains("\"limit\"");
            }
            var max = api.get(concrete + "?limit=" + Paging.MAX_LIMIT, Api.adminToken());
            assertThat(max.status())
                    .as("%s?limit=%d: %s", path, Paging.MAX_LIMIT, max.body())
                    .isNotEqualTo(400);
            assertThat(max.status()).isLessThan(500);
            checked.add(path);
        }
        System.out.println("pagination: limit checked on " + checked.size() + " list endpoints: " + checked);
        assertThat(checked).as("the list endpoints found").hasSizeGreaterThanOrEqualTo(12);
    }
}
