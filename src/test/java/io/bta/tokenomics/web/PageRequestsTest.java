package io.bta.tokenomics.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.bta.tokenomics.governance.Governance;
import io.bta.tokenomics.ledger.HistoryFilter;
import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.staking.Apy;
import io.bta.tokenomics.staking.LockPeriod;
import io.bta.tokenomics.staking.MinTrustScore;
import io.bta.tokenomics.staking.PoolTerms;
import io.bta.tokenomics.staking.Staking;
import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.IntegrationTest;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The value-moving forms apply once per one-time request id, whatever the browser sends again. */
@IntegrationTest
class PageRequestsTest {

    @LocalServerPort
    int port;

    @Autowired
    Ledger ledger;

    @Autowired
    Staking staking;

    @Autowired
    Governance governance;

    @Autowired
    Clock clock;

    Api api;
    PageClient page;
    String user;
    String recipient;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        page = new PageClient(port);
        ledger.initializeTokens(EntityId.of("admin"));
        user = fundedEntity();
        recipient = "to-" + UUID.randomUUID().toString().substring(0, 8);
        page.signIn(Api.token(user));
    }

    @Test
    void theSameTransferFormPostedTwiceMovesValueOnce() {
        var form = transferForm(page, "5");
        var first = page.post("/app/wallet/transfer", form);
        var second = page.post("/app/wallet/transfer", form);
        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(location(first)).endsWith("/app/wallet?done=transferred");
        assertThat(second.statusCode()).isEqualTo(302);
        assertThat(location(second)).endsWith("/app/wallet?done=transferred&again=1");
        assertThat(page.get("/app/wallet?done=transferred&again=1").body())
                .contains("Transfer sent.")
                .contains("already been sent");
        assertMovedOnce(user, "5");
    }

    @Test
    void twoConcurrentPostsWithTheSameIdMoveValueOnce() throws Exception {
        var form = transferForm(page, "5");
        var barrier = new CyclicBarrier(2);
        var answers = new ArrayList<CompletableFuture<HttpResponse<String>>>();
        var pool = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 2; i++) {
                answers.add(CompletableFuture.supplyAsync(
                        () -> {
                            await(barrier);
                            return page.post("/app/wallet/transfer", form);
                        },
                        pool));
            }
            for (var a : answers) {
                var r = a.get();
                assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
                assertThat(location(r)).contains("/app/wallet?done=transferred");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(answers.stream().map(a -> location(a.join())).filter(l -> l.endsWith("&again=1")))
                .hasSize(1);
        assertMovedOnce(user, "5");
    }

    @Test
    void requestIdsArePerCaller() {
        var form = transferForm(page, "5");
        var other = fundedEntity();
        var otherPage = new PageClient(port);
        otherPage.signIn(Api.token(other));
        var theirs = new LinkedHashMap<>(otherPage.withCsrf("/app/wallet", Map.of()));
        theirs.putAll(Map.of("toEntityId", recipient, "tokenId", "BTA-UTIL", "amount", "5"));
        theirs.put("requestId", form.get("requestId")); // someone else's id, sent by another caller

        assertThat(location(otherPage.post("/app/wallet/transfer", theirs))).endsWith("?done=transferred");
        assertThat(location(page.post("/app/wallet/transfer", form))).endsWith("?done=transferred");

        assertThat(available(user)).isEqualTo("95");
        assertThat(available(other)).isEqualTo("95");
        assertThat(available(recipient)).isEqualTo("10");
        assertThat(historyCount(recipient)).isEqualTo(2);
    }

    @Test
    void aMissingOrMalformedRequestIdIsA4xxPageAndChangesNothing() {
        var form = transferForm(page, "5");
        for (var bad : new String[] {
            null,
            "",
            "not-a-uuid",
            "123",
            "1-1-1-1-1",
            UUID.randomUUID().toString(), // not time-ordered: not one the pages make
            form.get("requestId") + "x",
            uuidV7At(clock.instant().minus(Duration.ofHours(25))).toString(), // older than its key would be kept
            uuidV7At(clock.instant().plus(Duration.ofHours(1))).toString()
        }) {
            var sent = new LinkedHashMap<>(form);
            if (bad == null) {
                sent.remove("requestId");
            } else {
                sent.put("requestId", bad);
            }
            var r = page.post("/app/wallet/transfer", sent);
            assertThat(r.statusCode()).as("request id %s", bad).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(r.body()).contains("requestId");
        }
        assertThat(available(user)).isEqualTo("100");
        assertThat(historyCount(recipient)).isZero();
    }

    @Test
    void afterARefusalTheFormKeepsItsIdAndTheCorrectedSubmitAppliesOnce() {
        var form = transferForm(page, "1000"); // more than the 100 held
        var refused = page.post("/app/wallet/transfer", form);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(PageClient.requestIdIn(refused.body())).isEqualTo(form.get("requestId"));
        assertThat(available(user)).isEqualTo("100");

        var corrected = new LinkedHashMap<>(form);
        corrected.put("amount", "5");
        assertThat(location(page.post("/app/wallet/transfer", corrected))).endsWith("?done=transferred");
        // Sent again (a browser retry), and sent back edited: neither applies again.
        assertThat(location(page.post("/app/wallet/transfer", corrected))).endsWith("&again=1");
        corrected.put("amount", "7");
        assertThat(location(page.post("/app/wallet/transfer", corrected))).endsWith("&again=1");
        assertMovedOnce(user, "5");
    }

    @Test
    void anIdSentToAnotherFormIsRefusedAndAppliesNothing() {
        var form = transferForm(page, "5");
        assertThat(location(page.post("/app/wallet/transfer", form))).endsWith("?done=transferred");
        var stake = page.post(
                "/app/staking/stake",
                Map.of(
                        "poolId", UUID.randomUUID().toString(),
                        "amount", "5",
                        "_csrf", form.get("_csrf"),
                        "requestId", form.get("requestId")));
        assertThat(stake.statusCode()).isEqualTo(409);
        assertThat(stake.body()).contains("already used");
        assertMovedOnce(user, "5");
    }

    @Test
    void theStakeFormPostedTwiceOpensOneStake() {
        var pool = staking.createPool(new PoolTerms(
                ledger.resolve("BTA-UTIL"),
                ledger.resolve("BTA-REWARD"),
                "once " + user,
                Apy.ofPercent(new BigDecimal("10")),
                Amount.of("1"),
                new LockPeriod(0),
                MinTrustScore.of(BigDecimal.ZERO),
                null,
                null));
        var form = page.withCsrf("/app/staking", Map.of("poolId", pool.id().toString(), "amount", "30"));
        assertThat(location(page.post("/app/staking/stake", form))).endsWith("/app/staking?done=staked");
        assertThat(location(page.post("/app/staking/stake", form))).endsWith("/app/staking?done=staked&again=1");
        assertThat(staking.stakesOf(EntityId.of(user))).hasSize(1);
        assertThat(Amount.of(available(user))).isEqualTo(Amount.of("70"));
    }

    @Test
    void theMintFormPostedTwiceMintsOnce() {
        var admin = new PageClient(port);
        admin.signIn(Api.adminToken());
        var form = admin.withCsrf(
                "/app/admin", Map.of("entityId", recipient, "tokenId", "BTA-UTIL", "amount", "3", "operation", "mint"));
        assertThat(location(admin.post("/app/admin/supply", form))).endsWith("/app/admin?done=minted");
        assertThat(location(admin.post("/app/admin/supply", form))).endsWith("/app/admin?done=minted&again=1");
        assertThat(Amount.of(available(recipient))).isEqualTo(Amount.of("3"));
        assertThat(historyCount(recipient)).isEqualTo(1);
    }

    @Test
    void theProposalFormPostedTwiceCreatesOneProposal() {
        ledger.transfer(
                ledger.resolve("BTA-GOV"),
                ledger.treasury(),
                EntityId.of(user),
                Amount.of("5000"),
                null,
                EntityId.of("admin"));
        var form = page.withCsrf("/app/governance/new", Map.of("title", "Once " + user, "description", "twice sent"));
        var first = location(page.post("/app/governance/proposals", form));
        var second = location(page.post("/app/governance/proposals", form));
        assertThat(first).contains("/app/governance/").endsWith("?done=proposed");
        assertThat(second).isEqualTo(first + "&again=1");
        assertThat(governance.proposals(null, EntityId.of(user), 10, null).items())
                .hasSize(1);
    }

    private Map<String, String> transferForm(PageClient client, String amount) {
        var form = client.withCsrf(
                "/app/wallet", Map.of("toEntityId", recipient, "tokenId", "BTA-UTIL", "amount", amount));
        assertThat(form.get("requestId")).as("the transfer form's request id").isNotNull();
        assertThat(UUID.fromString(form.get("requestId")).version()).isEqualTo(7);
        return form;
    }

    private void assertMovedOnce(String from, String amount) {
        assertThat(Amount.of(available(from))).isEqualTo(Amount.of("100").minus(Amount.of(amount)));
        assertThat(Amount.of(available(recipient))).isEqualTo(Amount.of(amount));
        assertThat(historyCount(recipient)).isEqualTo(1);
    }

    private String fundedEntity() {
        var id = "web-" + UUID.randomUUID().toString().substring(0, 8);
        ledger.transfer(
                ledger.resolve("BTA-UTIL"),
                ledger.treasury(),
                EntityId.of(id),
                Amount.of("100"),
                null,
                EntityId.of("admin"));
        return id;
    }

    private String available(String entity) {
        return api.get("/api/tokens/balances/" + entity + "/BTA-UTIL", Api.token(entity))
                .text("available");
    }

    private int historyCount(String entity) {
        return ledger.history(EntityId.of(entity), HistoryFilter.NONE, 100, null)
                .items()
                .size();
    }

    private static UUID uuidV7At(Instant instant) {
        var sample = UUID.randomUUID();
        long msb = (instant.toEpochMilli() << 16) | 0x7000L | (sample.getMostSignificantBits() & 0xFFFL);
        return new UUID(msb, sample.getLeastSignificantBits());
    }

    private static String location(HttpResponse<String> r) {
        return r.headers()
                .firstValue("Location")
                .orElseThrow(() -> new AssertionError(r.statusCode() + " " + r.body()));
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
