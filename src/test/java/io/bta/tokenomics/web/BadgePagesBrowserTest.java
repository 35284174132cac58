package io.bta.tokenomics.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.nft.BadgeTrigger;
import io.bta.tokenomics.nft.NftMetadata;
import io.bta.tokenomics.nft.Nfts;
import io.bta.tokenomics.rewards.Rewards;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.Await;
import io.bta.tokenomics.support.BadgeRules;
import io.bta.tokenomics.support.IntegrationTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The wallet's badges in a real browser: a badge earned by a rule (first learning reward) with its
 * image and attributes, one minted without an image (the collection's initials), the link to the
 * public metadata JSON, and the badge in the rewards history.
 */
@IntegrationTest
class BadgePagesBrowserTest {

    static final EntityId ADMIN = EntityId.of("admin");
    static BrowserSupport browser;

    @LocalServerPort
    int port;

    @Autowired
    Ledger ledger;

    @Autowired
    Nfts nfts;

    @Autowired
    Rewards rewards;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    BrowserContext context;
    Page page;
    String learned;

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
        if (learned != null) {
            BadgeRules.removeOf(jdbc, learned); // the rule would fire for other tests' learning rewards
        }
    }

    @Test
    void seeMyBadgesWithTheirImagesAndAttributesAndInMyRewards() {
        var suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        learned = "LEARN-" + suffix;
        var plain = "PLAIN-" + suffix;
        nfts.createCollection(learned, "Learning badges", true, null);
        nfts.createCollection(plain, "Plain badges", false, null);
        nfts.createBadgeRule(
                learned,
                "First course",
                BadgeTrigger.REWARDS_LEARNING,
                1,
                new NftMetadata(
                        "First course",
                        "Finished a first course of the academy",
                        "https://badges.example.test/first-course.png",
                        List.of(
                                new NftMetadata.Attribute("level", "beginner"),
                                new NftMetadata.Attribute("courses", new BigDecimal("1")))));
        var user = "browser-badge-" + suffix.toLowerCase();
        var me = EntityId.of(user);
        rewards.rewardLearning(me, "course-" + suffix, "beginner");
        Await.until(() -> nfts.ownedBy(me).size() == 1); // the rule's listener runs after the commit
        nfts.mint(plain, me, new NftMetadata("Early member", null, null, List.of()), ADMIN);

        page.navigate("http://localhost:" + port + "/app/wallet");
        page.getByLabel("Access token").fill(Api.token(user));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();

        var badges = page.locator("#badges .badge");
        assertThat(badges).hasCount(2);
        var course = page.locator("#badges .badge[data-collection='" + learned + "']");
        assertThat(course.locator("h3")).hasText("First course");
        assertThat(course.locator("img.badge-image"))
                .hasAttribute("src", "https://badges.example.test/first-course.png");
        assertThat(course.locator("img.badge-image")).hasAttribute("alt", "First course");
        assertThat(course.locator(".description")).hasText("Finished a first course of the academy");
        assertThat(course.locator(".attributes dt")).hasText(new String[] {"level", "courses"});
        assertThat(course.locator(".attributes dd")).hasText(new String[] {"beginner", "1"});
        assertThat(course).containsText("soulbound");
        var early = page.locator("#badges .badge[data-collection='" + plain + "']");
        assertThat(early.locator(".badge-initials")).hasText("PL");
        assertThat(early).not().containsText("soulbound");
        BrowserSupport.screenshot(page, "wallet-badges");

        course.getByRole(
                        AriaRole.LINK,
                        new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Metadata (JSON)"))
                .click();
        assertThat(page.locator("body")).containsText("\"name\":\"First course\"");
        assertThat(page.locator("body")).containsText("\"trait_type\":\"level\"");

        page.navigate("http://localhost:" + port + "/app/rewards");
        var row = page.locator("#rewards tr", new Page.LocatorOptions().setHasText("NFT"));
        assertThat(row).hasCount(1);
        assertThat(row.locator(".reward-badge")).hasText("Badge " + learned + " #1");
        assertThat(row.locator(".reward-status")).hasText("AWARDED");
        assertThat(row.getByRole(AriaRole.BUTTON)).hasCount(0);
    }
}
