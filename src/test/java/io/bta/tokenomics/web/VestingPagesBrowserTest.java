package io.bta.tokenomics.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.IntegrationTest;
import io.bta.tokenomics.support.MutableClock;
import io.bta.tokenomics.vesting.Vesting;
import io.bta.tokenomics.vesting.VestingSchedule;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The vesting page in a real browser: the chart, the figures, a release. */
@IntegrationTest
class VestingPagesBrowserTest {

    static final EntityId ADMIN = EntityId.of("admin");
    static BrowserSupport browser;

    @LocalServerPort
    int port;

    @Autowired
    Ledger ledger;

    @Autowired
    Vesting vesting;

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
    }

    @Test
    void seeTheScheduleAndReleaseWhatHasVested() {
        var user = "browser-vest-" + UUID.randomUUID().toString().substring(0, 8);
        var schedule = new VestingSchedule(
                Amount.of(400), clock.instant().minus(Duration.ofDays(25)), Duration.ZERO, Duration.ofDays(100));
        vesting.create(EntityId.of(user), ledger.resolve("BTA-UTIL"), schedule, true, ADMIN);
        page.navigate("http://localhost:" + port + "/app/wallet");
        page.getByLabel("Access token").fill(Api.token(user));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();

        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Vesting").setExact(true))
                .click();
        assertThat(page.locator("h1")).hasText("Vesting");
        assertThat(page.locator("svg.vesting-chart polyline.curve")).hasCount(1);
        assertThat(page.locator(".releasable")).hasText("100 BTA-UTIL");
        assertThat(page.locator(".grant-status")).hasText("VESTING (revocable)");
        BrowserSupport.screenshot(page, "vesting");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Release 100 BTA-UTIL"))
                .click();
        assertThat(page.locator("#mine .flash")).hasText("Released 100 BTA-UTIL.");
        assertThat(page.locator(".released")).hasText("100 BTA-UTIL");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Release 100 BTA-UTIL")))
                .hasCount(0);
        assertThat(ledger.balance(EntityId.of(user), ledger.resolve("BTA-UTIL")).available())
                .isEqualTo(Amount.of(100));
    }
}
