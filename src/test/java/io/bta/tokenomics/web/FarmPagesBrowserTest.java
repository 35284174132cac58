package io.bta.tokenomics.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import io.bta.tokenomics.farms.Farms;
import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.IntegrationTest;
import io.bta.tokenomics.support.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The farms page in a real browser: deposit, pending rewards, harvest. */
@IntegrationTest
class FarmPagesBrowserTest {

    static final EntityId ADMIN = EntityId.of("admin");
    static final EntityId ISSUER = EntityId.of("system:farm-browser-test");
    static BrowserSupport browser;

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
    }

    @Test
    void depositSeePendingAndHarvest() {
        var tag = UUID.randomUUID().toString().substring(0, 6);
        var user = "browser-farmer-" + tag;
        var symbol = "BTA-LP-BROWSER-" + tag.toUpperCase();
        var token = ledger.createShareToken(symbol, "farm browser test", ISSUER).id();
        ledger.mint(token, EntityId.of(user), Amount.of(10), "test", ISSUER);
        trust.record(EntityId.of(user), new BigDecimal("50"), ADMIN);
        farms.createFarm(token, 1, null, null);
        page.navigate("http://localhost:" + port + "/app/wallet");
        page.getByLabel("Access token").fill(Api.token(user));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();

        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Farms").setExact(true))
                .click();
        assertThat(page.locator("h1")).hasText("Farms");
        page.getByLabel("Farm", new Page.GetByLabelOptions().setExact(true))
                .selectOption(new SelectOption().setLabel(symbol));
        page.getByLabel("Amount to deposit").fill("10");
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Deposit").setExact(true))
                .click();
        assertThat(page.locator(".flash").first()).hasText("Deposited in the farm.");
        assertThat(ledger.balance(EntityId.of(user), token).locked()).isEqualTo(Amount.of(10));

        clock.advance(Duration.ofSeconds(60));
        page.reload();
        var row = page.locator("#farm-positions tr[data-position='" + symbol + "']");
        assertThat(row.locator(".pending")).not().hasText("0 BTA-REWARD");
        BrowserSupport.screenshot(page, "farms");
        row.getByRole(
                        AriaRole.BUTTON,
                        new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Harvest " + symbol))
                .click();
        assertThat(page.locator(".flash").first()).hasText("Rewards harvested.");
        assertThat(ledger.balance(EntityId.of(user), ledger.resolve("BTA-REWARD"))
                        .available()
                        .isPositive())
                .isTrue();
    }
}
