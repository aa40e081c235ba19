package dev.precis.feeds;

import dev.precis.fetch.PageFetcher;
import dev.precis.fetch.TestWeb;
import dev.precis.store.FeedRecord;
import dev.precis.store.Store;
import dev.precis.store.StoredArticle;
import dev.precis.store.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeedPollerTest {

    /** Sentences long enough for a full article body. */
    static String body(String topic, int paragraphs) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < paragraphs; i++) {
            sb.append("<p>The ").append(topic).append(" committee met on day ").append(i + 1)
                    .append(" and heard from residents who described in detail how the plan would change")
                    .append(" their streets, their schools and the bus routes they take to work each morning.</p>");
        }
        return sb.toString();
    }

    static String rss(String title, String items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>" + title
                + "</title><link>http://127.0.0.1/</link>" + items + "</channel></rss>";
    }

    static String item(String guid, String link, String title, String html) {
        return "<item><guid>" + guid + "</guid>" + (link == null ? "" : "<link>" + link + "</link>")
                + (title == null ? "" : "<title>" + title + "</title>")
                + "<pubDate>Tue, 05 Mar 2024 09:30:00 GMT</pubDate><author>desk@ledger.test (Ann Desk)</author>"
                + "<description><![CDATA[" + html + "]]></description></item>";
    }

    @TempDir
    Path dir;
    TestWeb web;
    Store store;
    final List<long[]> requests = Collections.synchronizedList(new ArrayList<>());
    FeedPoller poller;

    @BeforeEach
    void start() throws Exception {
        web = TestWeb.start();
        store = Stores.open(dir.resolve("data").toString(), null);
        poller = new FeedPoller(store, new PageFetcher(Duration.ofSeconds(5), true),
                FeedPoller.Settings.DEFAULT.withHostDelay(Duration.ofMillis(20)),
                (host, s, e) -> requests.add(new long[]{s, e}));
    }

    @AfterEach
    void stop() throws Exception {
        poller.close();
        store.close();
        web.close();
    }

    private FeedRecord feed(long id) {
        return store.feed(id).orElseThrow();
    }

    @Test
    void pollsWithConditionalGetAndCountsThe304() throws Exception {
        String doc = rss("Ledger", item("a1", web.url("/a1"), "Bridge", body("bridge", 6))
                + item("a2", web.url("/a2"), "Budget", body("budget", 6)));
        web.route("/feed", ex -> {
            if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                TestWeb.send(ex, 304, null, new byte[0]);
                return;
            }
            ex.getResponseHeaders().set("ETag", "\"v1\"");
            ex.getResponseHeaders().set("Last-Modified", "Tue, 05 Mar 2024 10:00:00 GMT");
            ex.getResponseHeaders().set("Cache-Control", "max-age=7200");
            TestWeb.send(ex, 200, "application/rss+xml", doc);
        });
        long id = store.addFeed(web.url("/feed"), null, null).id();
        PollRound first = poller.pollDue();
        assertEquals(1, first.feeds().size());
        FeedReport r = first.feeds().get(0);
        assertEquals(FeedReport.Outcome.UPDATED, r.outcome(), r.message());
        assertEquals(2, r.added());
        assertEquals(0, first.conditional());
        FeedRecord f = feed(id);
        assertEquals("\"v1\"", f.etag());
        assertEquals("Ledger", f.title());
        assertEquals(2, f.articleCount());
        assertNull(f.lastError());
        // Cache-Control: max-age=7200 stretches the default hour to two.
        assertTrue(Duration.between(f.lastFetch(), f.nextFetch()).compareTo(Duration.ofMinutes(119)) > 0);
        assertTrue(poller.pollDue().feeds().isEmpty(), "not due again yet");

        PollRound second = poller.pollAll();
        assertEquals(FeedReport.Outcome.NOT_MODIFIED, second.feeds().get(0).outcome());
        assertEquals(1, second.requests());
        assertEquals(1, second.conditional());
        assertEquals(1, second.notModified());
        List<TestWeb.Hit> hits = web.hits("/feed");
        assertEquals("\"v1\"", hits.get(1).header("If-None-Match"));
        assertEquals("Tue, 05 Mar 2024 10:00:00 GMT", hits.get(1).header("If-Modified-Since"));
        assertEquals(2, store.stats().articles());
        FeedRecord after304 = feed(id);
        assertEquals(Duration.ofHours(2), after304.interval(), "the interval the last full answer asked for");
        assertEquals(Duration.ofHours(2), Duration.between(after304.lastFetch(), after304.nextFetch()));
    }

    @Test
    void fetchesTheFullPageBehindTeasersKeepingFeedFactsThePageLacks() throws Exception {
        web.page("/robots.txt", "text/plain", "User-agent: *\nDisallow: /private/\n");
        web.page("/story/1", "text/html", "<html><head><title>Page headline one</title>"
                + "<meta name=\"author\" content=\"Page Writer\"><meta property=\"article:published_time\" "
                + "content=\"2024-03-04T08:00:00Z\"></head><body><article><h1>Page headline one</h1>"
                + body("harbour", 8) + "</article></body></html>");
        web.page("/story/2", "text/html", "<html><body><article>" + body("library", 8) + "</article></body></html>");
        web.page("/private/3", "text/html", "<html><body><article>" + body("secret", 8) + "</article></body></html>");
        web.page("/feed", "application/rss+xml", rss("Gazette",
                item("t1", web.url("/story/1"), "Feed title one", "<p>The harbour committee met\u2026</p>")
                        + item("t2", web.url("/story/2"), "Feed title two", "<p>Library hours. Read more</p>")
                        + item("t3", web.url("/private/3"), "Feed title three", "<p>A private teaser\u2026</p>")
                        + item("t4", web.url("/gone/4"), "Feed title four", "<p>Gone soon\u2026</p>")));
        long id = store.addFeed(web.url("/feed"), null, null).id();
        FeedReport r = poller.pollDue().feeds().get(0);
        assertEquals(3, r.added(), r.message());
        assertEquals(2, r.pages(), r.message());
        assertTrue(r.message().contains("1 pages disallowed by robots.txt"), r.message());
        assertTrue(r.message().endsWith("1 full-text fetches failed, left for later (HTTP 404 for "
                + web.url("/gone/4") + ")"), r.message());
        assertTrue(store.articleIdByUrl(web.url("/gone/4")).isEmpty(), "a teaser whose page failed is not stored");
        assertEquals(0, web.hits("/private/3").size());
        assertEquals(1, web.hits("/robots.txt").size());

        StoredArticle one = article(web.url("/story/1"));
        assertEquals("Page headline one", one.article().title());
        assertEquals(List.of("Page Writer"), one.article().byline());
        assertTrue(one.article().text().contains("harbour committee met on day 8"));
        StoredArticle two = article(web.url("/story/2"));
        assertEquals("Feed title two", two.article().title(), "the page has no title: the feed's is kept");
        assertEquals(List.of("Ann Desk"), two.article().byline());
        assertEquals("2024-03-05T09:30:00Z", two.article().published());
        assertEquals("Gazette", two.article().source());
        assertTrue(two.article().text().contains("library committee met on day 8"));
        StoredArticle three = article(web.url("/private/3"));
        assertEquals("A private teaser\u2026", three.article().text());
        assertEquals(3, feed(id).articleCount());
    }

    private StoredArticle article(String url) {
        long id = store.articleIdByUrl(url).orElseThrow();
        return store.article(id).orElseThrow();
    }

    @Test
    void storesAnArticleFromTwoFeedsOnceWithBothFeedsRecorded() throws Exception {
        String shared = item("x", web.url("/shared"), "Shared story", body("river", 6));
        web.page("/one", "application/rss+xml", rss("One", shared + item("o", web.url("/only-one"), "Only", body("park", 6))));
        web.page("/two", "application/atom+xml", """
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Two</title><id>urn:two</id>
                <updated>2024-03-05T10:00:00Z</updated>
                <entry><title>Shared again</title><id>urn:two:1</id><link href="%s"/>
                <updated>2024-03-05T10:00:00Z</updated><content type="html">%s</content></entry>
                <entry><title>Same text elsewhere</title><id>urn:two:2</id><link href="%s"/>
                <updated>2024-03-05T10:00:00Z</updated><content type="html">%s</content></entry></feed>"""
                .formatted(web.url("/shared?utm_source=two"), escape(body("river", 6)), web.url("/copy-of-park"),
                        escape(body("park", 6))));
        long one = store.addFeed(web.url("/one"), null, null).id();
        long two = store.addFeed(web.url("/two"), null, null).id();
        poller.poll(List.of(feed(one)));
        FeedReport second = poller.poll(List.of(feed(two))).feeds().get(0);
        assertEquals(0, second.added(), second.message());
        assertEquals(2, second.linked(), second.message());
        assertEquals(2, store.stats().articles());
        long sharedId = store.articleIdByUrl(web.url("/shared")).orElseThrow();
        assertEquals(List.of(one, two), store.feedsOfArticle(sharedId));
        long parkId = store.articleIdByUrl(web.url("/only-one")).orElseThrow();
        assertEquals(List.of(one, two), store.feedsOfArticle(parkId));
        assertEquals(2, feed(two).articleCount());
    }

    private static String escape(String html) {
        return html.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Test
    void oneBadFeedNeverStopsTheOthersAndEachGetsAClearStatus() throws Exception {
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bomb)) {
            gz.write(new byte[20 << 20]);
        }
        web.page("/good", "application/rss+xml", rss("Good", item("g", web.url("/g"), "Good", body("good", 6))));
        web.page("/text", "text/plain", "Just some words, no feed here.");
        web.route("/error-page", ex -> TestWeb.send(ex, 200, "text/html",
                "<!DOCTYPE html><html><body><h1>Service unavailable</h1></body></html>"));
        web.page("/broken", "application/rss+xml", "<rss version=\"2.0\"><channel><title>Cut");
        web.route("/bomb", ex -> {
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            TestWeb.send(ex, 200, "application/rss+xml", bomb.toByteArray());
        });
        web.route("/busy", ex -> {
            ex.getResponseHeaders().set("Retry-After", "7200");
            TestWeb.send(ex, 503, "text/html", "<html>busy</html>");
        });
        web.page("/xxe", "application/rss+xml", "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM "
                + "\"file:///etc/passwd\">]><rss version=\"2.0\"><channel><title>&x;</title></channel></rss>");
        String[] paths = {"/good", "/text", "/error-page", "/broken", "/bomb", "/busy", "/missing", "/xxe"};
        long[] ids = new long[paths.length];
        for (int i = 0; i < paths.length; i++) {
            ids[i] = store.addFeed(web.url(paths[i]), null, null).id();
        }
        long file = store.addFeed("file:///etc/passwd", null, null).id();
        PollRound round = poller.pollDue();
        assertEquals(paths.length + 1, round.feeds().size());
        assertEquals(1, round.count(FeedReport.Outcome.UPDATED));
        assertEquals(1, feed(ids[0]).articleCount());
        assertEquals("not a feed: neither XML nor JSON", feed(ids[1]).lastError());
        assertEquals("not a feed: an HTML page", feed(ids[2]).lastError());
        assertTrue(feed(ids[3]).lastError().startsWith("malformed XML"), feed(ids[3]).lastError());
        assertEquals("refused: decompressed body larger than 10 MB (compression bomb)", feed(ids[4]).lastError());
        assertEquals("HTTP 503", feed(ids[5]).lastError());
        assertEquals("HTTP 404", feed(ids[6]).lastError());
        assertTrue(feed(ids[7]).lastError().startsWith("refused: the document declares a DOCTYPE"));
        assertTrue(feed(file).lastError().startsWith("refused: scheme 'file'"), feed(file).lastError());
        FeedRecord busy = feed(ids[5]);
        assertTrue(Duration.between(busy.lastFetch(), busy.nextFetch()).compareTo(Duration.ofMinutes(119)) > 0,
                "Retry-After: 7200 is honoured");
        FeedRecord missing = feed(ids[6]);
        assertEquals(1, missing.errorCount());
        assertEquals(Duration.ofMinutes(5), Duration.between(missing.lastFetch(), missing.nextFetch()));
        poller.pollAll();
        missing = feed(ids[6]);
        assertEquals(2, missing.errorCount());
        assertEquals(Duration.ofMinutes(10), Duration.between(missing.lastFetch(), missing.nextFetch()),
                "backoff doubles");
    }

    @Test
    void readsBigFeedsAndEntriesWithoutLinksOrTitles() throws Exception {
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            big.append("<item><guid>e").append(i).append("</guid><description>Entry ").append(i)
                    .append(" says the council met.</description></item>");
        }
        web.page("/big", "application/rss+xml", rss("Big", big.toString()));
        web.page("/bare", "application/rss+xml", rss("Bare",
                item("n1", null, null, body("untitled", 6))
                        + "<item><guid>n2</guid><title>Title only</title></item>"
                        + item("n3", null, "No link", "<p>A short note with no link.</p>")));
        long bigId = store.addFeed(web.url("/big"), null, null).id();
        long bareId = store.addFeed(web.url("/bare"), null, null).id();
        FeedPoller small = new FeedPoller(store, new PageFetcher(Duration.ofSeconds(5), true),
                new FeedPoller.Settings(Duration.ofMillis(20), PollSchedule.DEFAULT, Duration.ofHours(1), 50, true));
        PollRound round;
        try (small) {
            round = small.pollDue();
        }
        FeedReport bigReport = round.feeds().stream().filter(f -> f.feedId() == bigId).findFirst().orElseThrow();
        assertEquals("50 entries (first 50 of 20000 read), 50 new", bigReport.message());
        FeedReport bare = round.feeds().stream().filter(f -> f.feedId() == bareId).findFirst().orElseThrow();
        assertEquals("3 entries, 2 new, 1 without text skipped", bare.message());
        assertNull(feed(bareId).lastError());
    }

    @Test
    void keepsToOneRequestAtATimePerHostWithThePauseBetween() throws Exception {
        Duration delay = Duration.ofMillis(150);
        List<long[]> log = Collections.synchronizedList(new ArrayList<>());
        FeedPoller polite = new FeedPoller(store, new PageFetcher(Duration.ofSeconds(5), true),
                FeedPoller.Settings.DEFAULT.withHostDelay(delay), (host, s, e) -> log.add(new long[]{s, e}));
        for (int i = 0; i < 6; i++) {
            web.page("/f" + i, "application/rss+xml", rss("F" + i, item("f" + i, web.url("/p" + i), "T", body("f" + i, 6))));
            store.addFeed(web.url("/f" + i), null, null);
        }
        PollRound round;
        try (polite) {
            round = polite.pollDue();
        }
        assertEquals(6, round.count(FeedReport.Outcome.UPDATED));
        assertEquals(6, log.size());
        log.sort((a, b) -> Long.compare(a[0], b[0]));
        for (int i = 1; i < log.size(); i++) {
            assertTrue(log.get(i)[0] - log.get(i - 1)[1] >= delay.toNanos(), "pause before request " + i);
        }
    }

    @Test
    void pollsInTheBackgroundUntilStopped() throws Exception {
        web.page("/feed", "application/rss+xml", rss("Bg", item("b", web.url("/b"), "B", body("bg", 6))));
        long id = store.addFeed(web.url("/feed"), null, null).id();
        poller.start(Duration.ofMillis(50));
        assertTrue(poller.isRunning());
        Instant until = Instant.now().plusSeconds(20);
        while (feed(id).lastFetch() == null && Instant.now().isBefore(until)) {
            Thread.sleep(20);
        }
        poller.stop();
        assertFalse(poller.isRunning());
        assertNotNull(feed(id).lastFetch());
        assertEquals(1, feed(id).articleCount());
        int hits = web.hits("/feed").size();
        Thread.sleep(200);
        assertEquals(hits, web.hits("/feed").size(), "no polling after stop");
    }
}
