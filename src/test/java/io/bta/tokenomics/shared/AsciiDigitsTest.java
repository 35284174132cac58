package io.bta.tokenomics.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.IntegrationTest;
import io.bta.tokenomics.support.Invariants;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A number read from text is written with the digits 0 to 9 (NumberText): the fullwidth "１" and
 * the Arabic-Indic "١٠" that Java's parsers read as 1 and 10 are refused with a 400 naming the
 * field or parameter, wherever the service reads a number from a string.
 */
@IntegrationTest
class AsciiDigitsTest {

    static final String FULLWIDTH_ONE = "\uFF11";
    static final String ARABIC_INDIC_TEN = "\u0661\u0660";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        api.post("/api/tokens/initialize", Api.adminToken(), null);
    }

    @Test
    void anAmountInOtherDigitsIsRefused() {
        var bob = "digits-" + UUID.randomUUID();
        long head = head();
        for (var amount : List.of(FULLWIDTH_ONE, ARABIC_INDIC_TEN, "1" + "\u0660", "\u0967.5")) {
            var r = api.post(
                    "/api/tokens/transfer",
                    Api.adminToken(),
                    Api.json("fromEntityId", "treasury", "toEntityId", bob, "tokenId", "BTA-UTIL", "amount", amount));
            assertRefused(r, "amount");
        }
        assertThat(head()).isEqualTo(head);
    }

    @Test
    void aQuotedDecimalInOtherDigitsIsRefused() {
        var r = api.put("/api/trust/digits-" + UUID.randomUUID(), Api.adminToken(), "{\"score\":\"\u0667\u0662\"}");
        assertRefused(r, "score");
        var pool = api.post(
                "/api/staking/pools",
                Api.adminToken(),
                "{\"tokenId\":\"BTA-UTIL\",\"name\":\"digits\",\"apy\":\"" + FULLWIDTH_ONE
                        + "\",\"minStakeAmount\":\"1\",\"lockPeriod\":0}");
        assertRefused(pool, "apy");
    }

    @Test
    void aWholeNumberParameterInOtherDigitsOrHexadecimalIsRefused() {
        for (var limit : List.of(ARABIC_INDIC_TEN, FULLWIDTH_ONE, "0x10", "#10", " 10", "10 ")) {
            var r = api.get("/api/tokens/transactions?limit=" + encode(limit), Api.adminToken());
            assertRefused(r, "limit");
        }
        assertThat(api.get("/api/tokens/transactions?limit=10", Api.adminToken())
                        .status())
                .isEqualTo(200);
        var height = api.get("/api/audit/blocks/" + encode(FULLWIDTH_ONE), Api.adminToken());
        assertRefused(height, "height");
        var after = api.get("/api/admin/webhooks/messages?after=" + encode(ARABIC_INDIC_TEN), Api.adminToken());
        assertRefused(after, "after");
    }

    /**
     * The header itself cannot carry them (HTTP header values are ASCII); the parameter for a first
     * connection can. The body is read only when it is not an event stream, which never ends.
     */
    @Test
    void aLastEventIdInOtherDigitsIsRefused() throws Exception {
        var request = HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + port + "/api/events/stream?lastEventId=" + encode(ARABIC_INDIC_TEN)))
                .header("Authorization", "Bearer " + Api.adminToken())
                .timeout(Duration.ofSeconds(30))
                .build();
        var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (var body = response.body()) {
            var contentType = response.headers().firstValue("Content-Type").orElse("");
            assertThat(contentType).startsWith("application/problem+json");
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).contains("Last-Event-ID");
        }
    }

    @Test
    void aGovernedParameterInOtherDigitsIsRefused() {
        var proposer = "digits-proposer-" + UUID.randomUUID();
        var funded = api.post(
                "/api/tokens/transfer",
                Api.adminToken(),
                Api.json("fromEntityId", "treasury", "toEntityId", proposer, "tokenId", "BTA-GOV", "amount", "5000"));
        assertThat(funded.status()).as(funded.body()).isEqualTo(201);
        long proposals = proposals();
        for (var parameter : List.of(
                List.of("governance.max-actions", "\u0665"),
                List.of("governance.quorum-fraction", "0.\u0661"),
                List.of("rewards.learning.amount", ARABIC_INDIC_TEN),
                List.of("rewards.transaction.rate", "0.00" + FULLWIDTH_ONE))) {
            var body = "{\"title\":\"digits\",\"actions\":[{\"type\":\"SET_PARAMETER\",\"key\":\"" + parameter.get(0)
                    + "\",\"value\":\"" + parameter.get(1) + "\"}]}";
            var r = api.post("/api/governance/proposals", Api.token(proposer), body);
            assertThat(r.status()).as(parameter + " " + r.body()).isEqualTo(400);
            assertThat(r.isProblem()).isTrue();
            assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("actions[0]");
        }
        assertThat(proposals()).isEqualTo(proposals);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private void assertRefused(Api.Response r, String field) {
        r.refusedField(field);
    }

    private long head() {
        return Invariants.ledgerHead(jdbc);
    }

    private long proposals() {
        return jdbc.sql("select count(*) from governance_proposals")
                .query(Long.class)
                .single();
    }
}
