package io.bta.tokenomics.web;

import static org.assertj.core.api.Assertions.fail;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The system Chromium driven through Playwright; browsers are never downloaded. Without a Chromium
 * the browser tests are skipped with a message, except under CI (the variable {@code CI} set),
 * where they fail: there {@code .ci/run} installs the {@code chromium} package.
 */
final class BrowserSupport implements AutoCloseable {

    static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    final Playwright playwright;
    final Browser browser;

    private BrowserSupport(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    static BrowserSupport launch() {
        var chromium = chromium();
        if (chromium == null) {
            var message =
                    "no Chromium found (set CHROMIUM_BIN, or install the chromium package): browser tests skipped";
            if (System.getenv("CI") != null) {
                fail(message.replace("skipped", "required under CI"));
            }
            Assumptions.abort(message);
        }
        var playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        var browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(chromium)
                        .setHeadless(true)
                        // the tests may run as root in a container, where Chromium's sandbox cannot start
                        .setArgs(List.of("--no-sandbox", "--disable-dev-shm-usage")));
        return new BrowserSupport(playwright, browser);
    }

    static Path chromium() {
        var configured = System.getenv("CHROMIUM_BIN");
        return Stream.concat(
                        configured == null ? Stream.empty() : Stream.of(configured),
                        Stream.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"))
                .map(Paths::get)
                .filter(Files::isExecutable)
                .findFirst()
                .orElse(null);
    }

    static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve(name + ".png"))
                .setFullPage(true));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
