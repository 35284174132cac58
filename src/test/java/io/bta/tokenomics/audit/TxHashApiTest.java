package io.bta.tokenomics.audit;

import static io.bta.tokenomics.support.Api.adminToken;
import static io.bta.tokenomics.support.Api.json;
import static io.bta.tokenomics.support.Api.token;
import static org.assertj.core.api.Assertions.assertThat;

import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.ledger.LedgerOperation;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.IntegrationTest;
import io.bta.tokenomics.support.Invariants;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Every answer that holds a ledger transaction holds its {@code txHash}, the very hash that the
 * audit chain seals for it (its inclusion proof's), whether it is sealed yet or not.
 */
@IntegrationTest
class TxHashApiTest {

    static final EntityId ADMIN = EntityId.of("admin");
    static final String HEX_64 = "^[0-9a-f]{64}$";

    @LocalServerPort
    int port;

    @Autowired
    Ledger ledger;

    @Autowired
    Audit audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    Api api;
    String alice;
    String bob;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        ledger.initializeTokens(ADMIN);
        alice = "alice-" + UUID.randomUUID();
        bob = "bob-" + UUID.randomUUID();
    }

    @AfterEach
    void invariantsHold() {
        Invariants.assertHold(jdbc);
    }

    /** The txHash of the proof of a transaction, sealing first if it is not yet. */
    String provenHash(String transactionId) {
        audit.sealAll();
        var proof = api.get("/api/tokens/transactions/" + transactionId + "/proof", adminToken());
        assertThat(proof.status()).as(proof.body()).isEqualTo(200);
        return proof.text("txHash");
    }

    /** Checks one transaction document: a txHash of the right form, equal to its proof's. */
    void assertHashIsTheProofs(JsonNode transaction) {
        var txHash = transaction.get("txHash");
        assertThat(txHash).as(transaction.toString()).isNotNull();
        assertThat(txHash.isNull()).as(transaction.toString()).isFalse();
        assertThat(txHash.asString()).matches(HEX_64);
        assertThat(provenHash(transaction.get("id").asString()))
                .as(transaction.toString())
                .isEqualTo(txHash.asString());
    }

    @Test
    void transferMintBurnLockAndUnlockAnswerTheTxHashOfTheirProof() {
        var answers = new LinkedHashMap<String, Api.Response>();
        answers.put(
                "transfer",
                api.post(
                        "/api/tokens/transfer",
                        adminToken(),
                        json(
                                "fromEntityId",
                                "treasury",
                                "toEntityId",
                                alice,
                                "tokenId",
                                "BTA-UTIL",
                                "amount",
                                "100.5",
                                "memo",
                                "ünïcödé, and a memo")));
        answers.put(
                "mint",
                api.post(
                        "/api/tokens/mint",
                        adminToken(),
                        json("entityId", alice, "tokenId", "BTA-GUAR", "amount", "7")));
        answers.put(
                "lock",
                api.post(
                        "/api/tokens/lock",
                        adminToken(),
                        json("entityId", alice, "tokenId", "BTA-UTIL", "amount", "0.000000000000000001")));
        answers.put(
                "unlock",
                api.post(
                        "/api/tokens/unlock",
                        adminToken(),
                        json("entityId", alice, "tokenId", "BTA-UTIL", "amount", "0.000000000000000001")));
        answers.put(
                "burn",
                api.post(
                        "/api/tokens/burn",
                        adminToken(),
                        json("entityId", alice, "tokenId", "BTA-GUAR", "amount", "2", "memo", "")));
        answers.put(
                "transfer by the owner",
                api.post(
                        "/api/tokens/transfer",
                        token(alice),
                        json("toEntityId", bob, "tokenId", "BTA-UTIL", "amount", "1")));
        for (var answer : answers.entrySet()) {
            var r = answer.getValue();
            assertThat(r.status()).as(answer.getKey() + ": " + r.body()).isEqualTo(201);
            assertHashIsTheProofs(r.json());
        }
    }

    @Test
    void aReplayedAnswerCarriesTheSameTxHash() {
        var key = "tx-hash-" + UUID.randomUUID();
        var body = json("fromEntityId", "treasury", "toEntityId", alice, "tokenId", "BTA-UTIL", "amount", "3");
        var first = api.post("/api/tokens/transfer", adminToken(), body, key);
        var replay = api.post("/api/tokens/transfer", adminToken(), body, key);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.text("txHash")).isEqualTo(first.text("txHash")).matches(HEX_64);
        assertHashIsTheProofs(replay.json());
    }

    @Test
    void bothBatchModesAnswerEachTransactionsTxHash() {
        ledger.transfer(ledger.resolve("BTA-UTIL"), ledger.treasury(), EntityId.of(alice), Amount.of(10), null, ADMIN);
        var item = "{\"toEntityId\":\"%s\",\"tokenId\":\"BTA-UTIL\",\"amount\":\"%s\"}";
        var atomic = api.post(
                "/api/tokens/transfers/batch",
                token(alice),
                "{\"mode\":\"ATOMIC\",\"transfers\":[" + item.formatted(bob, "1") + "," + item.formatted(bob, "2")
                        + "]}");
        var independent = api.post(
                "/api/tokens/transfers/batch",
                token(alice),
                "{\"mode\":\"INDEPENDENT\",\"transfers\":[" + item.formatted(bob, "3") + "," + item.formatted(bob, "99")
                        + "]}");
        assertThat(atomic.status()).as(atomic.body()).isEqualTo(201);
        assertThat(independent.status()).as(independent.body()).isEqualTo(200);
        var applied = new ArrayList<JsonNode>();
        atomic.json().get("results").forEach(r -> applied.add(r.get("transaction")));
        applied.add(independent.json().get("results").get(0).get("transaction"));
        assertThat(independent.json().get("results").get(1).has("transaction")).isFalse();
        assertThat(applied).hasSize(3);
        for (var transaction : applied) {
            assertHashIsTheProofs(transaction);
        }
        assertThat(applied.stream().map(t -> t.get("txHash").asString()).distinct())
                .hasSize(3);
    }

    @Test
    void theHistoryShowsEachTransactionsTxHashBeforeAndAfterSealing() {
        var util = ledger.resolve("BTA-UTIL");
        ledger.transfer(util, ledger.treasury(), EntityId.of(alice), Amount.of(10), "first", ADMIN);
        audit.sealAll();
        ledger.transfer(util, EntityId.of(alice), EntityId.of(bob), Amount.of(4), "unsealed", EntityId.of(alice));
        ledger.lock(util, EntityId.of(alice), Amount.of(1), null, ADMIN);

        var before = api.get("/api/tokens/transactions", token(alice));
        assertThat(before.status()).isEqualTo(200);
        var items = before.json().get("items");
        assertThat(items.size()).isEqualTo(3);
        // the two newest are not sealed yet, and still have their hash
        assertThat(audit.lastSealedSequence())
                .isLessThan(items.get(0).get("sequence").asLong())
                .isLessThan(items.get(1).get("sequence").asLong());
        Map<String, String> shown = new LinkedHashMap<>();
        items.forEach(t -> shown.put(t.get("id").asString(), t.get("txHash").asString()));
        for (var transaction : List.of(items.get(0), items.get(1), items.get(2))) {
            assertHashIsTheProofs(transaction);
        }
        // an admin reading alice's history sees the same hashes
        var asAdmin = api.get("/api/tokens/transactions/" + alice, adminToken());
        asAdmin.json().get("items").forEach(t -> assertThat(t.get("txHash").asString())
                .isEqualTo(shown.get(t.get("id").asString())));
    }

    // ---- GET /api/tokens/transactions/by-hash/{txHash} --------------------------------------------

    Api.Response byHash(String txHash, String token) {
        return api.get("/api/tokens/transactions/by-hash/" + txHash, token);
    }

    /** A transaction of alice's as her history shows it. */
    JsonNode historyItem(String transactionId) {
        for (var item : api.get("/api/tokens/transactions/" + alice, adminToken())
                .json()
                .get("items")) {
            if (item.get("id").asString().equals(transactionId)) {
                return item;
            }
        }
        throw new AssertionError("no transaction " + transactionId + " in the history of " + alice);
    }

    @Test
    void byHashFindsASealedAndAnUnsealedTransactionAsTheHistoryShowsThem() {
        var util = ledger.resolve("BTA-UTIL");
        var sealed = ledger.transfer(util, ledger.treasury(), EntityId.of(alice), Amount.of(10), "sealed", ADMIN);
        audit.sealAll();
        var unsealed = ledger.transfer(
                util, EntityId.of(alice), EntityId.of(bob), Amount.of(4), "not yet", EntityId.of(alice));
        assertThat(audit.lastSealedSequence()).isGreaterThanOrEqualTo(sealed.sequence());
        assertThat(audit.lastSealedSequence()).isLessThan(unsealed.sequence());

        for (var t : List.of(sealed, unsealed)) {
            var found = byHash(t.txHash().hex(), token(alice));
            assertThat(found.status()).as(found.body()).isEqualTo(200);
            assertThat(found.json()).isEqualTo(historyItem(t.id().toString()));
            assertThat(found.text("txHash")).isEqualTo(t.txHash().hex());
            // either letter case; the answer shows the lowercase form
            var upper = byHash(t.txHash().hex().toUpperCase(), token(alice));
            assertThat(upper.status()).isEqualTo(200);
            assertThat(upper.text("txHash")).isEqualTo(t.txHash().hex());
        }
        // and once sealed, the unsealed one is found through the audit chain's entries
        audit.sealAll();
        assertThat(byHash(unsealed.txHash().hex(), token(bob)).text("id"))
                .isEqualTo(unsealed.id().toString());
        assertThat(provenHash(unsealed.id().toString()))
                .isEqualTo(unsealed.txHash().hex());
    }

    @Test
    void byHashFindsAnUnsealedTransactionBeyondTheFirstThousandOfTheTail() {
        var util = ledger.resolve("BTA-UTIL");
        audit.sealAll();
        var operations = new ArrayList<LedgerOperation>();
        for (int i = 0; i < Audit.TAIL_PAGE + 5; i++) {
            operations.add(new LedgerOperation.Transfer(
                    util, ledger.treasury(), EntityId.of(alice), Amount.of("0.001"), null, ADMIN));
        }
        var applied = ledger.applyAllOrNothing(operations);
        var last = applied.get(applied.size() - 1);
        assertThat(last.sequence() - audit.lastSealedSequence()).isGreaterThan(Audit.TAIL_PAGE);

        var found = byHash(last.txHash().hex(), token(alice));
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        assertThat(found.text("id")).isEqualTo(last.id().toString());
        audit.sealAll();
    }

    @Test
    void anUnknownHashIsA404UnknownTransaction() {
        audit.sealAll();
        ledger.transfer(ledger.resolve("BTA-UTIL"), ledger.treasury(), EntityId.of(alice), Amount.of(1), null, ADMIN);
        for (var unknown : List.of("0".repeat(64), "AB".repeat(32))) {
            var r = byHash(unknown, adminToken());
            assertThat(r.status()).as(r.body()).isEqualTo(404);
            assertThat(r.isProblem()).isTrue();
            assertThat(r.code()).isEqualTo("UNKNOWN_TRANSACTION");
            assertThat(r.text("txHash")).isEqualTo(unknown.toLowerCase());
        }
    }

    @Test
    void aMalformedHashIsA400NamingTheField() {
        var t = ledger.transfer(
                ledger.resolve("BTA-UTIL"), ledger.treasury(), EntityId.of(alice), Amount.of(1), null, ADMIN);
        var hex = t.txHash().hex();
        for (var malformed : List.of(
                "0x" + hex, hex.substring(1), hex + "0", hex.substring(1) + "g", "not-a-hash", "x".repeat(300))) {
            var r = byHash(malformed, token(alice));
            assertThat(r.status()).as(malformed + ": " + r.body()).isEqualTo(400);
            assertThat(r.isProblem()).isTrue();
            assertThat(r.code()).isEqualTo("INVALID_INPUT");
            assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("txHash");
        }
        assertThat(byHash("0x" + hex, token(alice)).body()).contains("without the 0x prefix");
    }

    @Test
    void onlyThePartiesAndAnAdminMayLookATransactionUp() {
        var util = ledger.resolve("BTA-UTIL");
        ledger.transfer(util, ledger.treasury(), EntityId.of(alice), Amount.of(10), null, ADMIN);
        var t = ledger.transfer(util, EntityId.of(alice), EntityId.of(bob), Amount.of(1), null, EntityId.of(alice));
        var carol = "carol-" + UUID.randomUUID();
        for (boolean sealed : new boolean[] {false, true}) {
            if (sealed) {
                audit.sealAll();
            }
            assertThat(byHash(t.txHash().hex(), token(alice)).status()).isEqualTo(200);
            assertThat(byHash(t.txHash().hex(), token(bob)).status()).isEqualTo(200);
            assertThat(byHash(t.txHash().hex(), adminToken()).status()).isEqualTo(200);
            var other = byHash(t.txHash().hex(), token(carol));
            assertThat(other.status()).as("sealed " + sealed).isEqualTo(403);
            assertThat(other.isProblem()).isTrue();
            assertThat(other.code()).isEqualTo("NOT_A_PARTY");
            assertThat(other.body()).doesNotContain(t.id().toString());
        }
    }

    @Test
    void afterARewriteOfASealedRowItsSealedHashFindsItAndShowsItsNewHash() {
        var t = ledger.transfer(
                ledger.resolve("BTA-UTIL"), ledger.treasury(), EntityId.of(alice), Amount.of(1), "original", ADMIN);
        audit.sealAll();
        tamper("update ledger_transactions set memo = 'rewritten' where id = ?", t.id());
        try {
            var found = byHash(t.txHash().hex(), adminToken());
            assertThat(found.status()).as(found.body()).isEqualTo(200);
            assertThat(found.text("memo")).isEqualTo("rewritten");
            assertThat(found.text("txHash")).isNotEqualTo(t.txHash().hex());
            assertThat(provenHash(t.id().toString())).isEqualTo(t.txHash().hex());
            // the rewritten row's own hash was never sealed
            assertThat(byHash(found.text("txHash"), adminToken()).status()).isEqualTo(404);
        } finally {
            tamper("update ledger_transactions set memo = 'original' where id = ?", t.id());
        }
        assertThat(byHash(t.txHash().hex(), adminToken()).text("txHash"))
                .isEqualTo(t.txHash().hex());
    }

    /** Changes a ledger row past its append-only trigger, as only someone with the database could. */
    private void tamper(String sql, Object... params) {
        new TransactionTemplate(transactionManager).executeWithoutResult(s -> {
            jdbc.sql("set local session_replication_role = replica").update();
            var statement = jdbc.sql(sql);
            for (var p : params) {
                statement = statement.param(p);
            }
            assertThat(statement.update()).isEqualTo(1);
        });
    }
}
