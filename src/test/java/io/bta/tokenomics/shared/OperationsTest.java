package io.bta.tokenomics.shared;

import static io.bta.tokenomics.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.IntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class OperationsTest {

    @LocalServerPort
    int port;

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcClient jdbc;

    @Test
    void prometheusExposesLedgerMetricsWithoutEntityIds() {
        var api = new Api(port);
        ledger.initializeTokens(EntityId.of("admin"));
        var entity = "metrics-" + UUID.randomUUID();
        api.post("/api/tokens/mint", Api.adminToken(), json("entityId", entity, "tokenId", "BTA-GUAR", "amount", "5"));
        api.post("/api/tokens/burn", Api.adminToken(), json("entityId", entity, "tokenId", "BTA-GUAR", "amount", "6"));
        var r = api.get("/actuator/prometheus", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).containsPattern("ledger_operations_total\\{.*outcome=\"applied\".*type=\"MINT\".*\\}");
        assertThat(r.body()).containsPattern("ledger_operations_total\\{.*outcome=\"refused\".*type=\"BURN\".*\\}");
        assertThat(r.body()).contains("ledger_write_seconds");
        assertThat(r.body()).doesNotContain(entity);
    }

    @Test
    void healthAnswersItsStatusAndGroupNamesOnly() {
        for (var token : new String[] {null, Api.adminToken()}) {
            var r = new Api(port).get("/actuator/health", token);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().propertyNames()).as(r.body()).containsExactlyInAnyOrder("status", "groups");
            assertThat(r.text("status")).isEqualTo("UP");
            assertThat(r.json().get("groups").toString()).isEqualTo("[\"liveness\",\"readiness\"]");
        }
    }

    @Test
    void readinessIncludesTheDatabase() {
        var r = new Api(port).get("/actuator/health/readiness", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text("status")).isEqualTo("UP");
    }

    @Test
    void openApiDescribesTheLedgerWithABearerScheme() {
        var r = new Api(port).get("/v3/api-docs", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("paths").has("/api/tokens/transfer")).isTrue();
        assertThat(r.json().get("paths").has("/api/trust/{entityId}")).isTrue();
        assertThat(r.json().get("components").get("securitySchemes").has("bearer"))
                .isTrue();
    }

    /** Value types the mapper writes as one scalar are described as that scalar, not as objects. */
    @Test
    void openApiDescribesValueTypesAsTheScalarsTheyAreInJson() {
        var schemas =
                new Api(port).get("/v3/api-docs", null).json().get("components").get("schemas");
        for (var valueType : List.of(
                "Amount",
                "EntityId",
                "TokenId",
                "TxHash",
                "PoolId",
                "StakeId",
                "AuctionId",
                "Apy",
                "LockPeriod",
                "ProposalId",
                "ProposalAction")) {
            assertThat(schemas.has(valueType)).as(valueType).isFalse();
        }
        var pool = schemas.get("StakingPool").get("properties");
        assertThat(pool.get("apy").get("type").asString()).isEqualTo("string");
        assertThat(pool.get("lockPeriod").get("type").asString()).isEqualTo("integer");
        assertThat(pool.get("totalStaked").get("type").asString()).isEqualTo("string");
        assertThat(pool.get("id").get("type").asString()).isEqualTo("string");
        var vote = schemas.get("Vote").get("properties");
        assertThat(vote.get("proposalId").get("type").asString()).isEqualTo("string");
        assertThat(vote.get("votingPower").get("type").asString()).isEqualTo("string");
        // decimals written as plain strings (PlainDecimalText) are strings in the document too
        assertThat(vote.get("trustScore").get("type").asString()).isEqualTo("string");
        assertThat(vote.get("weight").get("type").asString()).isEqualTo("string");
        var tallyCheck = schemas.get("TallyCheck").get("properties");
        assertThat(tallyCheck.get("proposalId").get("type").asString()).isEqualTo("string");
        assertThat(tallyCheck.get("storedFor").get("type").asString()).isEqualTo("string");
        assertThat(tallyCheck.has("stored")).isFalse();
        var proposal = schemas.get("ProposalView").get("properties");
        assertThat(proposal.get("id").get("type").asString()).isEqualTo("string");
        assertThat(proposal.get("quorum").get("type").asString()).isEqualTo("string");
        assertThat(schemas.get("Stake")
                        .get("properties")
                        .get("trustScoreAtStake")
                        .get("type")
                        .asString())
                .isEqualTo("string");
        assertThat(proposal.has("proposal")).isFalse();
        var snapshot = schemas.get("TokenSnapshot").get("properties");
        assertThat(snapshot.get("holders").get("type").asString()).isEqualTo("string");
        assertThat(snapshot.get("volume").get("type").asString()).isEqualTo("string");
        assertThat(snapshot.get("tokenId").get("type").asString()).isEqualTo("string");
    }

    @Test
    void aRequestTomcatRefusesBeforeAnyServletIsAProblemNotAnHtmlPage() throws Exception {
        try (var socket = new java.net.Socket("127.0.0.1", port)) {
            var request = "GET /api/tokens HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer a\u0001b\r\n"
                    + "Connection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            var response = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 400");
            assertThat(response)
                    .contains("application/problem+json")
                    .contains("\"code\":\"INVALID_INPUT\"")
                    .doesNotContain("<html");
        }
    }

    @Test
    void theEmbeddedDatabaseSyncsEveryCommitToDisk() {
        assertThat(jdbc.sql("show fsync").query(String.class).single()).isEqualTo("on");
        assertThat(jdbc.sql("show synchronous_commit").query(String.class).single())
                .isEqualTo("on");
    }
}
