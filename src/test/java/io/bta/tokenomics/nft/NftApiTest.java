package io.bta.tokenomics.nft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** NFT collections over HTTP against real PostgreSQL: mint, transfer, burn, metadata, the history. */
@IntegrationTest
class NftApiTest {

    static final String METADATA =
            """
            {"name": "First vote", "description": "Voted in a governance proposal",
             "image": "https://example.test/badges/first-vote.png",
             "attributes": [{"trait_type": "kind", "value": "governance"}, {"trait_type": "level", "value": 1.50}]}
            """;

    @LocalServerPort
    int port;

    @Autowired
    Nfts nfts;

    @Autowired
    JdbcClient jdbc;

    Api api;
    String admin;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        admin = Api.adminToken();
    }

    static String symbol() {
        return "B-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    Api.Response collection(String symbol, boolean soulbound, Long max) {
        return api.post(
                "/api/nft/collections",
                admin,
                "{\"symbol\":\"" + symbol + "\",\"name\":\"Badges\",\"soulbound\":" + soulbound
                        + (max == null ? "" : ",\"maxSupply\":" + max) + "}");
    }

    Api.Response mint(String symbol, String to, String token) {
        return api.post(
                "/api/nft/collections/" + symbol + "/mint",
                token,
                "{\"toEntityId\":\"" + to + "\",\"metadata\":" + METADATA + "}");
    }

    @Test
    void anAdminMintsNumberedTokensWhoseMetadataIsPublicInTheErc721Shape() {
        var symbol = symbol();
        var created = collection(symbol, false, null);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(collection(symbol, false, null).code()).isEqualTo("COLLECTION_EXISTS");

        var first = mint(symbol, "alice", admin);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().get("tokenNumber").asLong()).isEqualTo(1);
        assertThat(first.text("owner")).isEqualTo("alice");
        assertThat(mint(symbol, "bob", admin).json().get("tokenNumber").asLong())
                .isEqualTo(2);

        // the metadata, without a token, exactly as NFT tools read it
        var metadata = api.get("/api/nft/" + symbol + "/1/metadata", null);
        assertThat(metadata.status()).isEqualTo(200);
        assertThat(metadata.json().propertyNames()).containsExactly("name", "description", "image", "attributes");
        assertThat(metadata.text("name")).isEqualTo("First vote");
        assertThat(metadata.json().get("attributes").get(0).get("trait_type").asString())
                .isEqualTo("kind");
        assertThat(metadata.json().get("attributes").get(1).get("value").isNumber())
                .isTrue();
        assertThat(metadata.json().get("attributes").get(1).get("value").decimalValue())
                .isEqualByComparingTo("1.5");

        // only an admin or a service with nft:mint mints
        assertThat(mint(symbol, "alice", Api.token("alice")).status()).isEqualTo(403);
        var keyCreated = api.post(
                "/api/admin/api-keys",
                admin,
                "{\"name\":\"badges-" + UUID.randomUUID().toString().substring(0, 8) + "\",\"scopes\":[\"nft:mint\"]}");
        assertThat(keyCreated.status()).as(keyCreated.body()).isEqualTo(201);
        var key = keyCreated.text("secret");
        var byKey = api.send(
                HttpRequest.newBuilder(URI.create(api.base() + "/api/nft/collections/" + symbol + "/mint"))
                        .header("Content-Type", "application/json")
                        .header("X-API-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"toEntityId\":\"carol\",\"metadata\":" + METADATA + "}")),
                null,
                null);
        assertThat(byKey.status()).as(byKey.body()).isEqualTo(201);
        assertThat(byKey.json().get("tokenNumber").asLong()).isEqualTo(3);
    }

    @Test
    void theOwnerTransfersAndBurnsOthersCannotAndSoulboundTokensStay() {
        var symbol = symbol();
        collection(symbol, false, null);
        mint(symbol, "dan", admin);
        var notOwner = api.post("/api/nft/" + symbol + "/1/transfer", Api.token("eve"), "{\"toEntityId\":\"eve\"}");
        assertThat(notOwner.status()).isEqualTo(403);
        assertThat(notOwner.code()).isEqualTo("NOT_NFT_OWNER");
        var given = api.post("/api/nft/" + symbol + "/1/transfer", Api.token("dan"), "{\"toEntityId\":\"eve\"}");
        assertThat(given.status()).as(given.body()).isEqualTo(200);
        assertThat(api.get("/api/nft/" + symbol + "/1", Api.token("dan")).text("owner"))
                .isEqualTo("eve");
        assertThat(api.get("/api/nft/owned/eve", Api.token("eve")).body()).contains(symbol);
        assertThat(api.get("/api/nft/owned/eve", Api.token("dan")).status()).isEqualTo(403);

        var burned = api.post("/api/nft/" + symbol + "/1/burn", Api.token("eve"), null);
        assertThat(burned.status()).as(burned.body()).isEqualTo(200);
        assertThat(burned.json().get("burned").asBoolean()).isTrue();
        assertThat(api.post("/api/nft/" + symbol + "/1/transfer", Api.token("eve"), "{\"toEntityId\":\"dan\"}")
                        .code())
                .isEqualTo("NFT_BURNED");
        assertThat(api.get("/api/nft/owned/eve", Api.token("eve")).body()).doesNotContain(symbol);

        var soulbound = symbol();
        collection(soulbound, true, null);
        mint(soulbound, "dan", admin);
        var kept = api.post("/api/nft/" + soulbound + "/1/transfer", Api.token("dan"), "{\"toEntityId\":\"eve\"}");
        assertThat(kept.status()).isEqualTo(409);
        assertThat(kept.code()).isEqualTo("SOULBOUND");
        assertThat(api.get("/api/nft/" + soulbound + "/1", admin).text("owner")).isEqualTo("dan");
    }

    @Test
    void withoutABridgeAWithdrawalToAnAddressIsRefusedAndChangesNothing() {
        var symbol = symbol();
        collection(symbol, false, null);
        mint(symbol, "alice", admin);
        var soulbound = symbol();
        collection(soulbound, true, null);
        mint(soulbound, "alice", admin);
        long historyBefore = historyRows();
        var to = "0x00000000000000000000000000000000000000b7";

        var off = api.post(
                "/api/nft/" + symbol + "/1/withdraw",
                Api.token("alice"),
                Api.json("toAddress", to),
                UUID.randomUUID().toString());
        assertThat(off.status()).as(off.body()).isEqualTo(422);
        assertThat(off.code()).isEqualTo("NFT_BRIDGE_OFF");
        // a soulbound token is refused as such, bridge or not
        var bound = api.post("/api/nft/" + soulbound + "/1/withdraw", Api.token("alice"), Api.json("toAddress", to));
        assertThat(bound.status()).as(bound.body()).isEqualTo(409);
        assertThat(bound.code()).isEqualTo("SOULBOUND");
        var other = api.post("/api/nft/" + symbol + "/1/withdraw", Api.token("mallory"), Api.json("toAddress", to));
        assertThat(other.status()).as(other.body()).isEqualTo(403);
        var bad = api.post("/api/nft/" + symbol + "/1/withdraw", Api.token("alice"), Api.json("toAddress", "0x12"));
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(bad.refusedField("toAddress")).isNotBlank();
        var missing = api.post("/api/nft/" + symbol + "/1/withdraw", Api.token("alice"), "{}");
        assertThat(missing.status()).as(missing.body()).isEqualTo(400);
        assertThat(missing.refusedField("toAddress")).isEqualTo("is required");

        assertThat(nfts.token(symbol, 1).owner().value()).isEqualTo("alice");
        assertThat(nfts.token(soulbound, 1).owner().value()).isEqualTo("alice");
        assertThat(historyRows()).isEqualTo(historyBefore);
        io.bta.tokenomics.support.Invariants.assertHold(jdbc);
    }

    long historyRows() {
        return jdbc.sql("select count(*) from nft_history").query(Long.class).single();
    }

    @Test
    void concurrentMintsNumberTokensOnceAndStopAtTheMaximum() throws Exception {
        var symbol = symbol();
        collection(symbol, false, 10L);
        var pool = Executors.newFixedThreadPool(16);
        var tasks = new ArrayList<Callable<Integer>>();
        for (int i = 0; i < 16; i++) {
            tasks.add(() -> mint(symbol, "frank", admin).status());
        }
        var statuses = new ArrayList<Integer>();
        for (var f : pool.invokeAll(tasks)) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(10);
        assertThat(statuses).filteredOn(s -> s == 422).hasSize(6);
        var numbers = jdbc.sql("select token_number from nft_tokens t join nft_collections c on c.id = t.collection_id"
                        + " where c.symbol = ? order by 1")
                .param(symbol)
                .query(Long.class)
                .list();
        assertThat(numbers).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(mint(symbol, "frank", admin).code()).isEqualTo("MAX_SUPPLY_REACHED");
    }

    @Test
    void badInputIsA400NamingTheFieldAndMintsNothing() {
        var symbol = symbol();
        collection(symbol, false, null);
        assertThat(api.get("/api/nft/" + symbol + "/abc", admin).status()).isEqualTo(400);
        assertThat(api.get("/api/nft/" + symbol + "/0", admin).status()).isEqualTo(400);
        assertThat(api.get("/api/nft/" + symbol + "/5", admin).code()).isEqualTo("UNKNOWN_NFT");
        assertThat(api.get("/api/nft/NOPE-NOPE/1", admin).code()).isEqualTo("UNKNOWN_COLLECTION");
        for (var metadata : List.of(
                "{}",
                "{\"name\": \"\"}",
                "{\"name\": \"x\", \"image\": \"javascript:alert(1)\"}",
                "{\"name\": \"x\", \"attributes\": [{\"trait_type\": \"k\", \"value\": true}]}",
                "\"a string\"")) {
            var r = api.post(
                    "/api/nft/collections/" + symbol + "/mint",
                    admin,
                    "{\"toEntityId\":\"gina\",\"metadata\":" + metadata + "}");
            assertThat(r.status()).as(metadata + " " + r.body()).isEqualTo(400);
            assertThat(r.body()).contains("metadata");
        }
        assertThat(api.post("/api/nft/collections", admin, "{\"symbol\":\"x y\",\"name\":\"n\",\"soulbound\":false}")
                        .body())
                .contains("symbol");
        assertThat(nfts.collection(symbol).minted()).isZero();
    }

    @Test
    void theHistoryIsAppendOnlyAndItsHashChainShowsAnEdit() {
        var symbol = symbol();
        collection(symbol, false, null);
        mint(symbol, "hal", admin);
        api.post("/api/nft/" + symbol + "/1/transfer", Api.token("hal"), "{\"toEntityId\":\"ida\"}");
        assertThat(nfts.firstBrokenHistoryRow()).isZero();
        assertThat(catchThrowable(() -> jdbc.sql("update nft_history set to_id = 'mallory' where to_id = 'ida'")
                        .update()))
                .hasMessageContaining("append-only");
        assertThat(catchThrowable(() -> jdbc.sql("delete from nft_history").update()))
                .hasMessageContaining("append-only");

        // an edit made around the trigger (by a database owner) breaks the chain at that row
        long edited = jdbc.sql("select max(sequence) from nft_history where to_id = 'ida'")
                .query(Long.class)
                .single();
        jdbc.sql("alter table nft_history disable trigger nft_history_append_only")
                .update();
        try {
            jdbc.sql("update nft_history set to_id = 'mallory' where sequence = ?")
                    .param(edited)
                    .update();
            assertThat(nfts.firstBrokenHistoryRow()).isEqualTo(edited);
            jdbc.sql("update nft_history set to_id = 'ida' where sequence = ?")
                    .param(edited)
                    .update();
        } finally {
            jdbc.sql("alter table nft_history enable trigger nft_history_append_only")
                    .update();
        }
        assertThat(nfts.firstBrokenHistoryRow()).isZero();
    }
}
