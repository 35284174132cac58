package io.bta.tokenomics.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.IntegrationTest;
import io.bta.tokenomics.support.Invariants;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Numbers, whole numbers and the like in request bodies bind only from what they are: a blank
 * string is not an absent field, a quoted whole number is not a number, and 1.5 is not a whole
 * number. Each is a 400 naming the field, and nothing changes.
 */
@IntegrationTest
class JsonScalarBindingTest {

    /** Strings Jackson would by default have read as null: empty, or only characters up to U+0020. */
    static final List<String> BLANKS = List.of("", "   ", "\t", "\u0000\u0000");

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final String VALID_POOL =
            "{\"tokenId\":\"BTA-UTIL\",\"name\":\"binding pool\",\"apy\":5,\"minStakeAmount\":\"1\",\"lockPeriod\":0}";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper mapper;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        api.post("/api/tokens/initialize", Api.adminToken(), null);
    }

    @Test
    void aBlankAuditHeightIsRefusedNotReadAsNoBound() {
        for (var field : List.of("fromHeight", "toHeight")) {
            for (var blank : BLANKS) {
                var r = api.post("/api/audit/verify", Api.adminToken(), with("{}", field, blank));
                assertRefused(r, field, "whole number");
            }
        }
    }

    @Test
    void aBlankOptionalPoolTermIsRefusedNotReadAsItsDefault() {
        var before = state();
        for (var field : List.of("minTrustScore", "earlyUnstakePenalty", "apy", "lockPeriod")) {
            for (var blank : BLANKS) {
                var r = api.post("/api/staking/pools", Api.adminToken(), with(VALID_POOL, field, blank));
                assertRefused(r, field, "number");
            }
        }
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void aBlankPoolChangeIsRefusedNotReadAsNoChange() {
        var pool = api.post("/api/staking/pools", Api.adminToken(), VALID_POOL);
        assertThat(pool.status()).as(pool.body()).isEqualTo(201);
        var path = "/api/staking/pools/" + pool.text("id");
        var before = state();
        for (var field : List.of("apy", "minTrustScore")) {
            for (var blank : BLANKS) {
                var r = patch(path, with("{\"status\":\"PAUSED\"}", field, blank));
                assertRefused(r, field, "number");
            }
        }
        assertThat(state()).isEqualTo(before);
        assertThat(jdbc.sql("select status from staking_pools where id = ?::uuid")
                        .param(pool.text("id"))
                        .query(String.class)
                        .single())
                .isEqualTo("ACTIVE");
    }

    @Test
    void aBlankTrustScoreIsRefused() {
        var before = state();
        var entity = "binding-" + UUID.randomUUID();
        for (var blank : BLANKS) {
            var r = api.put("/api/trust/" + entity, Api.adminToken(), with("{}", "score", blank));
            assertRefused(r, "score", "number");
        }
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void aWholeNumberIsAJsonNumberNeitherQuotedNorFractional() {
        var before = state();
        for (var value : List.of("\"30\"", "\" 30\"", "1.5", "30.0", "true")) {
            var r = api.post("/api/staking/pools", Api.adminToken(), withRaw(VALID_POOL, "lockPeriod", value));
            assertRefused(r, "lockPeriod", "whole number");
        }
        for (var value : List.of("\"1\"", "1.5", "1e400", "99999999999999999999999")) {
            var r = api.post("/api/audit/verify", Api.adminToken(), withRaw("{}", "fromHeight", value));
            assertRefused(r, "fromHeight", "whole number");
        }
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void aDecimalMayStillBeQuotedAndAnAmountStillBeANumber() {
        var pool = api.post(
                "/api/staking/pools",
                Api.adminToken(),
                "{\"tokenId\":\"BTA-UTIL\",\"name\":\"quoted\",\"apy\":\"7.5\",\"minStakeAmount\":10,"
                        + "\"lockPeriod\":30,\"minTrustScore\":\"12.25\"}");
        assertThat(pool.status()).as(pool.body()).isEqualTo(201);
        assertThat(pool.text("apy")).isEqualTo("7.5");
        assertThat(pool.text("minStakeAmount")).isEqualTo("10");
        assertThat(pool.json().get("lockPeriod").asInt()).isEqualTo(30);
        assertThat(pool.text("minTrustScore")).isEqualTo("12.25");
        Invariants.assertHold(jdbc);
    }

    /**
     * The event publication registry writes events with the service's mapper and reads them back
     * with it after a restart: every event stored so far must still read under these rules.
     */
    @Test
    void everyStoredEventReadsBackWithTheServicesMapper() throws ClassNotFoundException {
        var holder = "binding-" + UUID.randomUUID();
        var transfer = api.post(
                "/api/tokens/transfer",
                Api.adminToken(),
                Api.json("fromEntityId", "treasury", "toEntityId", holder, "tokenId", "BTA-UTIL", "amount", "5"));
        assertThat(transfer.status()).as(transfer.body()).isEqualTo(201);
        var pool = api.post("/api/staking/pools", Api.adminToken(), VALID_POOL);
        assertThat(pool.status()).as(pool.body()).isEqualTo(201);
        var stake =
                api.post("/api/staking/stake", Api.token(holder), Api.json("poolId", pool.text("id"), "amount", "2"));
        assertThat(stake.status()).as(stake.body()).isEqualTo(201);

        var stored = jdbc.sql("select event_type, serialized_event from event_publication")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list();
        assertThat(stored).isNotEmpty();
        for (var event : stored) {
            var type = Class.forName(event.getKey());
            assertThat(mapper.readValue(event.getValue(), type))
                    .as(event.getKey())
                    .isInstanceOf(type);
        }
    }

    private void assertRefused(Api.Response r, String field, String messagePart) {
        assertThat(r.status()).as(field + " " + r.body()).isEqualTo(400);
        assertThat(r.isProblem()).as(r.body()).isTrue();
        assertThat(r.code()).isEqualTo("INVALID_INPUT");
        var errors = r.json().get("errors");
        assertThat(errors.size()).as(r.body()).isEqualTo(1);
        assertThat(errors.get(0).get("field").asString()).isEqualTo(field);
        assertThat(errors.get(0).get("message").asString()).as(r.body()).contains(messagePart);
        assertThat(r.text("detail")).startsWith(field + ": ");
    }

    private Api.Response patch(String path, String body) {
        return api.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
                        .header("Content-Type", "application/json")
                        .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString(body)),
                Api.adminToken(),
                null);
    }

    private static String with(String body, String field, String text) {
        var node = (ObjectNode) JSON.readTree(body);
        node.put(field, text);
        return JSON.writeValueAsString(node);
    }

    private static String withRaw(String body, String field, String json) {
        var node = (ObjectNode) JSON.readTree(body);
        node.set(field, JSON.readTree(json));
        return JSON.writeValueAsString(node);
    }

    /** What a refused request could have changed here: pools and their terms, scores, the ledger's head. */
    private Map<String, Object> state() {
        var s = new TreeMap<String, Object>();
        s.put(
                "pools",
                jdbc.sql(
                                """
                        select md5(coalesce(string_agg(id || ':' || apy || ':' || min_trust_score || ':'
                                || lock_period_days || ':' || coalesce(early_unstake_penalty::text, '-') || ':'
                                || status, ',' order by id), ''))
                        from staking_pools
                        """)
                        .query(String.class)
                        .single());
        s.put(
                "scores",
                jdbc.sql("select count(*) from trust_scores").query(Long.class).single());
        s.put(
                "head",
                jdbc.sql("select last_sequence from ledger_head")
                        .query(Long.class)
                        .single());
        return s;
    }
}
