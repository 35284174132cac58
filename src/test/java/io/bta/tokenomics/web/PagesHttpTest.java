package io.bta.tokenomics.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.bta.tokenomics.audit.Audit;
import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.rewards.RewardStatus;
import io.bta.tokenomics.rewards.Rewards;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.IntegrationTest;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The pages over plain HTTP: sign-in, CSRF, the development sign-in being off, and field errors. */
@IntegrationTest
class PagesHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    Ledger ledger;

    @Autowired
    Rewards rewards;

    @Autowired
    Audit audit;

    Api api;
    PageClient page;
    String user;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        page = new PageClient(port);
        ledger.initializeTokens(EntityId.of("admin"));
        user = "web-" + UUID.randomUUID().toString().substring(0, 8);
        ledger.transfer(
                ledger.resolve("BTA-UTIL"),
                ledger.treasury(),
                EntityId.of(user),
                Amount.of("100"),
                null,
                EntityId.of("admin"));
    }

    @Test
    void aVisitorWithoutSessionIsSentToSignIn() {
        var r = page.get("/app/wallet");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/app/sign-in"));
    }

    @Test
    void aPastedPlatformTokenBecomesAnHttpOnlyStrictSessionCookie() {
        var r = page.post("/app/sign-in", page.withCsrf("/app/sign-in", Map.of("token", Api.token(user))));
        assertThat(r.statusCode()).isEqualTo(302);
        var cookie = r.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("bta_session="))
                .findFirst()
                .orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict").doesNotContain("Secure");
        var wallet = page.get("/app/wallet");
        assertThat(wallet.statusCode()).isEqualTo(200);
        assertThat(wallet.body()).contains(user).contains("100 BTA-UTIL");
        // the bridge is off here: no withdrawal form, nothing about the chain
        assertThat(wallet.body()).doesNotContain("id=\"bridge\"").doesNotContain("Withdraw to an address");
        var withdraw = page.post(
                "/app/wallet/withdraw",
                page.withCsrf("/app/wallet", Map.of("withdrawTokenId", "BTA-UTIL", "withdrawAmount", "1")));
        assertThat(withdraw.statusCode()).isEqualTo(404);
    }

    @Test
    void aTokenThatDoesNotVerifyIsRefusedNextToTheField() {
        var forged = Api.token(user).replaceFirst("\\.[^.]+$", ".AAAA");
        var r = page.post("/app/sign-in", page.withCsrf("/app/sign-in", Map.of("token", forged)));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("id=\"token-error\"").contains("not valid here");
        assertThat(r.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("bta_session=ey"));
    }

    @Test
    void aFormWithoutCsrfTokenIsRefusedAndChangesNothing() {
        page.signIn(Api.token(user));
        var r = page.post(
                "/app/wallet/transfer", Map.of("toEntityId", "treasury", "tokenId", "BTA-UTIL", "amount", "5"));
        assertThat(r.statusCode()).as(r.headers().map().toString()).isEqualTo(403);
        assertThat(r.body()).contains("CSRF");
        var wrong = page.post(
                "/app/wallet/transfer",
                Map.of("toEntityId", "treasury", "tokenId", "BTA-UTIL", "amount", "5", "_csrf", "forged"));
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(api.get("/api/tokens/balances/" + user + "/BTA-UTIL", Api.token(user))
                        .text("available"))
                .isEqualTo("100");
    }

    @Test
    void signInItselfNeedsTheCsrfToken() {
        var r = page.post("/app/sign-in", Map.of("token", Api.token(user)));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("bta_session=ey"));
    }

    @Test
    void theDevelopmentSignInIsOffByDefault() {
        assertThat(page.get("/app/sign-in").body()).doesNotContain("Development sign-in");
        var r = page.post(
                "/app/dev-sign-in", page.withCsrf("/app/sign-in", Map.of("entityId", "admin", "admin", "true")));
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("bta_session=ey"));
    }

    @Test
    void badTransferFieldsAreShownNextToEachFieldAndNothingMoves() {
        page.signIn(Api.token(user));
        var r = page.post(
                "/app/wallet/transfer",
                page.withCsrf(
                        "/app/wallet",
                        Map.of(
                                "toEntityId",
                                "no spaces allowed",
                                "tokenId",
                                "BTA-UTIL",
                                "amount",
                                "1.0000000000000000001")));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("id=\"toEntityId-error\"").contains("id=\"amount-error\"");
        assertThat(r.body()).contains("value=\"no spaces allowed\"");
        var broke = page.post(
                "/app/wallet/transfer",
                page.withCsrf(
                        "/app/wallet", Map.of("toEntityId", "treasury", "tokenId", "BTA-UTIL", "amount", "1000")));
        assertThat(broke.statusCode()).isEqualTo(422);
        assertThat(broke.body()).containsPattern("id=\"amount-error\"[^>]*>[^<]*100 BTA-UTIL available");
        assertThat(api.get("/api/tokens/balances/" + user + "/BTA-UTIL", Api.token(user))
                        .text("available"))
                .isEqualTo("100");
    }

    static final Pattern HISTORY_ROW = Pattern.compile("(?s)<tr data-tx=\"([^\"]+)\">(.*?)</tr>");
    static final Pattern ROW_HASH = Pattern.compile("<code class=\"tx-hash\" title=\"([0-9a-f]{64})\">");

    @Test
    void theWalletShowsEveryTransactionsHashFromTheHistorySealedOrNot() {
        audit.sealAll(); // the funding transfer
        ledger.transfer(
                ledger.resolve("BTA-UTIL"),
                EntityId.of(user),
                ledger.treasury(),
                Amount.of("5"),
                null,
                EntityId.of(user));
        var fromApi = new HashMap<String, String>();
        api.get("/api/tokens/transactions", Api.token(user))
                .json()
                .get("items")
                .forEach(
                        t -> fromApi.put(t.get("id").asString(), t.get("txHash").asString()));
        assertThat(fromApi).hasSize(2);

        page.signIn(Api.token(user));
        var rows = HISTORY_ROW.matcher(page.get("/app/wallet").body());
        var shown = new HashMap<String, String>();
        int unsealed = 0;
        while (rows.find()) {
            var id = rows.group(1);
            var hash = ROW_HASH.matcher(rows.group(2));
            assertThat(hash.find()).as("the row of %s shows a hash", id).isTrue();
            shown.put(id, hash.group(1));
            if (rows.group(2).contains("not sealed yet")) {
                unsealed++;
                assertThat(rows.group(2)).doesNotContain("/proof");
            } else {
                assertThat(rows.group(2)).contains("/app/wallet/transactions/" + id + "/proof");
                assertThat(api.get("/api/tokens/transactions/" + id + "/proof", Api.token(user))
                                .text("txHash"))
                        .isEqualTo(hash.group(1));
            }
        }
        assertThat(shown).isEqualTo(fromApi);
        assertThat(unsealed).isEqualTo(1);
    }

    @Test
    void badInputToAnyFormIsA4xxPageNeverA500() {
        page.signIn(Api.adminToken());
        var junk = new String[] {"", " ", "-1", "1e400", "not a number", "x".repeat(600), "\u0000", "../../etc"};
        var forms = Map.of(
                "/app/wallet/transfer",
                new String[] {"toEntityId", "tokenId", "amount", "memo"},
                "/app/staking/stake",
                new String[] {"poolId", "amount"},
                "/app/admin/pools",
                new String[] {"name", "tokenId", "apy", "minStakeAmount", "lockPeriodDays", "minTrustScore"},
                "/app/admin/supply",
                new String[] {"entityId", "tokenId", "amount", "operation"},
                "/app/admin/trust",
                new String[] {"entityId", "score"},
                "/app/admin/api-keys",
                new String[] {"name", "scopes", "expiresAt"},
                "/app/admin/webhooks",
                new String[] {"url", "eventTypes"},
                "/app/governance/proposals",
                new String[] {"title", "actionType", "parameters"},
                "/app/governance/" + UUID.randomUUID() + "/vote",
                new String[] {"support", "reason"},
                "/app/governance/not-a-uuid/vote",
                new String[] {"support"});
        var csrf = page.csrfFrom("/app/wallet");
        var before = api.get("/api/tokens/balances/" + user, Api.token(user)).body();
        forms.forEach((path, fields) -> {
            for (var value : junk) {
                var body = new java.util.LinkedHashMap<String, String>();
                for (var field : fields) {
                    body.put(field, value);
                }
                body.put("_csrf", csrf);
                var r = page.post(path, body);
                assertThat(r.statusCode()).as("%s with %s", path, value).isBetween(400, 499);
                assertThat(r.headers().firstValue("Content-Type").orElse(""))
                        .as("%s with %s", path, value)
                        .startsWith("text/html");
            }
        });
        assertThat(api.get("/api/tokens/balances/" + user, Api.token(user)).body())
                .isEqualTo(before);
    }

    @Test
    void delegationFromThePageIsWhatTheApiReports() {
        page.signIn(Api.token(user));
        var r = page.post("/app/governance/delegate", page.withCsrf("/app/governance", Map.of("delegateeId", "bob")));
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(api.get("/api/governance/delegate", Api.token(user)).text("delegateeId"))
                .isEqualTo("bob");
        assertThat(page.get("/app/governance").body()).contains("delegated to <strong>bob</strong>");
        page.post("/app/governance/undelegate", page.withCsrf("/app/governance", Map.of()));
        assertThat(api.get("/api/governance/delegate", Api.token(user)).text("delegateeId"))
                .isNull();
    }

    @Test
    void htmxClaimsCarryTheCsrfTokenInAHeaderAndAnswerTheFragment() {
        var reward = rewards.rewardLearning(EntityId.of(user), "course-" + user, null)
                .reward();
        page.signIn(Api.token(user));
        var path = "/app/rewards/" + reward.id() + "/claim";
        assertThat(page.htmxPost(path, null).statusCode()).isEqualTo(403);
        assertThat(rewards.reward(reward.id()).status()).isEqualTo(RewardStatus.PENDING);
        var meta = java.util.regex.Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"")
                .matcher(page.get("/app/rewards").body());
        assertThat(meta.find()).isTrue();
        var r = page.htmxPost(path, meta.group(1));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).startsWith("<div id=\"mine\"").contains("Reward claimed.");
        assertThat(api.get("/api/tokens/balances/" + user + "/BTA-REWARD", Api.token(user))
                        .text("available"))
                .isEqualTo("10");
        var again = page.htmxPost(path, meta.group(1));
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(again.body()).contains("class=\"error\"");
    }

    @Test
    void adminPagesAreForAdminsOnly() {
        page.signIn(Api.token(user));
        assertThat(page.get("/app/admin").statusCode()).isEqualTo(403);
    }

    @Test
    void theEventStreamAcceptsTheSessionCookie() {
        page.signIn(Api.token(user));
        // the stream never ends; asking with a HEAD-like short read is enough: 200 and the SSE type
        var r = page.streamHead("/api/events/stream");
        assertThat(r).isEqualTo("200 text/event-stream");
    }
}
