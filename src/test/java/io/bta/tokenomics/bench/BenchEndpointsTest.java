package io.bta.tokenomics.bench;

import static io.bta.tokenomics.support.Api.adminToken;
import static io.bta.tokenomics.support.Api.json;
import static io.bta.tokenomics.support.Api.token;
import static org.assertj.core.api.Assertions.assertThat;

import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.IntegrationTest;
import io.bta.tokenomics.support.Invariants;
import io.bta.tokenomics.support.Ports;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The endpoints that the benchmark suite drives, with the {@code bench} profile, on an embedded
 * PostgreSQL at a port chosen in advance (as the suite chooses it, to run pgbench next to the
 * service). The workloads themselves run only from {@code bench/run.sh}.
 */
@IntegrationTest
@ActiveProfiles("bench")
class BenchEndpointsTest {

    static final int POSTGRES_PORT = Ports.free();

    @DynamicPropertySource
    static void postgresPort(DynamicPropertyRegistry registry) {
        registry.add("tokenomics.embedded-postgres.port", () -> POSTGRES_PORT);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        api.post("/api/tokens/initialize", adminToken(), null);
    }

    @AfterEach
    void invariantsHold() {
        Invariants.assertHold(jdbc);
    }

    @Test
    void embeddedPostgresListensOnTheConfiguredPort() throws Exception {
        try (var connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getURL()).contains(":" + POSTGRES_PORT + "/");
        }
    }

    @Test
    void echoValidatesATransferAndAnswersWithoutLedgerWork() {
        long before = jdbc.sql("select count(*) from ledger_transactions")
                .query(Long.class)
                .single();
        var r = api.post(
                "/api/bench/echo",
                token("alice"),
                json("toEntityId", "bob", "tokenId", "BTA-UTIL", "amount", "12.50", "memo", "hi"));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.text("fromEntityId")).isEqualTo("alice");
        assertThat(r.text("amount")).isEqualTo("12.5");
        assertThat(jdbc.sql("select count(*) from ledger_transactions")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void echoRefusesWhatATransferRefuses() {
        var badAmount = api.post(
                "/api/bench/echo", token("alice"), json("toEntityId", "bob", "tokenId", "BTA-UTIL", "amount", "-1"));
        assertThat(badAmount.status()).isEqualTo(400);
        assertThat(badAmount.code()).isEqualTo("INVALID_INPUT");
        var notOwner = api.post(
                "/api/bench/echo",
                token("alice"),
                json("fromEntityId", "carol", "toEntityId", "bob", "tokenId", "BTA-UTIL", "amount", "1"));
        assertThat(notOwner.status()).isEqualTo(403);
        assertThat(notOwner.code()).isEqualTo("NOT_OWNER");
        var noToken =
                api.post("/api/bench/echo", null, json("toEntityId", "bob", "tokenId", "BTA-UTIL", "amount", "1"));
        assertThat(noToken.status()).isEqualTo(401);
    }

    @Test
    void inProcessTransfersMoveTokensThroughTheFacadeAndReportLatencies() {
        var prefix = "w1c-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        var funded = api.post(
                "/api/bench/setup",
                adminToken(),
                json(
                        "operation", "TRANSFER",
                        "tokenId", "BTA-UTIL",
                        "fromEntityId", "treasury",
                        "prefix", prefix,
                        "first", 1,
                        "count", 20,
                        "amount", "100"));
        assertThat(funded.status()).isEqualTo(200);
        assertThat(funded.json().get("applied").asLong()).isEqualTo(20);

        // The in-process run always uses acct-1..acct-N; fund those too.
        api.post(
                "/api/bench/setup",
                adminToken(),
                json(
                        "operation",
                        "TRANSFER",
                        "tokenId",
                        "BTA-UTIL",
                        "fromEntityId",
                        "treasury",
                        "prefix",
                        "acct-",
                        "first",
                        1,
                        "count",
                        20,
                        "amount",
                        "100"));
        long before = jdbc.sql("select count(*) from ledger_transactions where type = 'TRANSFER'")
                .query(Long.class)
                .single();
        var r = api.post(
                "/api/bench/inprocess-transfers", adminToken(), json("threads", 2, "seconds", 1, "accounts", 20));
        assertThat(r.status()).isEqualTo(200);
        long transfers = r.json().get("transfers").asLong();
        assertThat(transfers).isPositive();
        assertThat(r.json().get("errors").asLong()).isZero();
        assertThat(r.json().get("p99Micros").asLong())
                .isGreaterThanOrEqualTo(r.json().get("p50Micros").asLong());
        long after = jdbc.sql("select count(*) from ledger_transactions where type = 'TRANSFER'")
                .query(Long.class)
                .single();
        assertThat(after - before).isEqualTo(transfers);
    }

    @Test
    void setupLocksPartOfEachBalance() {
        var prefix = "lock-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        api.post(
                "/api/bench/setup",
                adminToken(),
                json(
                        "operation", "TRANSFER",
                        "tokenId", "BTA-UTIL",
                        "fromEntityId", "treasury",
                        "prefix", prefix,
                        "first", 1,
                        "count", 3,
                        "amount", "10"));
        var locked = api.post(
                "/api/bench/setup",
                adminToken(),
                json(
                        "operation",
                        "LOCK",
                        "tokenId",
                        "BTA-UTIL",
                        "prefix",
                        prefix,
                        "first",
                        1,
                        "count",
                        3,
                        "amount",
                        "4"));
        assertThat(locked.json().get("applied").asLong()).isEqualTo(3);
        var balance = api.get("/api/tokens/balances/" + prefix + "2/BTA-UTIL", adminToken());
        assertThat(balance.text("available")).isEqualTo("6");
        assertThat(balance.text("locked")).isEqualTo("4");
    }

    @Test
    void onlyAnAdminMayRunOrSetUp() {
        var r = api.post(
                "/api/bench/inprocess-transfers", token("alice"), json("threads", 1, "seconds", 1, "accounts", 2));
        assertThat(r.status()).isEqualTo(403);
        var s = api.post(
                "/api/bench/setup",
                token("alice"),
                json(
                        "operation",
                        "LOCK",
                        "tokenId",
                        "BTA-UTIL",
                        "prefix",
                        "x-",
                        "first",
                        1,
                        "count",
                        1,
                        "amount",
                        "1"));
        assertThat(s.status()).isEqualTo(403);
    }
}
