package io.bta.tokenomics.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bta.tokenomics.shared.security.TokenIssuer;
import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.IntegrationTest;
import io.bta.tokenomics.support.Invariants;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The entity ids "." and ".." cannot be addressed in a path ({@code /api/tokens/balances/..} is
 * normalised away), so they are refused wherever an entity id is read: a body's field, a token's
 * sub, and the database's own checks.
 */
@IntegrationTest
class DotEntityIdsTest {

    static final List<String> DOTS = List.of(".", "..");

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
    void aDotRecipientIsRefused() {
        long head = head();
        for (var dot : DOTS) {
            var transfer = api.post(
                    "/api/tokens/transfer",
                    Api.adminToken(),
                    Api.json("fromEntityId", "treasury", "toEntityId", dot, "tokenId", "BTA-UTIL", "amount", "1"));
            assertRefused(transfer, "toEntityId");
            var mint = api.post(
                    "/api/tokens/mint",
                    Api.adminToken(),
                    Api.json("entityId", dot, "tokenId", "BTA-GUAR", "amount", "1"));
            assertRefused(mint, "entityId");
            var reward = api.post(
                    "/api/rewards",
                    Api.adminToken(),
                    Api.json("recipientId", dot, "type", "MANUAL", "sourceRef", "dots", "amount", "1"));
            assertRefused(reward, "recipientId");
        }
        assertThat(head()).isEqualTo(head);
        assertThat(jdbc.sql("select count(*) from ledger_balances where entity_id in ('.', '..')")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aTokenWhoseSubIsADotIs401() {
        for (var dot : DOTS) {
            var token = new TokenIssuer(Api.SECRET.getBytes(StandardCharsets.UTF_8))
                    .issue(dot, List.of("ADMIN"), Instant.now(), Duration.ofHours(1));
            var r = api.get("/api/tokens/balances", token);
            assertThat(r.status()).as(dot + " " + r.body()).isEqualTo(401);
            assertThat(r.isProblem()).isTrue();
            assertThat(r.text("detail")).contains("sub claim");
        }
    }

    @Test
    void theDatabaseRefusesThemToo() {
        for (var dot : DOTS) {
            assertThatThrownBy(() -> jdbc.sql(
                                    "insert into ledger_balances (entity_id, token_id) select ?, id from ledger_tokens"
                                            + " limit 1")
                            .param(dot)
                            .update())
                    .as(dot)
                    .isInstanceOf(DataIntegrityViolationException.class)
                    .hasMessageContaining("not_a_dot_segment");
            assertThatThrownBy(() -> jdbc.sql(
                                    "insert into trust_scores (entity_id, score, updated_at) values (?, 50, now())")
                            .param(dot)
                            .update())
                    .as(dot)
                    .isInstanceOf(DataIntegrityViolationException.class)
                    .hasMessageContaining("not_a_dot_segment");
        }
        // an id that merely has dots is an id
        var dots = "...-" + UUID.randomUUID();
        var r = api.put("/api/trust/" + dots, Api.adminToken(), "{\"score\":60}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private void assertRefused(Api.Response r, String field) {
        assertThat(r.refusedField(field)).contains("other than . and ..");
    }

    private long head() {
        return Invariants.ledgerHead(jdbc);
    }
}
