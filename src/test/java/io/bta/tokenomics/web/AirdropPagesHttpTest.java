package io.bta.tokenomics.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.bta.tokenomics.airdrops.Airdrops;
import io.bta.tokenomics.airdrops.ClaimList;
import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.IntegrationTest;
import io.bta.tokenomics.support.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The airdrops page over plain HTTP: it lists the campaigns that name the caller with the proof, a
 * claim pays once and a second says why not; the admin's pause switch pauses and unpauses a token
 * with a reason, and refuses one without.
 */
@IntegrationTest
class AirdropPagesHttpTest {

    static final EntityId ADMIN = EntityId.of("admin");

    @LocalServerPort
    int port;

    @Autowired
    Ledger ledger;

    @Autowired
    Airdrops airdrops;

    @Autowired
    MutableClock clock;

    Api api;
    PageClient page;
    String user;
    String airdrop;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        page = new PageClient(port);
        ledger.initializeTokens(ADMIN);
        user = "drop-" + UUID.randomUUID().toString().substring(0, 8);
        var claims = ClaimList.read(
                "claims", List.of(new ClaimList.Row(user, "12.5"), new ClaimList.Row("someone-else-" + user, "1")));
        airdrop = airdrops.create(
                        ledger.resolve("BTA-UTIL"),
                        "page drop",
                        claims,
                        null,
                        clock.instant().plus(Duration.ofDays(1)),
                        null,
                        ADMIN)
                .id()
                .toString();
        page.signIn(Api.token(user));
    }

    @AfterEach
    void unpause() {
        for (var token : ledger.tokens()) {
            if (token.paused()) {
                ledger.unpause(token.id(), ADMIN);
            }
        }
    }

    @Test
    void thePageListsMyAirdropWithItsProofAndAClaimPaysOnce() {
        var shown = page.get("/app/airdrops");
        assertThat(shown.statusCode()).isEqualTo(200);
        var proof =
                airdrops.proof(new io.bta.tokenomics.airdrops.AirdropId(UUID.fromString(airdrop)), EntityId.of(user));
        assertThat(shown.body())
                .contains("data-airdrop=\"" + airdrop + "\"")
                .contains("page drop")
                .contains(proof.merkleRoot())
                .contains(proof.leaf())
                .contains("href=\"/app/airdrops\"")
                .contains("/app/airdrops/" + airdrop + "/claim");

        var claimed = page.post("/app/airdrops/" + airdrop + "/claim", page.withCsrf("/app/airdrops", Map.of()));
        assertThat(claimed.statusCode()).isEqualTo(302);
        assertThat(claimed.headers().firstValue("Location").orElseThrow())
                .endsWith("/app/airdrops?done=airdrop-claimed");
        assertThat(ledger.balance(EntityId.of(user), ledger.resolve("BTA-UTIL")).available())
                .isEqualTo(Amount.parse("12.5"));
        assertThat(page.get("/app/airdrops").body())
                .contains("Claimed ")
                .doesNotContain("/app/airdrops/" + airdrop + "/claim\"");

        var again = page.htmxPost("/app/airdrops/" + airdrop + "/claim", page.csrfFrom("/app/airdrops"));
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(again.body()).contains("already claimed");
        assertThat(ledger.balance(EntityId.of(user), ledger.resolve("BTA-UTIL")).available())
                .isEqualTo(Amount.parse("12.5"));
    }

    @Test
    void theAdminPausesATokenWithAReasonAndUnpausesIt() {
        var admin = new PageClient(port);
        admin.signIn(Api.adminToken());
        var form = admin.withCsrf("/app/admin", Map.of());

        var noReason = admin.post("/app/admin/tokens/BTA-GOV/pause", form);
        assertThat(noReason.statusCode()).isEqualTo(422);
        assertThat(noReason.body()).contains("id=\"pause-error\"");
        assertThat(ledger.token("BTA-GOV").paused()).isFalse();

        var withReason = new java.util.HashMap<>(form);
        withReason.put("reason", "key leak drill");
        var paused = admin.post("/app/admin/tokens/BTA-GOV/pause", withReason);
        assertThat(paused.statusCode()).isEqualTo(302);
        assertThat(ledger.token("BTA-GOV").paused()).isTrue();
        assertThat(ledger.token("BTA-GOV").pauseReason()).isEqualTo("key leak drill");
        assertThat(admin.get("/app/admin").body())
                .contains("key leak drill")
                .contains("/app/admin/tokens/BTA-GOV/unpause");

        var unpaused = admin.post("/app/admin/tokens/BTA-GOV/unpause", admin.withCsrf("/app/admin", Map.of()));
        assertThat(unpaused.statusCode()).isEqualTo(302);
        assertThat(ledger.token("BTA-GOV").paused()).isFalse();

        var notAdmin =
                page.post("/app/admin/tokens/BTA-GOV/pause", page.withCsrf("/app/airdrops", Map.of("reason", "x")));
        assertThat(notAdmin.statusCode()).isIn(403, 302);
        assertThat(ledger.token("BTA-GOV").paused()).isFalse();
    }
}
