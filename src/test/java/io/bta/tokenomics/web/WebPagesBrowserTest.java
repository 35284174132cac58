package io.bta.tokenomics.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import io.bta.tokenomics.audit.Audit;
import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.rewards.Rewards;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.staking.Apy;
import io.bta.tokenomics.staking.LockPeriod;
import io.bta.tokenomics.staking.MinTrustScore;
import io.bta.tokenomics.staking.PoolTerms;
import io.bta.tokenomics.staking.Staking;
import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.IntegrationTest;
import io.bta.tokenomics.support.MutableClock;
import io.bta.tokenomics.webhooks.Webhooks;
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

    @Autowired
    Staking staking;

    @Autowired
    Rewards rewards;

    @Autowired
    MutableClock clock;

    @Autowired
    Webhooks webhooks;

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
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send"))
                .click();

        assertThat(page.locator(".flash")).hasText("Transfer sent.");
        assertThat(page.locator(".balance[data-symbol='BTA-UTIL'] .available")).hasText("749.5 BTA-UTIL");
        var newest = page.locator("#history tbody tr").first();
        assertThat(newest).containsText("rent");
        assertThat(api.get("/api/tokens/balances/" + user + "/BTA-UTIL", Api.token(user))
                        .text("available"))
                .isEqualTo("749.5");
        // its hash shows at once, as the history has it; the link to its proof once it is sealed
        var txHash = api.get("/api/tokens/transactions?limit=1", Api.token(user))
                .json()
                .get("items")
                .get(0)
                .get("txHash")
                .asString();
        assertThat(newest.locator("code.tx-hash")).hasAttribute("title", txHash);
        assertThat(newest).containsText("not sealed yet");

        audit.sealAll();
        page.reload();
        page.locator("#history tbody tr").first().getByText("proof").click();
        assertThat(page.locator("h1")).hasText("Inclusion proof");
        assertThat(page.locator("#tx-hash")).hasText(txHash);
        BrowserSupport.screenshot(page, "wallet-proof");
        page.goBack();
        BrowserSupport.screenshot(page, "wallet");
    }

    @Test
    void theBalancesFollowTheEventStreamWithoutAReload() {
        signIn(Api.token(user));
        var available = page.locator(".balance[data-symbol='BTA-UTIL'] .available");
        assertThat(available).hasText("1,000 BTA-UTIL");
        page.waitForCondition(() -> (Boolean) page.evaluate("window.btaStreamOpen === true"));
        // someone else pays the user; the ledger's follower records the event, the stream sends it
        fund(user, "BTA-UTIL", "0.25");
        webhooks.followLedger();
        assertThat(available).hasText("1,000.25 BTA-UTIL", new LocatorAssertions.HasTextOptions().setTimeout(10_000));
    }

    @Test
    void aTransferBeyondTheBalanceShowsTheErrorNextToTheAmount() {
        signIn(Api.token(user));
        page.getByLabel("To (entity id)").fill("treasury");
        page.getByLabel("Amount").fill("5000");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send"))
                .click();
        assertThat(page.locator("#amount-error")).containsText("needs 5000");
        assertThat(page.getByLabel("Amount")).hasAttribute("aria-invalid", "true");
        assertThat(page.getByLabel("Amount")).isFocused();
        BrowserSupport.screenshot(page, "wallet-transfer-error");
        assertThat(api.get("/api/tokens/balances/" + user + "/BTA-UTIL", Api.token(user))
                        .text("available"))
                .isEqualTo("1000");
    }

    @Test
    void createAProposalThenVoteOnItOnceVotingOpens() {
        fund(user, "BTA-GOV", "5000");
        signIn(Api.token(user));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Governance"))
                .click();
        page.getByText("Create a proposal").click();
        page.getByLabel("Title").fill("Fund the " + user + " workshop");
        page.getByLabel("Description").fill("Two days of training for members.");
        page.getByLabel("Action (optional)").selectOption("TREASURY_TRANSFER");
        page.getByLabel("Action parameters, one name=value per line")
                .fill("tokenId=BTA-UTIL\ntoEntityId=" + user + "\namount=100");
        BrowserSupport.screenshot(page, "governance-new-proposal");
        click("Create proposal");

        assertThat(page.locator(".flash")).hasText("Proposal created.");
        assertThat(page.locator("#status")).hasText("PENDING");
        assertThat(page.locator("#actions")).containsText("TREASURY_TRANSFER");
        var id = page.url().replaceAll(".*/app/governance/([0-9a-f-]{36}).*", "$1");
        assertThat(api.get("/api/governance/proposals/" + id, Api.token(user)).text("title"))
                .isEqualTo("Fund the " + user + " workshop");

        clock.advance(Duration.ofDays(1).plusMinutes(1));
        page.navigate("http://localhost:" + port + "/app/governance/" + id);
        assertThat(page.locator("#status")).hasText("ACTIVE");
        assertThat(page.locator("#power")).containsText("5,000 BTA-GOV");
        assertThat(page.locator("#power .weight")).hasText("2,500");
        page.getByLabel("For", new Page.GetByLabelOptions().setExact(true)).check();
        page.getByLabel("Reason (optional)").fill("useful");
        click("Vote");

        assertThat(page.locator(".flash")).hasText("Your vote is recorded.");
        assertThat(page.locator("#my-vote")).containsText("FOR");
        assertThat(page.locator("#tally .for")).hasText("2,500");
        assertThat(page.locator("#votes")).containsText(user);
        BrowserSupport.screenshot(page, "governance-proposal");
        var proposal = api.get("/api/governance/proposals/" + id, Api.token(user));
        assertThat(proposal.text("forVotes")).isEqualTo("2500");
        assertThat(proposal.json().get("voterCount").asInt()).isEqualTo(1);

        page.navigate("http://localhost:" + port + "/app/governance?status=ACTIVE");
        assertThat(page.locator("#proposals")).containsText("Fund the " + user + " workshop");
        BrowserSupport.screenshot(page, "governance");
    }

    @Test
    void aProposalWithoutTitleIsRefusedNextToTheTitle() {
        fund(user, "BTA-GOV", "5000");
        signIn(Api.token(user));
        page.navigate("http://localhost:" + port + "/app/governance/new");
        page.getByLabel("Action (optional)").selectOption("MINT");
        page.getByLabel("Action parameters, one name=value per line").fill("tokenId=BTA-UTIL");
        click("Create proposal");
        assertThat(page.locator("#title-error")).hasText("is required");
        assertThat(page.getByLabel("Action parameters, one name=value per line"))
                .hasValue("tokenId=BTA-UTIL");
        page.getByLabel("Title").fill("Mint without a recipient");
        click("Create proposal");
        assertThat(page.locator("#parameters-error")).isVisible();
        assertThat(page.locator("#title-error")).hasCount(0);
        BrowserSupport.screenshot(page, "governance-new-proposal-errors");
        assertThat(api.get("/api/governance/proposals?proposerId=" + user, Api.token(user))
                        .json()
                        .get("items")
                        .size())
                .isZero();
    }

    @Test
    void stakeWatchPendingRewardsGrowThenUnstake() {
        var pool = staking.createPool(new PoolTerms(
                ledger.resolve("BTA-UTIL"),
                ledger.resolve("BTA-REWARD"),
                "Pool " + user,
                Apy.ofPercent(new BigDecimal("36.5")),
                Amount.of("10"),
                new LockPeriod(0),
                MinTrustScore.of(BigDecimal.ZERO),
                null,
                null));
        signIn(Api.token(user));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Staking"))
                .click();
        assertThat(page.locator("#pools tr[data-pool='Pool " + user + "'] .apy"))
                .hasText("36.5 %");
        page.getByLabel("Pool", new Page.GetByLabelOptions().setExact(true))
                .selectOption(pool.id().toString());
        page.getByLabel("Amount").fill("400");
        click("Stake");

        assertThat(page.locator(".flash")).hasText("Stake opened.");
        var row = page.locator("#stakes tbody tr").first();
        assertThat(row).containsText("400 BTA-UTIL");
        assertThat(row.locator(".pending")).hasText("0 BTA-REWARD");
        assertThat(page.locator("#pools tr[data-pool='Pool " + user + "'] .tvl"))
                .hasText("400 BTA-UTIL");

        // 400 at 36.5 % a year earn 0.4 a day; the positions refresh themselves
        clock.advance(Duration.ofDays(1));
        assertThat(row.locator(".pending"))
                .hasText("0.4 BTA-REWARD", new LocatorAssertions.HasTextOptions().setTimeout(15_000));
        BrowserSupport.screenshot(page, "staking");
        var stakes = api.get("/api/staking/stakes", Api.token(user)).json();
        assertThat(stakes.get(0).get("pendingRewards").asString()).isEqualTo("0.4");

        row.getByRole(AriaRole.BUTTON).click();
        assertThat(page.locator(".flash")).hasText("Stake closed.");
        assertThat(api.get("/api/tokens/balances/" + user + "/BTA-UTIL", Api.token(user))
                        .text("available"))
                .isEqualTo("1000");
        assertThat(api.get("/api/tokens/balances/" + user + "/BTA-REWARD", Api.token(user))
                        .text("available"))
                .isEqualTo("0.4");
    }

    @Test
    void claimARewardWithTheClaimButton() {
        var reward = rewards.rewardLearning(EntityId.of(user), "course-" + user, null)
                .reward();
        signIn(Api.token(user));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Rewards"))
                .click();
        var row = page.locator("#rewards tr[data-reward='" + reward.id() + "']");
        assertThat(row.locator(".reward-status")).hasText("PENDING");
        assertThat(page.locator("#totals tr[data-type='LEARNING'] .pending")).hasText("10 BTA-REWARD");
        BrowserSupport.screenshot(page, "rewards-before-claim");
        row.getByRole(AriaRole.BUTTON).click();

        assertThat(row.locator(".reward-status")).hasText("CLAIMED");
        assertThat(page.locator("#totals tr[data-type='LEARNING'] .claimed")).hasText("10 BTA-REWARD");
        BrowserSupport.screenshot(page, "rewards");
        var listed =
                api.get("/api/rewards", Api.token(user)).json().get("items").get(0);
        assertThat(listed.get("status").asString()).isEqualTo("CLAIMED");
        assertThat(api.get("/api/tokens/balances/" + user + "/BTA-REWARD", Api.token(user))
                        .text("available"))
                .isEqualTo("10");
    }

    @Test
    void anAdminCreatesAPool() {
        signIn(Api.adminToken());
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Admin"))
                .click();
        var name = "Admin pool " + user;
        page.getByLabel("Pool name").fill(name);
        page.getByLabel("APY (percent)").fill("7.5");
        page.getByLabel("Minimum stake").fill("abc");
        page.getByLabel("Lock period (days)").fill("30");
        click("Create pool");
        assertThat(page.locator("[id='pool.minStakeAmount-error']")).isVisible();
        assertThat(page.getByLabel("Pool name")).hasValue(name);

        page.getByLabel("Minimum stake").fill("50");
        page.getByLabel("Minimum trust score (optional)").fill("20");
        click("Create pool");
        assertThat(page.locator(".flash")).hasText("Pool created.");
        assertThat(page.locator("#admin-pools")).containsText(name);
        BrowserSupport.screenshot(page, "admin");

        var pools = api.get("/api/staking/pools", Api.token(user)).json();
        var created = java.util.stream.StreamSupport.stream(pools.spliterator(), false)
                .filter(p -> p.get("name").asString().equals(name))
                .findFirst()
                .orElseThrow();
        assertThat(created.get("apy").asString()).isEqualTo("7.5");
        assertThat(created.get("lockPeriod").asInt()).isEqualTo(30);
        assertThat(created.get("minStakeAmount").asString()).isEqualTo("50");
    }

    @Test
    void theWalletFitsAPhone() {
        var phone = browser.browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844));
        try {
            var small = phone.newPage();
            small.navigate("http://localhost:" + port + "/app/sign-in");
            small.getByLabel("Access token").fill(Api.token(user));
            small.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                    .click();
            assertThat(small.locator(".balance[data-symbol='BTA-UTIL'] .available"))
                    .hasText("1,000 BTA-UTIL");
            // Measured once the page and its stylesheet have loaded, not while they still arrive.
            small.waitForLoadState(LoadState.LOAD);
            var width = (Number) small.evaluate("document.documentElement.scrollWidth");
            assertThat(width.intValue()).isLessThanOrEqualTo(390);
            BrowserSupport.screenshot(small, "wallet-phone");
        } finally {
            phone.close();
        }
    }

    private void click(String button) {
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName(button).setExact(true))
                .click();
    }

    private void signIn(String token) {
        page.navigate("http://localhost:" + port + "/app/wallet");
        assertThat(page.locator("h1")).hasText("Sign in");
        BrowserSupport.screenshot(page, "sign-in");
        page.getByLabel("Access token").fill(token);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
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
