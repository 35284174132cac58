package io.bta.tokenomics.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.IntegrationTest;
import io.bta.tokenomics.support.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The analytics page in a real browser: snapshots become charts and value tables. */
@IntegrationTest
class AnalyticsPageBrowserTest {

    static BrowserSupport browser;

    @LocalServerPort
    int port;

    @Autowired
    Ledger ledger;

    @Autowired
    MutableClock clock;

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

    @Test
    void anAdminTakesSnapshotsAndSeesTheCharts() {
        ledger.initializeTokens(EntityId.of("admin"));
        var api = new Api(port);
        try (var context = browser.browser.newContext()) {
            var page = context.newPage();
            page.navigate("http://localhost:" + port + "/app/sign-in");
            page.getByLabel("Access token").fill(Api.adminToken());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                    .click();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Analytics"))
                    .click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Take a snapshot now"))
                    .click();
            clock.advance(Duration.ofHours(1));
            ledger.transfer(
                    ledger.resolve("BTA-UTIL"),
                    ledger.treasury(),
                    EntityId.of("analytics-page-user"),
                    Amount.of("1234"),
                    null,
                    EntityId.of("admin"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Take a snapshot now"))
                    .click();

            assertThat(page.locator("canvas#chart-totalSupply")).hasAttribute("data-drawn", "true");
            assertThat(page.locator("canvas#chart-transactions")).hasAttribute("data-drawn", "true");
            var supplyRows = page.locator("figure[data-chart='totalSupply'] table.values tbody tr");
            assertThat(supplyRows).hasCount(30);
            // the page's range: the 30 hours up to the end of the current hour
            var end = clock.instant()
                    .truncatedTo(java.time.temporal.ChronoUnit.HOURS)
                    .plus(Duration.ofHours(1));
            var series = api.get(
                    "/api/analytics/tokens/BTA-UTIL/series?metric=totalSupply&interval=1h&from="
                            + end.minus(Duration.ofHours(30)) + "&to=" + end,
                    Api.adminToken());
            assertThat(series.status()).isEqualTo(200);
            var points = series.json().get("points");
            var last = points.get(points.size() - 1).get("value").asString();
            assertThat(last).isNotNull();
            var shown = supplyRows.last().locator("td.num").textContent();
            assertThat(shown.replace(",", "")).isEqualTo(last);
            BrowserSupport.screenshot(page, "analytics");
        }
    }
}
