package io.bta.tokenomics.ledger;

import static io.bta.tokenomics.support.Api.adminToken;
import static io.bta.tokenomics.support.Api.token;
import static org.assertj.core.api.Assertions.assertThat;

import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.IntegrationTest;
import io.bta.tokenomics.support.Invariants;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class BatchTransferApiTest {

    static final EntityId ADMIN = EntityId.of("admin");

    @LocalServerPort
    int port;

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcClient jdbc;

    Api api;
    TokenId util;
    String alice;
    String bob;
    String carol;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        ledger.initializeTokens(ADMIN);
        util = ledger.resolve("BTA-UTIL");
        alice = "alice-" + UUID.randomUUID();
        bob = "bob-" + UUID.randomUUID();
        carol = "carol-" + UUID.randomUUID();
        ledger.transfer(util, ledger.treasury(), EntityId.of(alice), Amount.of(100), "funding", ADMIN);
    }

    @AfterEach
    void invariantsHold() {
        Invariants.assertHold(jdbc);
        Invariants.assertHistoryReplaysToBalances(jdbc);
    }

    static String item(String from, String to, String amount) {
        return from == null
                ? "{\"toEntityId\":\"%s\",\"tokenId\":\"BTA-UTIL\",\"amount\":\"%s\"}".formatted(to, amount)
                : "{\"fromEntityId\":\"%s\",\"toEntityId\":\"%s\",\"tokenId\":\"BTA-UTIL\",\"amount\":\"%s\"}"
                        .formatted(from, to, amount);
    }

    static String batch(String mode, List<String> items) {
        return "{\"mode\":\"%s\",\"transfers\":[%s]}".formatted(mode, String.join(",", items));
    }

    Amount balance(String entity) {
        return ledger.balance(EntityId.of(entity), util).available();
    }

    @Test
    void atomicAppliesAllInOrderWithConsecutiveSequences() {
        var response = api.post(
                "/api/tokens/transfers/batch",
                token(alice),
                batch("ATOMIC", List.of(item(null, bob, "60"), item(null, carol, "40"))));
        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("applied").asInt()).isEqualTo(2);
        var results = response.json().get("results");
        long first = results.get(0).get("transaction").get("sequence").asLong();
        assertThat(results.get(1).get("transaction").get("sequence").asLong()).isEqualTo(first + 1);
        assertThat(balance(alice)).isEqualTo(Amount.ZERO);
        assertThat(balance(bob)).isEqualTo(Amount.of(60));
        assertThat(balance(carol)).isEqualTo(Amount.of(40));
    }

    @Test
    void atomicAppliesNoneWhenOneIsRefusedAndNamesIt() {
        var response = api.post(
                "/api/tokens/transfers/batch",
                token(alice),
                batch("ATOMIC", List.of(item(null, bob, "60"), item(null, carol, "41"))));
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.code()).isEqualTo("INSUFFICIENT_BALANCE");
        assertThat(response.json().get("index").asInt()).isEqualTo(1);
        assertThat(balance(alice)).isEqualTo(Amount.of(100));
        assertThat(balance(bob)).isEqualTo(Amount.ZERO);
    }

    @Test
    void anAtomicBatchOfOneNamesTheIndexOfItsRefusedItem() {
        var response =
                api.post("/api/tokens/transfers/batch", token(alice), batch("ATOMIC", List.of(item(null, bob, "101"))));
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.code()).isEqualTo("INSUFFICIENT_BALANCE");
        assertThat(response.json().get("index").asInt()).as(response.body()).isZero();
        assertThat(balance(alice)).isEqualTo(Amount.of(100));
    }

    @Test
    void atomicIsForbiddenWholeWhenOneItemSpendsSomeoneElsesTokens() {
        ledger.transfer(util, ledger.treasury(), EntityId.of(bob), Amount.of(5), "funding", ADMIN);
        var response = api.post(
                "/api/tokens/transfers/batch",
                token(alice),
                batch("ATOMIC", List.of(item(null, carol, "1"), item(bob, carol, "1"))));
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("index").asInt()).isEqualTo(1);
        assertThat(balance(carol)).isEqualTo(Amount.ZERO);
    }

    @Test
    void independentAnswersEachItemOnItsOwn() {
        ledger.transfer(util, ledger.treasury(), EntityId.of(bob), Amount.of(5), "funding", ADMIN);
        var response = api.post(
                "/api/tokens/transfers/batch",
                token(alice),
                batch(
                        "INDEPENDENT",
                        List.of(
                                item(null, bob, "70"),
                                item(null, carol, "31"), // overdraft after the first
                                item(bob, carol, "1"), // not alice's account
                                item(null, carol, "30"))));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("applied").asInt()).isEqualTo(2);
        assertThat(response.json().get("refused").asInt()).isEqualTo(2);
        var results = response.json().get("results");
        assertThat(results.get(0).get("status").asInt()).isEqualTo(201);
        assertThat(results.get(1).get("status").asInt()).isEqualTo(409);
        assertThat(results.get(1).get("problem").get("code").asString()).isEqualTo("INSUFFICIENT_BALANCE");
        assertThat(results.get(2).get("status").asInt()).isEqualTo(403);
        assertThat(results.get(3).get("status").asInt()).isEqualTo(201);
        assertThat(results.get(1).has("transaction")).isFalse();
        assertThat(balance(alice)).isEqualTo(Amount.ZERO);
        assertThat(balance(bob)).isEqualTo(Amount.of(75));
        assertThat(balance(carol)).isEqualTo(Amount.of(30));
    }

    @Test
    void anAdminMovesFromAnyAccountAndAThousandFitInOneRequest() {
        var items = new ArrayList<String>();
        for (int i = 0; i < 1000; i++) {
            items.add(item(ledger.treasury().value(), "batch-" + i + "-" + carol, "1"));
        }
        var response = api.post("/api/tokens/transfers/batch", adminToken(), batch("INDEPENDENT", items));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("applied").asInt()).isEqualTo(1000);
        items.add(item(ledger.treasury().value(), carol, "1"));
        var tooMany = api.post("/api/tokens/transfers/batch", adminToken(), batch("INDEPENDENT", items));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.body()).contains("transfers").contains("at most 1000");
    }

    @Test
    void malformedItemsAreNamedAndNothingApplies() {
        var response = api.post(
                "/api/tokens/transfers/batch",
                token(alice),
                batch(
                        "INDEPENDENT",
                        List.of(
                                item(null, bob, "1"),
                                item(null, bob, "-1"),
                                "{\"toEntityId\":\"%s\",\"tokenId\":\"NOPE\",\"amount\":\"1\"}".formatted(bob),
                                item(null, alice, "1.0000000000000000001"))));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.body())
                .contains("transfers[1].amount")
                .contains("transfers[2].tokenId")
                .contains("transfers[3].amount")
                .contains("transfers[3].toEntityId");
        assertThat(balance(bob)).isEqualTo(Amount.ZERO);
        assertThat(api.post("/api/tokens/transfers/batch", token(alice), "{\"mode\":\"SOMETIMES\",\"transfers\":[]}")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void oneIdempotencyKeyCoversTheBatch() {
        var key = "b-" + UUID.randomUUID();
        var body = batch("INDEPENDENT", List.of(item(null, bob, "10"), item(null, carol, "10")));
        var first = api.post("/api/tokens/transfers/batch", token(alice), body, key);
        var retry = api.post("/api/tokens/transfers/batch", token(alice), body, key);
        assertThat(first.status()).isEqualTo(200);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(balance(alice)).isEqualTo(Amount.of(80));
    }
}
