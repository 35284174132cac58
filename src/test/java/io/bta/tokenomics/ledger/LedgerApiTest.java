package io.bta.tokenomics.ledger;

import static io.bta.tokenomics.support.Api.adminToken;
import static io.bta.tokenomics.support.Api.json;
import static io.bta.tokenomics.support.Api.token;
import static org.assertj.core.api.Assertions.assertThat;

import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.IntegrationTest;
import io.bta.tokenomics.support.Invariants;
import io.bta.tokenomics.support.MutableClock;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
class LedgerApiTest {

    static final EntityId ADMIN = EntityId.of("admin");

    @LocalServerPort
    int port;

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    Api api;
    String alice;
    String bob;
    String aliceToken;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        ledger.initializeTokens(ADMIN);
        alice = "alice-" + UUID.randomUUID();
        bob = "bob-" + UUID.randomUUID();
        aliceToken = token(alice);
    }

    @AfterEach
    void invariantsHold() {
        Invariants.assertHold(jdbc);
    }

    void fund(String entity, String symbol, String amount) {
        ledger.transfer(
                ledger.resolve(symbol),
                ledger.treasury(),
                EntityId.of(entity),
                Amount.of(amount),
                "test funding",
                ADMIN);
    }

    // --- tokens ---

    @Test
    void listsTheFourTokensWithTheSeedParameters() {
        var r = api.get("/api/tokens", aliceToken);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().size()).isEqualTo(4);
        var gov = r.json().get(0);
        assertThat(gov.get("symbol").asString()).isEqualTo("BTA-GOV");
        assertThat(gov.get("type").asString()).isEqualTo("GOVERNANCE");
        assertThat(gov.get("decimals").asInt()).isEqualTo(18);
        assertThat(gov.get("maxSupply").asString()).isEqualTo("1000000000");
        assertThat(gov.get("initialSupply").asString()).isEqualTo("1000000000");
        var reward = r.json().get(1);
        assertThat(reward.get("symbol").asString()).isEqualTo("BTA-REWARD");
        assertThat(reward.get("maxSupply").isNull()).isTrue();
        assertThat(reward.get("inflationRate").decimalValue()).isEqualByComparingTo("0.05");
        var util = r.json().get(2);
        assertThat(util.get("symbol").asString()).isEqualTo("BTA-UTIL");
        assertThat(util.get("initialSupply").asString()).isEqualTo("500000000");
        assertThat(util.get("maxSupply").asString()).isEqualTo("2000000000");
        var guar = r.json().get(3);
        assertThat(guar.get("symbol").asString()).isEqualTo("BTA-GUAR");
        assertThat(guar.get("initialSupply").asString()).isEqualTo("0");
        assertThat(guar.get("maxSupply").isNull()).isTrue();
    }

    @Test
    void findsATokenByIdSymbolOrType() {
        var bySymbol = api.get("/api/tokens/BTA-UTIL", aliceToken);
        assertThat(bySymbol.status()).isEqualTo(200);
        var id = bySymbol.text("id");
        assertThat(api.get("/api/tokens/" + id, aliceToken).text("symbol")).isEqualTo("BTA-UTIL");
        assertThat(api.get("/api/tokens/UTILITY", aliceToken).text("id")).isEqualTo(id);
        assertThat(api.get("/api/tokens/bta-util", aliceToken).text("id")).isEqualTo(id);
    }

    @Test
    void aTokenIdWithAnotherScriptsDigitIsNoTokenId() {
        var id = api.get("/api/tokens/BTA-UTIL", aliceToken).text("id");
        int digit = 0;
        while (!Character.isDigit(id.charAt(digit))) {
            digit++;
        }
        var fullwidth = id.substring(0, digit) + (char) ('\uFF10' + (id.charAt(digit) - '0')) + id.substring(digit + 1);
        var r = api.get(
                "/api/tokens/" + java.net.URLEncoder.encode(fullwidth, java.nio.charset.StandardCharsets.UTF_8),
                aliceToken);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.code()).isEqualTo("UNKNOWN_TOKEN");
    }

    @Test
    void unknownTokenIsA404Problem() {
        var r = api.get("/api/tokens/BTA-NOPE", aliceToken);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.code()).isEqualTo("UNKNOWN_TOKEN");
    }

    @Test
    void initializeIsIdempotentAndSaysSo() {
        var supplyBefore = ledger.token("BTA-GOV").totalSupply();
        var r = api.post("/api/tokens/initialize", adminToken(), null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("created").asBoolean()).isFalse();
        assertThat(r.text("message")).contains("already initialized");
        assertThat(ledger.token("BTA-GOV").totalSupply()).isEqualTo(supplyBefore);
    }

    @Test
    void initializeMintedTheInitialSuppliesToTheTreasury() {
        var mints = jdbc.sql(
                        """
                select t.symbol, x.amount from ledger_transactions x join ledger_tokens t on t.id = x.token_id
                where x.type = 'MINT' and x.memo = 'initial supply' order by t.symbol
                """)
                .query((rs, n) -> rs.getString(1) + "=" + Amount.of(rs.getBigDecimal(2)))
                .list();
        assertThat(mints).containsExactly("BTA-GOV=1000000000", "BTA-UTIL=500000000");
        var to = jdbc.sql("select distinct to_entity_id from ledger_transactions where memo = 'initial supply'")
                .query(String.class)
                .list();
        assertThat(to).containsExactly("treasury");
    }

    @Test
    void initializeNeedsAnAdmin() {
        var r = api.post("/api/tokens/initialize", aliceToken, null);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.isProblem()).isTrue();
    }

    // --- balances ---

    @Test
    void balancesOfTheCallerListEveryTokenWithZeroWhereNeverHeld() {
        fund(alice, "BTA-UTIL", "250.5");
        var r = api.get("/api/tokens/balances", aliceToken);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().size()).isEqualTo(4);
        for (var b : r.json()) {
            var expected = b.get("symbol").asString().equals("BTA-UTIL") ? "250.5" : "0";
            assertThat(b.get("available").asString()).isEqualTo(expected);
            assertThat(b.get("locked").asString()).isEqualTo("0");
            assertThat(b.get("total").asString()).isEqualTo(expected);
            assertThat(b.get("entityId").asString()).isEqualTo(alice);
        }
    }

    @Test
    void oneBalanceBySymbolIsZeroForATokenNeverHeld() {
        var r = api.get("/api/tokens/balances/" + alice + "/BTA-GOV", aliceToken);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text("available")).isEqualTo("0");
        assertThat(r.text("symbol")).isEqualTo("BTA-GOV");
        assertThat(r.text("tokenId")).isEqualTo(ledger.resolve("BTA-GOV").toString());
    }

    @Test
    void anotherEntitysBalancesAreForbiddenButAnAdminMayReadThem() {
        fund(bob, "BTA-UTIL", "10");
        assertThat(api.get("/api/tokens/balances/" + bob, aliceToken).status()).isEqualTo(403);
        assertThat(api.get("/api/tokens/balances/" + bob + "/BTA-UTIL", aliceToken)
                        .status())
                .isEqualTo(403);
        var asAdmin = api.get("/api/tokens/balances/" + bob + "/BTA-UTIL", adminToken());
        assertThat(asAdmin.status()).isEqualTo(200);
        assertThat(asAdmin.text("available")).isEqualTo("10");
    }

    @Test
    void malformedEntityIdIsA400NamingTheField() {
        var r = api.get("/api/tokens/balances/" + URLEncoder.encode("bad id!", StandardCharsets.UTF_8), adminToken());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("INVALID_INPUT");
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("entityId");
    }

    // --- transfer ---

    @Test
    void transferMovesAvailableTokensAndAnswersWithTheTransaction() {
        fund(alice, "BTA-UTIL", "100");
        var r = api.post(
                "/api/tokens/transfer",
                aliceToken,
                json("toEntityId", bob, "tokenId", "BTA-UTIL", "amount", "40.25", "memo", "invoice 7"));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.text("type")).isEqualTo("TRANSFER");
        assertThat(r.text("fromEntityId")).isEqualTo(alice);
        assertThat(r.text("toEntityId")).isEqualTo(bob);
        assertThat(r.text("amount")).isEqualTo("40.25");
        assertThat(r.text("symbol")).isEqualTo("BTA-UTIL");
        assertThat(r.text("memo")).isEqualTo("invoice 7");
        assertThat(r.json().get("sequence").asLong()).isPositive();
        assertThat(r.text("id")).isNotBlank();
        assertThat(r.text("createdAt")).isNotBlank();
        assertThat(ledger.balance(EntityId.of(alice), ledger.resolve("BTA-UTIL"))
                        .available())
                .isEqualTo(Amount.of("59.75"));
        assertThat(ledger.balance(EntityId.of(bob), ledger.resolve("BTA-UTIL")).available())
                .isEqualTo(Amount.of("40.25"));
    }

    @Test
    void aJsonNumberAmountIsReadExactlyToEighteenDecimals() {
        fund(alice, "BTA-UTIL", "100");
        var body = "{\"toEntityId\":\"" + bob + "\",\"tokenId\":\"BTA-UTIL\",\"amount\":0.123456789012345678}";
        var r = api.post("/api/tokens/transfer", aliceToken, body);
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.text("amount")).isEqualTo("0.123456789012345678");
    }

    @Test
    void transferBeyondTheAvailableBalanceIsRefusedAndChangesNothing() {
        fund(alice, "BTA-UTIL", "5");
        var before = ledger.lastSequence();
        var r = api.post(
                "/api/tokens/transfer",
                aliceToken,
                json("toEntityId", bob, "tokenId", "BTA-UTIL", "amount", "5.000000000000000001"));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.code()).isEqualTo("INSUFFICIENT_BALANCE");
        assertThat(ledger.lastSequence()).isEqualTo(before);
        assertThat(ledger.balance(EntityId.of(alice), ledger.resolve("BTA-UTIL"))
                        .available())
                .isEqualTo(Amount.of("5"));
    }

    @Test
    void lockedTokensCannotBeTransferred() {
        fund(alice, "BTA-UTIL", "10");
        ledger.lock(ledger.resolve("BTA-UTIL"), EntityId.of(alice), Amount.of("8"), null, ADMIN);
        var r = api.post(
                "/api/tokens/transfer", aliceToken, json("toEntityId", bob, "tokenId", "BTA-UTIL", "amount", "3"));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.code()).isEqualTo("INSUFFICIENT_BALANCE");
    }

    @Test
    void invalidAmountsAreRefusedWithTheFieldNamed() {
        fund(alice, "BTA-UTIL", "10");
        for (var amount : new Object[] {"0", "-1", "1.0000000000000000001", "abc", "1e999999", "", 0, -5}) {
            var r = api.post(
                    "/api/tokens/transfer",
                    aliceToken,
                    json("toEntityId", bob, "tokenId", "BTA-UTIL", "amount", amount));
            assertThat(r.status()).as("amount %s", amount).isEqualTo(400);
            assertThat(r.isProblem()).isTrue();
            assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("amount");
        }
        var nineteenDecimals =
                "{\"toEntityId\":\"" + bob + "\",\"tokenId\":\"BTA-UTIL\",\"amount\":0.1234567890123456789}";
        assertThat(api.post("/api/tokens/transfer", aliceToken, nineteenDecimals)
                        .status())
                .isEqualTo(400);
        assertThat(ledger.balance(EntityId.of(alice), ledger.resolve("BTA-UTIL"))
                        .available())
                .isEqualTo(Amount.of("10"));
    }

    @Test
    void missingFieldsUnknownFieldsAndWrongTypesAre400s() {
        var missing = api.post("/api/tokens/transfer", aliceToken, json("tokenId", "BTA-UTIL"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").size()).isEqualTo(2); // toEntityId and amount
        var unknown = api.post(
                "/api/tokens/transfer",
                aliceToken,
                json("toEntityId", bob, "tokenId", "BTA-UTIL", "amount", "1", "amout", "1"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("amout");
        var wrongType = api.post(
                "/api/tokens/transfer",
                aliceToken,
                "{\"toEntityId\":\"" + bob + "\",\"tokenId\":\"BTA-UTIL\",\"amount\":{\"value\":1}}");
        assertThat(wrongType.status()).isEqualTo(400);
        var notJson = api.post("/api/tokens/transfer", aliceToken, "{nope");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.isProblem()).isTrue();
        var badEntity = api.post(
                "/api/tokens/transfer",
                aliceToken,
                json("toEntityId", "x".repeat(129), "tokenId", "BTA-UTIL", "amount", "1"));
        assertThat(badEntity.status()).isEqualTo(400);
        assertThat(badEntity.json().get("errors").get(0).get("field").asString())
                .isEqualTo("toEntityId");
    }

    @Test
    void transferToOneselfIsA400() {
        fund(alice, "BTA-UTIL", "10");
        var r = api.post(
                "/api/tokens/transfer", aliceToken, json("toEntityId", alice, "tokenId", "BTA-UTIL", "amount", "1"));
        assertThat(r.status()).isEqualTo(400);
    }

    @Test
    void transferOfAnUnknownTokenIsA404() {
        var r = api.post(
                "/api/tokens/transfer", aliceToken, json("toEntityId", bob, "tokenId", "BTA-XYZ", "amount", "1"));
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.code()).isEqualTo("UNKNOWN_TOKEN");
    }

    @Test
    void onlyAnAdminMayTransferFromAnotherEntity() {
        fund(bob, "BTA-UTIL", "10");
        var asAlice = api.post(
                "/api/tokens/transfer",
                aliceToken,
                json("fromEntityId", bob, "toEntityId", alice, "tokenId", "BTA-UTIL", "amount", "1"));
        assertThat(asAlice.status()).isEqualTo(403);
        var asAdmin = api.post(
                "/api/tokens/transfer",
                adminToken(),
                json("fromEntityId", bob, "toEntityId", alice, "tokenId", "BTA-UTIL", "amount", "1"));
        assertThat(asAdmin.status()).isEqualTo(201);
        assertThat(asAdmin.text("fromEntityId")).isEqualTo(bob);
        var actor = jdbc.sql("select actor from ledger_transactions where id = ?::uuid")
                .param(asAdmin.text("id"))
                .query(String.class)
                .single();
        assertThat(actor).isEqualTo("admin");
    }

    // --- mint, burn, lock, unlock ---

    @Test
    void adminMintsBurnsLocksAndUnlocks() {
        var admin = adminToken();
        var mint =
                api.post("/api/tokens/mint", admin, json("entityId", alice, "tokenId", "BTA-GUAR", "amount", "1000"));
        assertThat(mint.status()).isEqualTo(201);
        assertThat(mint.text("type")).isEqualTo("MINT");
        assertThat(mint.text("fromEntityId")).isNull();
        var lock = api.post("/api/tokens/lock", admin, json("entityId", alice, "tokenId", "BTA-GUAR", "amount", "600"));
        assertThat(lock.status()).isEqualTo(201);
        assertThat(lock.text("fromEntityId")).isEqualTo(alice);
        assertThat(lock.text("toEntityId")).isEqualTo(alice);
        var unlock =
                api.post("/api/tokens/unlock", admin, json("entityId", alice, "tokenId", "BTA-GUAR", "amount", "100"));
        assertThat(unlock.status()).isEqualTo(201);
        var burn = api.post("/api/tokens/burn", admin, json("entityId", alice, "tokenId", "BTA-GUAR", "amount", "450"));
        assertThat(burn.status()).isEqualTo(201);
        assertThat(burn.text("toEntityId")).isNull();
        var balance = api.get("/api/tokens/balances/" + alice + "/BTA-GUAR", aliceToken);
        assertThat(balance.text("available")).isEqualTo("50");
        assertThat(balance.text("locked")).isEqualTo("500");
        assertThat(balance.text("total")).isEqualTo("550");
    }

    @Test
    void mintBeyondTheMaxSupplyIsA422() {
        var gov = ledger.token("BTA-GOV");
        var r = api.post(
                "/api/tokens/mint",
                adminToken(),
                json("entityId", alice, "tokenId", "BTA-GOV", "amount", "0.000000000000000001"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.code()).isEqualTo("MAX_SUPPLY_EXCEEDED");
        assertThat(ledger.token("BTA-GOV").totalSupply()).isEqualTo(gov.totalSupply());
    }

    @Test
    void burnBeyondAvailableAndUnlockBeyondLockedAre409s() {
        fund(alice, "BTA-UTIL", "10");
        var admin = adminToken();
        assertThat(api.post("/api/tokens/burn", admin, json("entityId", alice, "tokenId", "BTA-UTIL", "amount", "11"))
                        .status())
                .isEqualTo(409);
        assertThat(api.post("/api/tokens/lock", admin, json("entityId", alice, "tokenId", "BTA-UTIL", "amount", "11"))
                        .status())
                .isEqualTo(409);
        assertThat(api.post("/api/tokens/lock", admin, json("entityId", alice, "tokenId", "BTA-UTIL", "amount", "4"))
                        .status())
                .isEqualTo(201);
        var unlock =
                api.post("/api/tokens/unlock", admin, json("entityId", alice, "tokenId", "BTA-UTIL", "amount", "5"));
        assertThat(unlock.status()).isEqualTo(409);
        assertThat(unlock.code()).isEqualTo("INSUFFICIENT_BALANCE");
    }

    @Test
    void mintBurnLockAndUnlockNeedAnAdmin() {
        for (var path : new String[] {"mint", "burn", "lock", "unlock"}) {
            var r = api.post(
                    "/api/tokens/" + path, aliceToken, json("entityId", alice, "tokenId", "BTA-UTIL", "amount", "1"));
            assertThat(r.status()).as(path).isEqualTo(403);
            assertThat(r.isProblem()).isTrue();
        }
    }

    // --- history ---

    @Test
    void historyIsNewestFirstAndPagesWithACursor() {
        fund(alice, "BTA-UTIL", "100");
        var util = ledger.resolve("BTA-UTIL");
        for (int i = 1; i <= 5; i++) {
            ledger.transfer(util, EntityId.of(alice), EntityId.of(bob), Amount.of(i), "t" + i, ADMIN);
        }
        var sequences = new ArrayList<Long>();
        String cursor = null;
        int pages = 0;
        do {
            var r = api.get(
                    "/api/tokens/transactions?limit=2" + (cursor == null ? "" : "&cursor=" + cursor), aliceToken);
            assertThat(r.status()).isEqualTo(200);
            r.json().get("items").forEach(tx -> sequences.add(tx.get("sequence").asLong()));
            cursor = r.text("nextCursor");
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(sequences).hasSize(6).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(sequences).doesNotHaveDuplicates();
    }

    @Test
    void historyFiltersByTokenTypeAndTime() {
        fund(alice, "BTA-UTIL", "100");
        clock.advance(Duration.ofHours(1));
        var afterFunding = clock.instant();
        ledger.mint(ledger.resolve("BTA-GUAR"), EntityId.of(alice), Amount.of("7"), null, ADMIN);
        ledger.lock(ledger.resolve("BTA-UTIL"), EntityId.of(alice), Amount.of("3"), null, ADMIN);

        var guar = api.get("/api/tokens/transactions/" + alice + "?tokenId=BTA-GUAR", aliceToken);
        assertThat(guar.json().get("items").size()).isEqualTo(1);
        assertThat(guar.json().get("items").get(0).get("type").asString()).isEqualTo("MINT");

        var locks = api.get("/api/tokens/transactions/" + alice + "?type=LOCK", aliceToken);
        assertThat(locks.json().get("items").size()).isEqualTo(1);

        var since = api.get("/api/tokens/transactions/" + alice + "?from=" + afterFunding, aliceToken);
        assertThat(since.json().get("items").size()).isEqualTo(2);
        var until = api.get("/api/tokens/transactions/" + alice + "?to=" + afterFunding, aliceToken);
        assertThat(until.json().get("items").size()).isEqualTo(1);
        assertThat(until.json().get("items").get(0).get("type").asString()).isEqualTo("TRANSFER");
    }

    @Test
    void historyOfAnotherEntityIsForbiddenAndBadParametersAre400s() {
        assertThat(api.get("/api/tokens/transactions/" + bob, aliceToken).status())
                .isEqualTo(403);
        assertThat(api.get("/api/tokens/transactions/" + bob, adminToken()).status())
                .isEqualTo(200);
        for (var query :
                new String[] {"limit=0", "limit=101", "limit=abc", "type=SWAP", "from=yesterday", "cursor=%25%25"}) {
            var r = api.get("/api/tokens/transactions?" + query, aliceToken);
            assertThat(r.status()).as(query).isEqualTo(400);
            assertThat(r.isProblem()).as(query).isTrue();
        }
    }

    @Test
    void aHistoryRangeThatEndsBeforeItStartsIsRefusedAsAnalyticsRefusesIt() {
        fund(alice, "BTA-UTIL", "100");
        var now = clock.instant();
        var later = now.plus(Duration.ofHours(1));
        for (var range : new String[] {"from=" + later + "&to=" + now, "from=" + now + "&to=" + now}) {
            var history = api.get("/api/tokens/transactions?" + range, aliceToken);
            var series = api.get("/api/analytics/tokens/BTA-UTIL/series?metric=volume&" + range, aliceToken);
            for (var r : List.of(history, series)) {
                assertThat(r.status()).as(range + ": " + r.body()).isEqualTo(400);
                assertThat(r.code()).isEqualTo("INVALID_INPUT");
                assertThat(r.json().get("errors").toString())
                        .isEqualTo("[{\"field\":\"from\",\"message\":\"must be before to\"}]");
            }
            assertThat(history.text("detail")).isEqualTo(series.text("detail"));
        }
        // an open end is no range to refuse
        assertThat(api.get("/api/tokens/transactions?from=" + later, aliceToken).status())
                .isEqualTo(200);
    }

    // --- errors outside the ledger's own rules ---

    @Test
    void unknownPathsAndMethodsAreProblems() {
        var notFound = api.get("/api/nothing-here", aliceToken);
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.isProblem()).as(notFound.body()).isTrue();
        var wrongMethod = api.get("/api/tokens/transfer", aliceToken);
        assertThat(wrongMethod.status()).isIn(404, 405);
        assertThat(wrongMethod.isProblem()).as(wrongMethod.body()).isTrue();
        var put = api.put("/api/tokens/BTA-GOV", aliceToken, "{}");
        assertThat(put.status()).isEqualTo(405);
        assertThat(put.isProblem()).as(put.body()).isTrue();
    }

    @Test
    void historyCannotBeRewrittenInTheDatabase() {
        fund(alice, "BTA-UTIL", "1");
        var thrown = org.assertj.core.api.Assertions.catchThrowable(
                () -> jdbc.sql("update ledger_transactions set amount = 2 where to_entity_id = ?")
                        .param(alice)
                        .update());
        assertThat(thrown).hasMessageContaining("append-only");
        var deleted = org.assertj.core.api.Assertions.catchThrowable(
                () -> jdbc.sql("delete from ledger_transactions where to_entity_id = ?")
                        .param(alice)
                        .update());
        assertThat(deleted).hasMessageContaining("append-only");
    }

    @Test
    void storageRefusesHistoryOfAnUnknownTokenAndTheDeletionOfAToken() {
        fund(alice, "BTA-UTIL", "1");
        long next = jdbc.sql("select last_sequence + 1000000 from ledger_head")
                .query(Long.class)
                .single();
        // two rows in one statement, one of a token that does not exist: the statement is refused whole
        var unknown = org.assertj.core.api.Assertions.catchThrowable(() -> jdbc.sql(
                        """
                        insert into ledger_transactions (id, sequence, type, token_id, to_entity_id, amount, actor, created_at)
                        select gen_random_uuid(), ? + n, 'MINT', t, ?, 1, 'admin', now()
                        from unnest(array[(select id from ledger_tokens where symbol = 'BTA-UTIL'), gen_random_uuid()])
                             with ordinality as x(t, n)
                        """)
                .param(next)
                .param(alice)
                .update());
        assertThat(unknown).hasMessageContaining("ledger transaction for unknown token");
        assertThat(jdbc.sql("select count(*) from ledger_transactions where sequence > ?")
                        .param(next)
                        .query(Long.class)
                        .single())
                .isZero();
        var deleted = org.assertj.core.api.Assertions.catchThrowable(() ->
                jdbc.sql("delete from ledger_tokens where symbol = 'BTA-UTIL'").update());
        assertThat(deleted).hasMessageContaining("a token is never deleted");
    }

    @Test
    void aNegativeBalanceCannotBeStoredEvenBySql() {
        fund(alice, "BTA-UTIL", "1");
        var thrown = org.assertj.core.api.Assertions.catchThrowable(
                () -> jdbc.sql("update ledger_balances set available = -1 where entity_id = ?")
                        .param(alice)
                        .update());
        assertThat(thrown).hasMessageContaining("check");
    }
}
