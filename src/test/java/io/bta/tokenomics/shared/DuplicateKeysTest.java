package io.bta.tokenomics.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.IntegrationTest;
import io.bta.tokenomics.support.Invariants;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A key given twice in one JSON object is refused, wherever the object is: a proxy that reads the
 * first value and the service that would have read the last must never see two requests. Each
 * refusal is a 400 naming the key's path, and nothing changes.
 */
@IntegrationTest
class DuplicateKeysTest {

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
    void aTransferNamingItsRecipientTwiceIsRefused() {
        var bob = "dup-bob-" + UUID.randomUUID();
        var mallory = "dup-mallory-" + UUID.randomUUID();
        long head = head();
        var r = api.post(
                "/api/tokens/transfer",
                Api.adminToken(),
                "{\"fromEntityId\":\"treasury\",\"toEntityId\":\"" + bob + "\",\"tokenId\":\"BTA-UTIL\","
                        + "\"amount\":\"5\",\"toEntityId\":\"" + mallory + "\"}");
        assertRefused(r, "toEntityId");
        assertThat(head()).isEqualTo(head);
        assertThat(holdings(bob)).isZero();
        assertThat(holdings(mallory)).isZero();
    }

    @Test
    void aKeyGivenTwiceWithTheSameValueIsRefusedToo() {
        var bob = "dup-bob-" + UUID.randomUUID();
        var r = api.post(
                "/api/tokens/transfer",
                Api.adminToken(),
                "{\"fromEntityId\":\"treasury\",\"toEntityId\":\"" + bob + "\",\"tokenId\":\"BTA-UTIL\","
                        + "\"amount\":\"5\",\"amount\":\"5\"}");
        assertRefused(r, "amount");
        assertThat(holdings(bob)).isZero();
    }

    @Test
    void aBatchItemOrTheBatchItselfWithAKeyTwiceIsRefused() {
        var bob = "dup-bob-" + UUID.randomUUID();
        long head = head();
        var item = "{\"fromEntityId\":\"treasury\",\"toEntityId\":\"" + bob + "\",\"tokenId\":\"BTA-UTIL\","
                + "\"amount\":\"1\"}";
        var twiceInItem = "{\"fromEntityId\":\"treasury\",\"toEntityId\":\"" + bob + "\",\"tokenId\":\"BTA-UTIL\","
                + "\"amount\":\"1\",\"amount\":\"1000\"}";
        assertRefused(
                api.post(
                        "/api/tokens/transfers/batch",
                        Api.adminToken(),
                        "{\"mode\":\"INDEPENDENT\",\"transfers\":[" + item + "," + twiceInItem + "]}"),
                "transfers[1].amount");
        assertRefused(
                api.post(
                        "/api/tokens/transfers/batch",
                        Api.adminToken(),
                        "{\"mode\":\"ATOMIC\",\"transfers\":[" + item + "],\"mode\":\"INDEPENDENT\"}"),
                "mode");
        assertThat(head()).isEqualTo(head);
        assertThat(holdings(bob)).isZero();
    }

    @Test
    void aNestedObjectWithAKeyTwiceIsRefused() {
        var guarantor = "dup-guarantor-" + UUID.randomUUID();
        long head = head();
        var r = api.post(
                "/api/guarantees/allocations",
                Api.adminToken(),
                "{\"guaranteeId\":\"dup-" + UUID.randomUUID() + "\",\"guarantorId\":\"" + guarantor + "\","
                        + "\"beneficiaryId\":\"dup-beneficiary\",\"amount\":\"5\","
                        + "\"collateral\":{\"tokenId\":\"BTA-UTIL\",\"amount\":\"1\",\"tokenId\":\"BTA-GOV\"}}");
        assertRefused(r, "collateral.tokenId");
        var deeper = api.post(
                "/api/governance/proposals",
                Api.adminToken(),
                "{\"title\":\"t\",\"actions\":[{\"type\":\"MINT\",\"tokenId\":\"BTA-UTIL\",\"toEntityId\":\"x\","
                        + "\"amount\":\"1\",\"toEntityId\":\"y\"}]}");
        assertRefused(deeper, "actions[0].toEntityId");
        assertThat(head()).isEqualTo(head);
        assertThat(jdbc.sql("select count(*) from guarantee_allocations where guarantor_id = ?")
                        .param(guarantor)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private void assertRefused(Api.Response r, String path) {
        assertThat(r.refusedField(path)).as(r.body()).contains("more than once");
        assertThat(r.json().get("errors").size()).as(r.body()).isEqualTo(1);
    }

    private long head() {
        return Invariants.ledgerHead(jdbc);
    }

    private long holdings(String entity) {
        return jdbc.sql("select count(*) from ledger_balances where entity_id = ? and (available > 0 or locked > 0)")
                .param(entity)
                .query(Long.class)
                .single();
    }
}
