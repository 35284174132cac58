package io.bta.tokenomics.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.bta.tokenomics.bridge.Bridge;
import io.bta.tokenomics.bridge.internal.BridgeWorker;
import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.support.AnvilNode;
import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.TestClockConfig;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The wallet page with the bridge enabled, in a real browser against a local node (Anvil): withdraw
 * to an address from the page, see the withdrawal listed, then its chain transaction once the
 * sender has minted it; a refusal shows next to its field with nothing moved; how to deposit names
 * the contracts and the entity id. Skipped without {@code anvil} or Chromium, except under CI.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "tokenomics.data-dir=target/test-data/bridge-page-${random.uuid}",
            "tokenomics.security.jwt-secret=" + Api.SECRET,
            "tokenomics.idempotency.cleanup-interval-ms=3600000",
            "tokenomics.rewards.expiry-interval-ms=3600000",
            "tokenomics.guarantees.expiry-interval-ms=3600000",
            "tokenomics.audit.seal-interval=1h",
            "tokenomics.webhooks.follow-interval-ms=3600000",
            "tokenomics.webhooks.dispatch-interval-ms=3600000",
            "tokenomics.webhooks.purge-interval-ms=3600000",
            "tokenomics.analytics.snapshot-interval=1h",
            "tokenomics.limits.rate-limit.enabled=false",
            // anchoring is on (every hour, so its transactions mine no blocks during the test) and
            // signs with account 0; the bridge signs with an account of its own (ADR 0030)
            "tokenomics.chain.anchor-interval=1h",
            "tokenomics.chain.private-key=" + AnvilNode.KEY_0,
            "tokenomics.bridge.private-key=" + AnvilNode.KEY_2,
            "tokenomics.bridge.enabled=true",
            "tokenomics.bridge.send-interval=1h",
            "tokenomics.bridge.follow-interval=1h"
        })
@Import(TestClockConfig.class)
@DirtiesContext
class BridgeWalletBrowserTest {

    static AnvilNode anvil;
    static BrowserSupport browser;

    @BeforeAll
    static void start() throws Exception {
        anvil = AnvilNode.start("the wallet page's bridge test");
        browser = BrowserSupport.launch();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (browser != null) {
            browser.close();
        }
        if (anvil != null) {
            anvil.close();
        }
    }

    @DynamicPropertySource
    static void chain(DynamicPropertyRegistry registry) {
        registry.add("tokenomics.chain.rpc-url", () -> anvil.rpcUrl());
    }

    @LocalServerPort
    int port;

    @Autowired
    Ledger ledger;

    @Autowired
    Bridge bridge;

    @Autowired
    BridgeWorker worker;

    Api api;
    BrowserContext context;
    Page page;
    String user;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        ledger.initializeTokens(EntityId.of("admin"));
        bridge.deploy(EntityId.of("admin"));
        user = "withdrawer-" + UUID.randomUUID().toString().substring(0, 8);
        ledger.transfer(
                ledger.resolve("BTA-UTIL"),
                ledger.treasury(),
                EntityId.of(user),
                Amount.of("100"),
                null,
                EntityId.of("admin"));
        context = browser.browser.newContext();
        page = context.newPage();
        page.navigate("http://localhost:" + port + "/app/wallet");
        page.getByLabel("Access token").fill(Api.token(user));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        assertThat(page.locator("h1")).hasText("Wallet");
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    @Test
    void withdrawToAnAddressFromTheWalletThenSeeItMintedOnChain() {
        var to = randomAddress();
        var status = bridge.status();
        assertThat(page.locator("#bridge-address")).hasText(status.bridgeAddress());
        assertThat(page.locator("#deposit-entity-id")).hasText(user);
        var util = status.tokens().stream()
                .filter(t -> t.symbol().equals("BTA-UTIL"))
                .findFirst()
                .orElseThrow();
        assertThat(page.locator(".token-address[data-symbol='BTA-UTIL']")).hasText(util.contractAddress());
        assertThat(page.locator("#bridge")).containsText("No withdrawals.");

        page.getByLabel("Token to withdraw").selectOption("BTA-UTIL");
        page.getByLabel("Amount to withdraw").fill("40");
        page.getByLabel("To address (0x…)").fill(to);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Withdraw"))
                .click();

        assertThat(page.locator(".flash")).containsText("Withdrawal requested");
        assertThat(page.locator(".balance[data-symbol='BTA-UTIL'] .available")).hasText("60 BTA-UTIL");
        var row = page.locator("#withdrawals tbody tr").first();
        assertThat(row.locator(".status")).hasText("REQUESTED");
        assertThat(row).containsText("40 BTA-UTIL");
        assertThat(row).containsText("not sent yet");
        var listed = api.get("/api/bridge/withdrawals", Api.token(user)).json().get("items");
        assertThat(listed.size()).isEqualTo(1);
        assertThat(row).hasAttribute("data-withdrawal", listed.get(0).get("id").asString());

        worker.send();
        page.reload();
        var sent = api.get("/api/bridge/withdrawals/" + listed.get(0).get("id").asString(), Api.token(user));
        row = page.locator("#withdrawals tbody tr").first();
        assertThat(row.locator(".status")).hasText("SUBMITTED");
        assertThat(row.locator(".chain-tx")).hasText(sent.text("chainTxHash"));
        assertThat(row.locator(".block"))
                .hasText(sent.json().get("chainBlockNumber").asString());
        BrowserSupport.screenshot(page, "wallet-bridge");
    }

    @Test
    void aWithdrawalRefusedShowsItsErrorNextToTheFieldAndMovesNothing() {
        page.getByLabel("Amount to withdraw").fill("500");
        page.getByLabel("To address (0x…)").fill(randomAddress());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Withdraw"))
                .click();
        assertThat(page.locator("#withdrawAmount-error")).isVisible();
        assertThat(page.getByLabel("Amount to withdraw")).hasAttribute("aria-invalid", "true");

        page.getByLabel("Amount to withdraw").fill("5");
        page.getByLabel("To address (0x…)").fill("0x1234");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Withdraw"))
                .click();
        assertThat(page.locator("#toAddress-error")).isVisible();
        BrowserSupport.screenshot(page, "wallet-bridge-error");

        assertThat(api.get("/api/tokens/balances/" + user + "/BTA-UTIL", Api.token(user))
                        .text("available"))
                .isEqualTo("100");
        assertThat(api.get("/api/bridge/withdrawals", Api.token(user))
                        .json()
                        .get("items")
                        .size())
                .isZero();
    }

    static String randomAddress() {
        var bytes = new byte[20];
        ThreadLocalRandom.current().nextBytes(bytes);
        return "0x" + HexFormat.of().formatHex(bytes);
    }
}
