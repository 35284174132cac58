package io.bta.tokenomics.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
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
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The airdrops page and the admin's pause switch in a real browser. */
@IntegrationTest
class AirdropPagesBrowserTest {

    static final EntityId ADMIN = EntityId.of("admin");
    static BrowserSupport browser;

    @LocalServerPort
    int port;

    @Autowired
    Ledger ledger;

    @Autowired
    Airdrops airdrops;

    @Autowired
    MutableClock clock;

    BrowserContext context;
    Page page;

    @BeforeAll
    static void launch() {
        browser = BrowserSupport.launch();
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void setUp() {
        ledger.initializeTokens(ADMIN);
        context = browser.browser.newContext();
        page = context.newPage();
    }

    @AfterEach
    void tearDown() {
        context.close();
        for (var token : ledger.tokens()) {
            if (token.paused()) {
                ledger.unpause(token.id(), ADMIN);
            }
        }
    }

    private void signIn(String token) {
        page.navigate("http://localhost:" + port + "/app/wallet");
        page.getByLabel("Access token").fill(token);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
    }

    @Test
    void claimAnAirdropAndSeeItsProof() {
        var user = "browser-drop-" + UUID.randomUUID().toString().substring(0, 8);
        airdrops.create(
                ledger.resolve("BTA-UTIL"),
                "browser drop",
                ClaimList.read("claims", List.of(new ClaimList.Row(user, "7"), new ClaimList.Row(user + "-x", "1"))),
                null,
                clock.instant().plus(Duration.ofDays(1)),
                null,
                ADMIN);
        signIn(Api.token(user));

        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Airdrops").setExact(true))
                .click();
        assertThat(page.locator("h1")).hasText("Airdrops");
        var row = page.locator("#airdrops tbody tr");
        assertThat(row).hasCount(1);
        row.locator("summary").click();
        assertThat(row.locator("code.root")).containsText("0x");
        assertThat(row.locator("ol.siblings li")).hasCount(1);
        BrowserSupport.screenshot(page, "airdrops");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Claim 7 BTA-UTIL from browser drop"))
                .click();
        assertThat(page.locator("#mine .flash")).hasText("Airdrop claimed.");
        assertThat(page.locator(".airdrop-status")).containsText("Claimed");
        assertThat(ledger.balance(EntityId.of(user), ledger.resolve("BTA-UTIL")).available())
                .isEqualTo(Amount.of(7));
    }

    @Test
    void theAdminPausesATokenWithAReasonAndUnpausesIt() {
        signIn(Api.adminToken());
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Admin").setExact(true))
                .click();
        var row = page.locator("#tokens tr[data-symbol='BTA-GUAR']");
        row.getByLabel("Reason").fill("custodian incident");
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Pause BTA-GUAR"))
                .click();
        assertThat(page.locator(".flash").first()).containsText("Token paused");
        assertThat(page.locator("#tokens tr[data-symbol='BTA-GUAR'] .paused")).containsText("custodian incident");
        assertThat(ledger.token("BTA-GUAR").paused()).isTrue();
        BrowserSupport.screenshot(page, "admin-pause");

        page.locator("#tokens tr[data-symbol='BTA-GUAR']")
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Unpause BTA-GUAR"))
                .click();
        assertThat(page.locator(".flash").first()).hasText("Token unpaused.");
        assertThat(ledger.token("BTA-GUAR").paused()).isFalse();
    }
}
