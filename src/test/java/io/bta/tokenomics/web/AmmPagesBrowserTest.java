package io.bta.tokenomics.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.bta.tokenomics.amm.Amm;
import io.bta.tokenomics.amm.PoolFees;
import io.bta.tokenomics.amm.TokenPair;
import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The swap and pools pages in a real browser: a live quote while typing, a swap, an add-liquidity. */
@IntegrationTest
class AmmPagesBrowserTest {

    static final EntityId ADMIN = EntityId.of("admin");
    static BrowserSupport browser;

    @LocalServerPort
    int port;

    @Autowired
    Ledger ledger;

    @Autowired
    Amm amm;

    Api api;
    BrowserContext context;
    Page page;
    String user;

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
        api = new Api(port);
        ledger.initializeTokens(ADMIN);
        TokenId gov = ledger.resolve("BTA-GOV");
        TokenId util = ledger.resolve("BTA-UTIL");
        if (amm.pools().stream()
                .noneMatch(p -> TokenPair.of(gov, util).equals(new TokenPair(p.tokenA(), p.tokenB())))) {
            var pool = amm.createPool(gov, util, PoolFees.standard());
            var provider = EntityId.of("browser-provider");
            ledger.transfer(gov, ledger.treasury(), provider, Amount.of("1000"), null, ADMIN);
            ledger.transfer(util, ledger.treasury(), provider, Amount.of("1000"), null, ADMIN);
            amm.addLiquidity(provider, pool.id(), Amount.of("1000"), Amount.of("1000"), null, null, null);
        }
        user = "amm-" + UUID.randomUUID().toString().substring(0, 8);
        ledger.transfer(util, ledger.treasury(), EntityId.of(user), Amount.of("100"), null, ADMIN);
        ledger.transfer(gov, ledger.treasury(), EntityId.of(user), Amount.of("100"), null, ADMIN);
        context = browser.browser.newContext();
        page = context.newPage();
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    @Test
    void swapWithALiveQuoteThenAddLiquidity() {
        page.navigate("http://localhost:" + port + "/app/wallet");
        page.getByLabel("Access token").fill(Api.token(user));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();

        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Swap").setExact(true))
                .click();
        assertThat(page.locator("h1")).hasText("Swap");
        page.getByLabel("Pay", new Page.GetByLabelOptions().setExact(true))
                .selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("BTA-UTIL"));
        page.getByLabel("Receive", new Page.GetByLabelOptions().setExact(true))
                .selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("BTA-GOV"));
        page.getByLabel("Amount", new Page.GetByLabelOptions().setExact(true)).pressSequentially("10");
        assertThat(page.locator("#quote-out")).containsText("BTA-GOV");
        assertThat(page.locator("#quote-impact")).containsText("%");
        BrowserSupport.screenshot(page, "swap-quote");
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Swap").setExact(true))
                .click();
        assertThat(page.locator(".flash").first()).hasText("Swap done.");
        assertThat(api.get("/api/tokens/balances/" + user + "/BTA-UTIL", Api.token(user))
                        .text("available"))
                .isEqualTo("90");
        var govBefore = Amount.of(api.get("/api/tokens/balances/" + user + "/BTA-GOV", Api.token(user))
                .text("available"));

        // exact out: receive exactly 1 BTA-GOV, paying at most the quote plus the slippage
        page.getByLabel("Pay", new Page.GetByLabelOptions().setExact(true))
                .selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("BTA-UTIL"));
        page.getByLabel("Receive", new Page.GetByLabelOptions().setExact(true))
                .selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("BTA-GOV"));
        page.getByLabel("what I receive, exactly").check();
        page.getByLabel("Amount", new Page.GetByLabelOptions().setExact(true)).fill("1");
        assertThat(page.locator("#quote-max")).containsText("BTA-UTIL");
        assertThat(page.locator("#quote-out")).hasText("1 BTA-GOV");
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Swap").setExact(true))
                .click();
        assertThat(page.locator(".flash").first()).hasText("Swap done.");
        assertThat(Amount.of(api.get("/api/tokens/balances/" + user + "/BTA-GOV", Api.token(user))
                                .text("available"))
                        .minus(govBefore))
                .isEqualTo(Amount.of("1"));

        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Pools").setExact(true))
                .click();
        assertThat(page.locator("h1")).hasText("Liquidity pools");
        page.getByLabel("Amount of the first token").fill("5");
        page.getByLabel("Amount of the second token").fill("5");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add liquidity"))
                .click();
        assertThat(page.locator(".flash").first()).hasText("Liquidity added.");
        assertThat(page.locator("#lp-positions tbody tr")).hasCount(1);
        BrowserSupport.screenshot(page, "pools");
    }
}
