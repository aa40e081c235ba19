package dev.precis.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.ColorScheme;
import dev.precis.fetch.TestWeb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reader in a real browser (Debian's Chromium driven by Playwright): a reader's path through
 * the front page, a story, an article and its summary, previous/next, search and adding a feed.
 * Screenshots go to {@code target/screenshots/}.
 */
class ReaderBrowserTest {

    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    static final Path SHOTS = Paths.get("target", "screenshots");

    static ReaderFixture f;
    static Playwright playwright;
    static Browser browser;
    BrowserContext context;
    Page page;
    final List<String> dialogs = new ArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException("browser tests need Chromium at " + CHROMIUM + ": apt-get install chromium");
        }
        Files.createDirectories(SHOTS);
        f = new ReaderFixture(new ReaderServer.Options("127.0.0.1", 0, null, false, DemoArticles.BANNER));
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--no-first-run", "--disable-sync")));
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (f != null) {
            f.close();
        }
    }

    @BeforeEach
    void open() {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
        page = context.newPage();
        page.onDialog(d -> {
            dialogs.add(d.message());
            d.dismiss();
        });
        page.onPageError(e -> dialogs.add("page error: " + e));
    }

    @AfterEach
    void close() {
        context.close();
        assertEquals(List.of(), dialogs, "no script from content may run, and the page's own script must not fail");
    }

    void shot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
    }

    @Test
    void readerGoesFromFrontPageToStoryToArticleAndItsSummary() {
        page.navigate(f.url("/"));
        assertThat(page.locator("h1")).hasCount(1);
        assertThat(page.locator(".story").first()).isVisible();
        shot("01-front");

        page.locator(".story h2 a[href^='/stories/']").first().click();
        assertThat(page.locator("h2#sum-h")).hasText("Summary across outlets");
        assertTrue(page.locator(".storysum li").count() >= 2, "story summary sentences");
        shot("02-story");

        page.locator(".arts a").first().click();
        assertThat(page.locator("#headline")).isVisible();
        Locator summary = page.locator("details.summary");
        assertThat(summary.locator("ol.sum")).not().isVisible();
        page.getByText("No time to read? Get a summary").click();
        assertThat(summary.locator("ol.sum li.r1")).isVisible();
        assertEquals(3, summary.locator("ol.sum li:visible").count(), "three sentences by default");
        summary.locator(".lengths a[data-n='1']").click();
        assertEquals(1, summary.locator("ol.sum li:visible").count());
        summary.locator(".lengths a[data-n='5']").click();
        assertTrue(summary.locator("ol.sum li:visible").count() >= 4);
        summary.locator("a.mark").click();
        assertTrue(page.locator(".body .hl").count() >= 4, "summary sentences highlighted in the body");
        shot("03-article-summary");

        String first = page.locator("#headline").textContent();
        page.locator("#next").click();
        String second = page.locator("#headline").textContent();
        assertNotEquals(first, second, "next article opens another article");
        assertTrue(page.url().contains("from=story"), "the story stays the reading list: " + page.url());
        page.locator("#prev").click();
        assertEquals(first, page.locator("#headline").textContent(), "previous returns");
        page.keyboard().press("j");
        assertThat(page.locator("#headline")).hasText(second);
    }

    @Test
    void summaryWorksWithoutJavaScript() {
        BrowserContext plain = browser.newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false));
        Page p = plain.newPage();
        p.navigate(f.url("/"));
        p.locator(".story .members a, .story h2 a[href^='/articles/']").first().click();
        p.getByText("No time to read? Get a summary").click();
        assertThat(p.locator("ol.sum li.r1")).isVisible();
        p.locator(".lengths a[data-n='5']").click();
        p.getByText("No time to read? Get a summary").click();
        assertTrue(p.locator("ol.sum li:visible").count() >= 4, "length links work by reloading");
        plain.close();
    }

    @Test
    void searchShowsHighlightedSnippetsAndWalksResults() {
        page.navigate(f.url("/"));
        page.keyboard().press("/");
        page.keyboard().type("fisheries");
        page.keyboard().press("Enter");
        assertThat(page.locator(".hits li").first()).isVisible();
        assertTrue(page.locator(".snippet mark").count() >= 1, "matches marked");
        shot("04-search");
        page.locator(".hits h2 a").first().click();
        assertTrue(page.url().contains("from=search"), page.url());
        assertThat(page.locator(".crumbs a")).containsText("Search: fisheries");
    }

    @Test
    void addingAFeedShowsItWithItsArticles() throws IOException {
        try (TestWeb web = TestWeb.start()) {
            web.page("/feed.xml", "application/rss+xml", ReaderServerTest.rss("Skerry Island Post"));
            page.navigate(f.url("/feeds"));
            page.getByLabel("Feed or site address").fill(web.url("/feed.xml"));
            page.getByText("Add feed").click();
            assertThat(page.locator(".notice")).containsText("Skerry Island Post");
            assertThat(page.locator(".feedlist")).containsText("Skerry Island Post");
            shot("05-feeds");
            page.locator(".feedlist a.ftitle", new Page.LocatorOptions().setHasText("Skerry Island Post")).click();
            assertThat(page.locator(".hits li")).hasCount(2);
            page.locator(".hits h2 a").first().click();
            assertThat(page.locator("#headline")).isVisible();
            assertTrue(page.url().contains("from=feed"), page.url());
        }
    }

    @Test
    void hostileArticleRendersInert() {
        page.navigate(f.url("/articles/" + f.hostileId));
        assertThat(page.locator("#headline")).containsText("<script>");
        assertThat(page.locator(".byline")).containsText("<img src=x");
        assertEquals(0, page.locator(".body script, .body img, .body svg, .body iframe").count());
        assertEquals("undefined", String.valueOf(page.evaluate("() => typeof window.__xss")));
    }

    @Test
    void narrowScreenAndDarkMode() {
        BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(360, 740)
                .setColorScheme(ColorScheme.DARK));
        Page p = phone.newPage();
        p.navigate(f.url("/"));
        assertTrue((Boolean) p.evaluate("() => document.documentElement.scrollWidth <= 360"), "no sideways scrolling at 360 px");
        p.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("06-front-360-dark.png")));
        p.locator(".story h2 a[href^='/stories/']").first().click();
        p.locator(".arts a").first().click();
        p.getByText("No time to read? Get a summary").click();
        assertTrue((Boolean) p.evaluate("() => document.documentElement.scrollWidth <= 360"), "article fits 360 px");
        String bg = String.valueOf(p.evaluate("() => getComputedStyle(document.body).backgroundColor"));
        assertEquals("rgb(21, 22, 26)", bg, "dark colours follow prefers-color-scheme");
        p.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("07-article-360-dark.png")).setFullPage(true));
        phone.close();
    }
}
