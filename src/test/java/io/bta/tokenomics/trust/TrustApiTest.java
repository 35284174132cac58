package io.bta.tokenomics.trust;

import static org.assertj.core.api.Assertions.assertThat;

import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.IntegrationTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@IntegrationTest
@RecordApplicationEvents
class TrustApiTest {

    @LocalServerPort
    int port;

    @Autowired
    Trust trust;

    @Autowired
    ApplicationEvents events;

    Api api;
    String entity;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        entity = "org-" + UUID.randomUUID();
    }

    @Test
    void anEntityWithoutAScoreHasTheDefault() {
        var r = api.get("/api/trust/" + entity, Api.token("anyone"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("score").decimalValue()).isEqualByComparingTo("50");
        assertThat(r.json().get("updatedAt").isNull()).isTrue();
        assertThat(trust.scoreOf(EntityId.of(entity)).score()).isEqualByComparingTo("50");
    }

    @Test
    void anAdminOrAServiceSetsAScoreWithDecimalsAndItsHistoryIsKept() {
        var first = api.put("/api/trust/" + entity, Api.adminToken(), "{\"score\": 72.5}");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("score").decimalValue()).isEqualByComparingTo("72.5");
        var second = api.put("/api/trust/" + entity, Api.token("trust-engine", "SERVICE"), "{\"score\": \"88.125\"}");
        assertThat(second.status()).isEqualTo(200);
        var read = api.get("/api/trust/" + entity, Api.token("anyone"));
        assertThat(read.json().get("score").decimalValue()).isEqualByComparingTo("88.125");
        assertThat(read.text("updatedAt")).isNotNull();
        var history = api.get("/api/trust/" + entity + "/history", Api.token("anyone"));
        assertThat(history.json().size()).isEqualTo(2);
        assertThat(history.json().get(0).get("score").decimalValue()).isEqualByComparingTo("88.125");
        assertThat(history.json().get(0).get("previous").decimalValue()).isEqualByComparingTo("72.5");
        assertThat(history.json().get(0).get("changedBy").asString()).isEqualTo("trust-engine");
        assertThat(history.json().get(1).get("previous").isNull()).isTrue();
    }

    @Test
    void settingTheSameScoreAgainChangesNothing() {
        var first = api.put("/api/trust/" + entity, Api.adminToken(), "{\"score\": 72.5}");
        assertThat(first.status()).isEqualTo(200);
        var again = api.put("/api/trust/" + entity, Api.token("trust-engine", "SERVICE"), "{\"score\": \"72.500\"}");
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("score").decimalValue()).isEqualByComparingTo("72.5");
        assertThat(again.text("updatedAt")).isEqualTo(first.text("updatedAt"));
        var history = api.get("/api/trust/" + entity + "/history", Api.token("anyone"));
        assertThat(history.json().size()).isEqualTo(1);
        assertThat(history.json().get(0).get("changedBy").asString()).isEqualTo("admin");

        var id = EntityId.of(entity);
        var unchanged = trust.record(id, new BigDecimal("72.50"), EntityId.of("admin"));
        assertThat(unchanged.score()).isEqualByComparingTo("72.5");
        assertThat(unchanged.updatedAt()).isEqualTo(Instant.parse(first.text("updatedAt")));
        assertThat(events.stream(TrustScoreChanged.class)).isEmpty();
        assertThat(trust.history(id, 10)).hasSize(1);

        trust.record(id, new BigDecimal("72.6"), EntityId.of("admin"));
        assertThat(events.stream(TrustScoreChanged.class)).singleElement().satisfies(e -> assertThat(e.previous())
                .isEqualByComparingTo("72.5"));
    }

    @Test
    void aScoreIsRenderedWithoutExponent() {
        api.put("/api/trust/" + entity, Api.adminToken(), "{\"score\": 100}");
        var body = api.get("/api/trust/" + entity, Api.token("anyone")).body();
        assertThat(body).contains("\"score\":100").doesNotContain("E+");
    }

    @Test
    void scoresOutsideZeroToHundredOrWithTooManyDecimalsAre400() {
        for (var score : new String[] {"-0.1", "100.000001", "1e3", "50.1234567", "\"abc\"", "null"}) {
            var r = api.put("/api/trust/" + entity, Api.adminToken(), "{\"score\": " + score + "}");
            assertThat(r.status()).as(score).isEqualTo(400);
            assertThat(r.isProblem()).isTrue();
        }
        assertThat(trust.scoreOf(EntityId.of(entity)).updatedAt()).isNull();
    }

    @Test
    void onlyAdminsAndServicesSetScores() {
        var r = api.put("/api/trust/" + entity, Api.token(entity), "{\"score\": 99}");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.isProblem()).isTrue();
        assertThat(api.put("/api/trust/" + entity, null, "{\"score\": 99}").status())
                .isEqualTo(401);
    }
}
