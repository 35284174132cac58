package io.bta.tokenomics.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.bta.tokenomics.farms.Farms;
import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.IntegrationTest;
import io.bta.tokenomics.support.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The farms page over plain HTTP: it lists the farms, a deposit form sent twice deposits once, pending shows, harvest pays. */
@IntegrationTest
class FarmPagesHttpTest {

    static final EntityId ADMIN = EntityId.of("admin");
    static final EntityId ISSUER = EntityId.of("system:farm-pages-test");

    @LocalServerPort
    int port;

    @Autowired
    Ledger ledger;

    @Autowired
    Farms farms;

    @Autowired
    MutableClock clock;

    @Autowired
    io.bta.tokenomics.trust.Trust trust;

    PageClient page;
    String user;
    TokenId token;
    String farm;

    @BeforeEach
    void setUp() {
        page = new PageClient(port);
        ledger.initializeTokens(ADMIN);
        var tag = UUID.randomUUID().toString().substring(0, 6);
        user = "farmer-" + tag;
        token = ledger.createShareToken("BTA-LP-PAGE-" + tag.toUpperCase(), "farm page test", ISSUER)
                .id();
        ledger.mint(token, EntityId.of(user), Amount.of(50), "test", ISSUER);
        trust.record(EntityId.of(user), new BigDecimal("50"), ADMIN);
        farm = farms.createFarm(token, 1, null, null).id().toString();
        page.signIn(Api.token(user));
    }

    @Test
    void aDepositFormSentTwiceDepositsOnceAndAHarvestPays() {
        var shown = page.get("/app/farms");
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body())
                .contains("id=\"farms\"")
                .contains("data-farm=\"" + ledger.symbolOf(token) + "\"")
                .contains("id=\"deposit-form\"")
                .contains("href=\"/app/farms\"");

        var form = page.withCsrf("/app/farms", Map.of("poolId", farm, "amount", "20"));
        var first = page.post("/app/farms/deposit", form);
        var second = page.post("/app/farms/deposit", form);

        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(second.statusCode()).isEqualTo(302);
        assertThat(ledger.balance(EntityId.of(user), token).locked()).isEqualTo(Amount.of(20));
        clock.advance(Duration.ofSeconds(30));
        var positions = page.get("/app/farms/positions");
        assertThat(positions.body())
                .contains("data-position=\"" + ledger.symbolOf(token) + "\"")
                .contains("class=\"num pending\"");
        var pending = farms.position(io.bta.tokenomics.farms.FarmId.of(farm), EntityId.of(user))
                .pending();
        assertThat(pending.isPositive()).isTrue();

        var harvested = page.post("/app/farms/" + farm + "/harvest", page.withCsrf("/app/farms", Map.of()));
        assertThat(harvested.statusCode()).isEqualTo(302);
        assertThat(harvested.headers().firstValue("Location").orElseThrow()).endsWith("/app/farms?done=farm-harvested");
        assertThat(ledger.balance(EntityId.of(user), ledger.resolve("BTA-REWARD"))
                        .available())
                .isGreaterThanOrEqualTo(pending);

        var out = page.post("/app/farms/" + farm + "/withdraw-all", page.withCsrf("/app/farms", Map.of()));
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(ledger.balance(EntityId.of(user), token).locked()).isEqualTo(Amount.ZERO);
    }

    @Test
    void aRefusedDepositComesBackWithItsMessage() {
        var refused =
                page.post("/app/farms/deposit", page.withCsrf("/app/farms", Map.of("poolId", farm, "amount", "500")));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("amount-error");
        assertThat(ledger.balance(EntityId.of(user), token).locked()).isEqualTo(Amount.ZERO);
    }
}
