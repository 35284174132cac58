package io.bta.tokenomics.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.bta.tokenomics.audit.Audit;
import io.bta.tokenomics.ledger.Ledger;
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

/**
 * The pages in a real browser against the running service: each flow is done by clicking and
 * typing, then checked on the page and through the JSON API. A screenshot of each page is saved
 * under {@code target/screenshots}.
 */
@IntegrationTest
class WebPagesBrowserTest {

    static BrowserSupport browser;

    @LocalServerPort
    int port;

    @Autowired
    Ledger ledger;

    @Autowired
    Audit audit;

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
        ledger.initializeTokens(EntityId.of("admin"));
        user = "browser-" + UUID.randomUUID().toString().substring(0, 8);
        fund(user, "BTA-UTIL", "1000");
        context = browser.browser.newContext();
        page = context.newPage();
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    @Test
    void signInThenTransferFromTheWallet() {
        signIn(Api.token(user));
        assertThat(page.locator("h1")).hasText("Wallet");
        assertThat(page.locator(".balance[data-symbol='BTA-UTIL'] .available")).hasText("1,000 BTA-UTIL");

        page.getByLabel("To (entity id)").fill("treasury");
        page.getByLabel("Token", new Page.GetByLabelOptions().setExact(true)).selectOption("BTA-UTIL");
        page.getByLabel("Amount").fill("250.5");
        page.getByLabel("Memo (optional)").fill("rent");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send"))
                .click();

        assertThat(page.locator(".flash")).hasText("Transfer sent.");
        assertThat(page.locator(".balance[data-symbol='BTA-UTIL'] .available")).hasText("749.5 BTA-UTIL");
        assertThat(page.locator("#history tbody tr").first()).containsText("rent");
        assertThat(api.get("/api/tokens/balances/" + user + "/BTA-UTIL", Api.token(user))
                        .text("available"))
                .isEqualTo("749.5");

        audit.sealAll();
        page.reload();
        page.locator("#history tbody tr").first().getByText("proof").click();
        assertThat(page.locator("h1")).hasText("Inclusion proof");
        assertThat(page.locator("#tx-hash")).hasText(java.util.regex.Pattern.compile("^[0-9a-f]{64}$"));
        BrowserSupport.screenshot(page, "wallet-proof");
        page.goBack();
        BrowserSupport.screenshot(page, "wallet");
    }

    @Test
    void aTransferBeyondTheBalanceShowsTheErrorNextToTheAmount() {
        signIn(Api.token(user));
        page.getByLabel("To (entity id)").fill("treasury");
        page.getByLabel("Amount").fill("5000");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send"))
                .click();
        assertThat(page.locator("#amount-error")).containsText("needs 5000");
        assertThat(page.getByLabel("Amount")).hasAttribute("aria-invalid", "true");
        BrowserSupport.screenshot(page, "wallet-transfer-error");
        assertThat(api.get("/api/tokens/balances/" + user + "/BTA-UTIL", Api.token(user))
                        .text("available"))
                .isEqualTo("1000");
    }

    private void signIn(String token) {
        page.navigate("http://localhost:" + port + "/app/wallet");
        assertThat(page.locator("h1")).hasText("Sign in");
        BrowserSupport.screenshot(page, "sign-in");
        page.getByLabel("Access token").fill(token);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
    }

    private void fund(String entity, String symbol, String amount) {
        ledger.transfer(
                ledger.resolve(symbol),
                ledger.treasury(),
                EntityId.of(entity),
                Amount.of(amount),
                null,
                EntityId.of("admin"));
    }
}
