package io.bta.tokenomics.shared;

import static io.bta.tokenomics.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.IntegrationTest;
import io.bta.tokenomics.support.MutableClock;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class ApiKeyTest {

    @LocalServerPort
    int port;

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        ledger.initializeTokens(EntityId.of("admin"));
    }

    Api.Response createKey(String name, String scopes, String expiresAt) {
        var body = "{\"name\":\"" + name + "\",\"scopes\":[" + scopes + "]"
                + (expiresAt == null ? "" : ",\"expiresAt\":\"" + expiresAt + "\"") + "}";
        return api.post("/api/admin/api-keys", Api.adminToken(), body);
    }

    Api.Response withKey(String method, String path, String key, String body) {
        var builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .header("X-API-Key", key)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return api.send(builder, null, null);
    }

    static String name() {
        return "svc-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void anAdminCreatesAKeyWhoseSecretIsShownOnceAndOnlyItsHashIsKept() {
        var name = name();
        var created = createKey(name, "\"trust:write\"", null);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var secret = created.text("secret");
        assertThat(secret).startsWith("bta_");
        assertThat(created.text("principal")).isEqualTo("service:" + name);
        var listed = api.get("/api/admin/api-keys", Api.adminToken());
        assertThat(listed.body()).contains(name).doesNotContain(secret);
        var stored = jdbc.sql("select secret_hash from api_keys where name = ?")
                .param(name)
                .query(String.class)
                .single();
        assertThat(stored).hasSize(64).isNotEqualTo(secret);
        assertThat(jdbc.sql("select count(*) from api_keys where secret_hash like ?")
                        .param("%" + secret.substring(4) + "%")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aKeyActsWithinItsScopesOnly() {
        var trustKey = createKey(name(), "\"trust:write\"", null).text("secret");
        var entity = "org-" + UUID.randomUUID();
        assertThat(withKey("PUT", "/api/trust/" + entity, trustKey, "{\"score\": 80}")
                        .status())
                .isEqualTo(200);
        var rewardsOnly = createKey(name(), "\"rewards:write\"", null).text("secret");
        var denied = withKey("PUT", "/api/trust/" + entity, rewardsOnly, "{\"score\": 10}");
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.code()).isEqualTo("SCOPE_REQUIRED");
        assertThat(withKey(
                                "POST",
                                "/api/tokens/mint",
                                trustKey,
                                json("entityId", entity, "tokenId", "BTA-GUAR", "amount", "1"))
                        .status())
                .isEqualTo(403);
        assertThat(withKey("GET", "/api/admin/api-keys", trustKey, null).status())
                .isEqualTo(403);
    }

    @Test
    void everyTransactionAKeyCausesNamesIt() {
        var name = name();
        var key = createKey(name, "\"ledger:lock\"", null).text("secret");
        var entity = "holder-" + UUID.randomUUID();
        ledger.transfer(
                ledger.resolve("BTA-UTIL"),
                ledger.treasury(),
                EntityId.of(entity),
                Amount.of(10),
                null,
                EntityId.of("admin"));
        var locked = withKey(
                "POST", "/api/tokens/lock", key, json("entityId", entity, "tokenId", "BTA-UTIL", "amount", "4"));
        assertThat(locked.status()).as(locked.body()).isEqualTo(201);
        var actor = jdbc.sql("select actor from ledger_transactions where id = ?::uuid")
                .param(locked.text("id"))
                .query(String.class)
                .single();
        assertThat(actor).isEqualTo("service:" + name);
    }

    @Test
    void anExpiryThatIsNotInTheFutureIsA400NamingIt() {
        for (var expiresAt : java.util.List.of(clock.instant().minusSeconds(1), clock.instant())) {
            var name = name();
            var r = createKey(name, "\"trust:write\"", expiresAt.toString());
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.isProblem()).isTrue();
            assertThat(r.code()).isEqualTo("INVALID_INPUT");
            assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("expiresAt");
            assertThat(r.json().get("errors").get(0).get("message").asString()).contains("future");
            assertThat(jdbc.sql("select count(*) from api_keys where name = ?")
                            .param(name)
                            .query(Long.class)
                            .single())
                    .isZero();
        }
        var future = createKey(
                name(), "\"trust:write\"", clock.instant().plusSeconds(1).toString());
        assertThat(future.status()).as(future.body()).isEqualTo(201);
    }

    @Test
    void revokedUnknownAndExpiredKeysAre401() {
        var created = createKey(
                name(),
                "\"trust:write\"",
                clock.instant().plus(Duration.ofHours(1)).toString());
        var key = created.text("secret");
        var entity = "org-" + UUID.randomUUID();
        assertThat(withKey("PUT", "/api/trust/" + entity, key, "{\"score\": 70}")
                        .status())
                .isEqualTo(200);
        clock.advance(Duration.ofHours(2));
        var expired = withKey("PUT", "/api/trust/" + entity, key, "{\"score\": 70}");
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.isProblem()).isTrue();

        var other = createKey(name(), "\"trust:write\"", null);
        var otherKey = other.text("secret");
        var revoke = api.send(
                HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/api/admin/api-keys/" + other.text("id")))
                        .DELETE(),
                Api.adminToken(),
                null);
        assertThat(revoke.status()).isEqualTo(200);
        assertThat(revoke.text("revokedAt")).isNotNull();
        assertThat(withKey("PUT", "/api/trust/" + entity, otherKey, "{\"score\": 70}")
                        .status())
                .isEqualTo(401);

        assertThat(withKey("GET", "/api/tokens", "bta_nonexistent0_secret", null)
                        .status())
                .isEqualTo(401);
        assertThat(withKey("GET", "/api/tokens", otherKey.substring(0, otherKey.length() - 1) + "x", null)
                        .status())
                .isEqualTo(401);
        assertThat(withKey("GET", "/api/tokens", "garbage", null).status()).isEqualTo(401);
    }

    @Test
    void guaranteeAndAuctionFlowsRunWithServiceKeysWithinTheirScopes() {
        var guaranteesKey = createKey(name(), "\"guarantees:write\"", null).text("secret");
        var auctionsKey = createKey(name(), "\"auctions:write\"", null).text("secret");
        var guarantor = "guarantor-" + UUID.randomUUID();
        var beneficiary = "beneficiary-" + UUID.randomUUID();
        var body = json(
                "guaranteeId",
                "g-" + UUID.randomUUID(),
                "guarantorId",
                guarantor,
                "beneficiaryId",
                beneficiary,
                "amount",
                "500");
        var refused = withKey("POST", "/api/guarantees/allocations", auctionsKey, body);
        assertThat(refused.status()).isEqualTo(403);
        var allocated = withKey("POST", "/api/guarantees/allocations", guaranteesKey, body);
        assertThat(allocated.status()).as(allocated.body()).isEqualTo(201);
        var released = withKey(
                "POST", "/api/guarantees/allocations/" + allocated.text("id") + "/release", guaranteesKey, null);
        assertThat(released.status()).as(released.body()).isEqualTo(200);
        var actors = jdbc.sql(
                        "select distinct actor from ledger_transactions where from_entity_id = ? or to_entity_id = ?")
                .param(guarantor)
                .param(guarantor)
                .query(String.class)
                .list();
        assertThat(actors).allMatch(a -> a.startsWith("service:"));

        var auction = "auction-" + UUID.randomUUID();
        assertThat(withKey("PUT", "/api/auctions/" + auction, guaranteesKey, json("baseBond", "100"))
                        .status())
                .isEqualTo(403);
        var registered = withKey("PUT", "/api/auctions/" + auction, auctionsKey, json("baseBond", "100"));
        assertThat(registered.status()).as(registered.body()).isIn(200, 201);
    }

    @Test
    void onlyAnAdminManagesKeysAndBadRequestsAre400() {
        var asUser =
                api.post("/api/admin/api-keys", Api.token("alice"), "{\"name\":\"x\",\"scopes\":[\"trust:write\"]}");
        assertThat(asUser.status()).isEqualTo(403);
        assertThat(api.post(
                                "/api/admin/api-keys",
                                Api.token("svc", "SERVICE"),
                                "{\"name\":\"x\",\"scopes\":[\"trust:write\"]}")
                        .status())
                .isEqualTo(403);
        assertThat(createKey("bad name!", "\"trust:write\"", null).status()).isEqualTo(400);
        assertThat(createKey(name(), "\"root\"", null).status()).isEqualTo(400);
        assertThat(createKey(name(), "", null).status()).isEqualTo(400);
        assertThat(createKey(name(), "\"trust:write\"", "tomorrow").status()).isEqualTo(400);
        var name = name();
        assertThat(createKey(name, "\"trust:write\"", null).status()).isEqualTo(201);
        var again = createKey(name, "\"trust:write\"", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("API_KEY_NAME_TAKEN");
    }

    @Autowired
    io.bta.tokenomics.shared.apikeys.ApiKeys keys;

    @Test
    void aKeysCallerIsKeptForTheRequestsLaterDispatches() throws Exception {
        // an event stream ends with an async dispatch: it must still know the key's caller
        var name = name();
        var secret = keys.create(name, java.util.Set.of("trust:write"), null, EntityId.of("admin"))
                .secret();
        var filter = new io.bta.tokenomics.shared.apikeys.ApiKeyAuthenticationFilter(keys, (request, response, e) -> {
            throw new AssertionError("the key was refused");
        });
        var request = new org.springframework.mock.web.MockHttpServletRequest("GET", "/api/events/stream");
        request.addHeader("X-API-Key", secret);
        try {
            filter.doFilter(
                    request,
                    new org.springframework.mock.web.MockHttpServletResponse(),
                    new org.springframework.mock.web.MockFilterChain());
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
        var kept = new org.springframework.security.web.context.RequestAttributeSecurityContextRepository()
                .loadDeferredContext(request)
                .get()
                .getAuthentication();
        assertThat(kept).isNotNull();
        assertThat(kept.getName()).isEqualTo("service:" + name);
    }
}
