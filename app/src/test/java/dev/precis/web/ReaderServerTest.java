package dev.precis.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.precis.fetch.TestWeb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reader's pages and API over a real store and a real server on 127.0.0.1. */
class ReaderServerTest {

    static ReaderFixture f;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws IOException {
        f = new ReaderFixture();
    }

    @AfterAll
    static void stop() throws IOException {
        f.close();
    }

    static JsonNode json(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body());
    }

    static String firstArticleId() throws Exception {
        return json(f.get("/api/v1/articles?limit=1")).path("items").get(0).path("id").asText();
    }

    @Test
    void frontPageListsStoriesWithStrictSecurityHeaders() throws Exception {
        HttpResponse<String> r = f.get("/");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("Kessel Bridge"), "demo stories listed");
        assertTrue(r.body().contains("<main"), "main landmark");
        String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), csp);
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertFalse(Pattern.compile("<script>|<[^>]*\\son[a-z]+=|<[^>]*\\sstyle=").matcher(r.body()).find(),
                "no inline script, handlers or styles");
    }

    @Test
    void articlePageHasSummaryControlBodySpansAndListNavigation() throws Exception {
        String story = firstStoryWithSeveralArticles();
        JsonNode s = json(f.get("/api/v1/stories/" + story));
        String first = s.path("articles").get(0).path("id").asText();
        String second = s.path("articles").get(1).path("id").asText();
        HttpResponse<String> r = f.get("/articles/" + first + "?from=story:" + story);
        assertEquals(200, r.statusCode());
        String html = r.body();
        assertTrue(html.contains("<details class=\"summary\""), "summary works without script");
        assertTrue(html.contains("No time to read? Get a summary"));
        assertTrue(html.contains("id=\"s0\""), "sentences addressable for highlighting");
        assertTrue(html.contains("href=\"/articles/" + second + "?from=story%3A" + story + "\""), "next follows the story");
        HttpResponse<String> marked = f.get("/articles/" + first + "?from=story:" + story + "&n=1&mark=1");
        assertEquals(1, count(marked.body(), "class=\"s hl\""), "one sentence highlighted at length 1");
        assertEquals(400, f.get("/articles/" + first + "?n=4").statusCode());
    }

    @Test
    void articlePageWeighsUnderFiftyKilobytesBeforeTheText() throws Exception {
        String id = firstArticleId();
        String html = f.get("/articles/" + id).body();
        String text = json(f.get("/api/v1/articles/" + id)).path("text").asText();
        int css = f.get("/static/reader.css").body().getBytes(StandardCharsets.UTF_8).length;
        int js = f.get("/static/reader.js").body().getBytes(StandardCharsets.UTF_8).length;
        int chrome = html.getBytes(StandardCharsets.UTF_8).length - text.getBytes(StandardCharsets.UTF_8).length;
        assertTrue(chrome + css + js <= 50_000, "page weight before the article text: " + (chrome + css + js));
    }

    @Test
    void storyPageShowsEveryOutletSummaryAndSpeakers() throws Exception {
        String story = firstStoryWithSeveralArticles();
        String html = f.get("/stories/" + story).body();
        assertTrue(html.contains("Summary across outlets"));
        assertTrue(html.contains("Who said what"));
        assertTrue(html.contains("class=\"tag\""), "summary sentences tagged with their outlet");
    }

    @Test
    void searchHighlightsMatches() throws Exception {
        HttpResponse<String> r = f.get("/search?q=bearings");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("<mark>"), r.body());
        JsonNode api = json(f.get("/api/v1/search?q=bearings"));
        assertTrue(api.path("items").size() >= 1);
        assertEquals(400, f.get("/api/v1/search").statusCode());
        assertEquals(200, f.get("/api/v1/search?q=%27%3B%20DROP%20TABLE%20articles%3B%20--").statusCode());
    }

    @Test
    void apiServesArticlesSummariesStatementsStoriesAndHealth() throws Exception {
        JsonNode health = json(f.get("/api/v1/health"));
        assertEquals("ok", health.path("status").asText());
        assertTrue(health.path("articles").asInt() >= 15);
        String id = firstArticleId();
        JsonNode a = json(f.get("/api/v1/articles/" + id));
        String text = a.path("text").asText();
        JsonNode sum = json(f.get("/api/v1/articles/" + id + "/summary?sentences=2"));
        assertEquals(2, sum.path("sentences").size());
        for (JsonNode s : sum.path("sentences")) {
            assertEquals(s.path("text").asText(), text.substring(s.path("start").asInt(), s.path("end").asInt()),
                    "offsets point at the sentence");
        }
        assertTrue(json(f.get("/api/v1/articles/" + id + "/statements")).path("statements").isArray());
        JsonNode stories = json(f.get("/api/v1/stories?limit=5"));
        assertEquals(5, stories.path("items").size());
        assertTrue(stories.path("total").asInt() >= 5);
        assertEquals(health.path("stories").asInt(), stories.path("total").asInt(), "the stored stories");
        JsonNode story = json(f.get("/api/v1/stories/" + firstStoryWithSeveralArticles()));
        assertTrue(story.path("keyphrases").size() > 0, story.toString());
        assertTrue(story.path("articles").get(0).path("copies").isArray());
        assertEquals(story.path("id").asLong(), json(f.get("/api/v1/articles/" + story.path("articles").get(0).path("id").asText()))
                .path("story").asLong());
    }

    @Test
    void errorsAreProblemDocuments() throws Exception {
        HttpResponse<String> r = f.send(f.request("/api/v1/articles/999999"));
        assertEquals(404, r.statusCode());
        assertEquals(Problem.MEDIA_TYPE, r.headers().firstValue("Content-Type").orElseThrow().split(";")[0]);
        assertEquals(404, json(r).path("status").asInt());
        HttpResponse<String> bad = f.send(f.request("/api/v1/articles/1/summary?sentences=zero"));
        assertEquals(400, bad.statusCode());
        assertEquals("Bad Request", json(bad).path("title").asText());
        HttpResponse<String> missing = f.send(f.request("/api/v1/nothing"));
        assertEquals(404, missing.statusCode());
        assertEquals(Problem.MEDIA_TYPE, missing.headers().firstValue("Content-Type").orElseThrow().split(";")[0]);
    }

    @Test
    void everyRouteIsInTheOpenApiDocumentAndNoOtherPath() throws Exception {
        JsonNode doc = json(f.get("/api/v1/openapi.json"));
        assertEquals("3.1.0", doc.path("openapi").asText());
        JsonNode paths = doc.path("paths");
        List<String> registered = new ArrayList<>();
        for (String[] route : f.reader.routes()) {
            if (!route[1].startsWith("/api/v1/")) {
                continue;
            }
            String path = route[1].substring("/api/v1".length());
            registered.add(route[0].toLowerCase() + " " + path);
            assertTrue(paths.path(path).has(route[0].toLowerCase()), "OpenAPI describes " + route[0] + " " + route[1]);
        }
        paths.fieldNames().forEachRemaining(p -> paths.path(p).fieldNames().forEachRemaining(m ->
                assertTrue(registered.contains(m + " " + p), "described but not served: " + m + " " + p)));
        assertTrue(registered.size() >= 13, registered.toString());
    }

    @Test
    void feedsCanBeAddedListedImportedAndRemovedThroughTheApi() throws Exception {
        try (TestWeb web = TestWeb.start()) {
            web.page("/feed.xml", "application/rss+xml", rss("API test feed"));
            HttpResponse<String> added = f.send(f.request("/api/v1/feeds").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"" + web.url("/feed.xml") + "\"}")));
            assertEquals(201, added.statusCode(), added.body());
            long id = json(added).path("id").asLong();
            assertEquals("API test feed", json(added).path("title").asText());
            assertEquals(2, json(added).path("articleCount").asInt());
            String found = json(f.get("/api/v1/search?q=lighthouse%20keeper%20Brekke")).path("items").get(0).path("article").path("id").asText();
            long story = json(f.get("/api/v1/articles/" + found)).path("story").asLong();
            assertTrue(story > 0, "a polled article is grouped into a story as it is stored");
            assertEquals(200, f.get("/stories/" + story).statusCode());
            HttpResponse<String> notFeed = f.send(f.request("/api/v1/feeds").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"file:///etc/passwd\"}")));
            assertEquals(400, notFeed.statusCode());
            String opml = "<?xml version=\"1.0\"?><opml version=\"2.0\"><body><outline text=\"x\" title=\"Imported one\" "
                    + "xmlUrl=\"https://imported.example/rss\"/><outline title=\"bad\" xmlUrl=\"ftp://x.example/\"/></body></opml>";
            JsonNode imported = json(f.send(f.request("/api/v1/feeds/import").header("Content-Type", "text/x-opml")
                    .POST(HttpRequest.BodyPublishers.ofString(opml))));
            assertEquals(1, imported.path("added").asInt(), "the ftp: outline is not a feed");
            String listed = f.get("/api/v1/feeds").body();
            assertTrue(listed.contains("Imported one") && !listed.contains("ftp:"), listed);
            assertEquals(204, f.send(f.request("/api/v1/feeds/" + id).DELETE()).statusCode());
            assertEquals(404, f.send(f.request("/api/v1/feeds/" + id).DELETE()).statusCode());
        }
    }

    @Test
    void formsNeedTheCsrfTokenAndTheSameOrigin() throws Exception {
        HttpResponse<String> page = f.get("/feeds");
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String token = cookie.substring(cookie.indexOf('=') + 1);
        String form = "url=https%3A%2F%2Fcsrf.example%2Ffeed";
        HttpResponse<String> none = f.send(f.request("/feeds").header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookie).POST(HttpRequest.BodyPublishers.ofString(form)));
        assertEquals(403, none.statusCode());
        HttpResponse<String> foreign = f.send(f.request("/feeds").header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookie).header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString(form + "&csrf=" + token)));
        assertEquals(403, foreign.statusCode());
        HttpResponse<String> wrong = f.send(f.request("/feeds").header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookie).POST(HttpRequest.BodyPublishers.ofString(form + "&csrf=" + "0".repeat(32))));
        assertEquals(403, wrong.statusCode());
    }

    @Test
    void apiWritesRefuseWhatAnotherSiteCouldSend() throws Exception {
        String opml = "<opml version=\"2.0\"><body><outline title=\"=\" xmlUrl=\"https://csrf.example/rss\"/></body></opml>";
        String json = "{\"url\":\"https://csrf.example/feed\"}";
        // what a page elsewhere can post without the browser asking first: no type, a form type or text/plain
        for (String type : new String[]{null, "text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x"}) {
            for (String[] write : new String[][]{{"/api/v1/feeds", json}, {"/api/v1/feeds/import", opml}}) {
                HttpRequest.Builder post = f.request(write[0]).POST(HttpRequest.BodyPublishers.ofString(write[1]));
                if (type != null) {
                    post.header("Content-Type", type);
                }
                assertEquals(415, f.send(post).statusCode(), write[0] + " as " + type);
            }
        }
        HttpResponse<String> foreign = f.send(f.request("/api/v1/feeds").header("Content-Type", "application/json")
                .header("Origin", "https://evil.example").POST(HttpRequest.BodyPublishers.ofString(json)));
        assertEquals(403, foreign.statusCode());
        assertFalse(f.get("/api/v1/feeds").body().contains("csrf.example"), "nothing was subscribed");
    }

    @Test
    void aHostNameRebindingToTheLoopbackReaderIsRefused() throws Exception {
        int port = java.net.URI.create(f.url("/")).getPort();
        for (String host : List.of("evil.example:" + port, "evil.example", "127.0.0.1.evil.example:" + port, "localhost.evil:" + port)) {
            String status = f.raw("GET /api/v1/articles HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n", 0, false);
            assertTrue(status.startsWith("HTTP/1.1 403"), host + ": " + status);
        }
        for (String host : List.of("127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port, "LOCALHOST")) {
            String status = f.raw("GET /api/v1/health HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n", 0, false);
            assertTrue(status.startsWith("HTTP/1.1 200"), host + ": " + status);
        }
    }

    @Test
    void oversizedRequestsAreRefused() throws Exception {
        byte[] big = new byte[(int) ReaderServer.MAX_REQUEST_BYTES + 10];
        HttpResponse<String> r = f.send(f.request("/api/v1/feeds/import").expectContinue(true).header("Content-Type", "text/x-opml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(big)));
        assertEquals(413, r.statusCode());
    }

    @Test
    void aChunkedBodyWithoutLengthIsCutOffAtTheLimitToo() throws Exception {
        for (String path : List.of("/api/v1/feeds/import", "/api/v1/feeds", "/feeds/import", "/feeds")) {
            String status = f.raw("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/x-opml\r\n"
                    + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n", 64L << 20, true);
            assertTrue(status.startsWith("HTTP/1.1 413"), path + ": " + status);
        }
    }

    @Test
    void oversizedHeadersAndAddressesAreRefused() throws Exception {
        String bigHeader = f.raw("GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Filler: " + "a".repeat(100_000)
                + "\r\nConnection: close\r\n\r\n", 0, false);
        assertTrue(bigHeader.startsWith("HTTP/1.1 431"), bigHeader);
        String bigUrl = f.raw("GET /search?q=" + "a".repeat(100_000) + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
                0, false);
        assertTrue(bigUrl.startsWith("HTTP/1.1 414") || bigUrl.startsWith("HTTP/1.1 431"), bigUrl);
    }

    @Test
    void staticFilesStayInTheirFolder() throws Exception {
        for (String path : List.of("/static/../Api.class", "/static/..%2fApi.class", "/static/%2e%2e/Api.class",
                "/static/%2e%2e%2fApi.class", "/static/..%5cApi.class", "/static/..\\Api.class",
                "/static/reader.css/../../Api.class", "/static/%252e%252e/Api.class", "/static/..;/Api.class",
                "/static//dev/precis/web/Api.class", "/static/../../../rome.properties", "/static/%2e%2e/%2e%2e/%2e%2e/rome.properties",
                "/static/../../../db/migration/sqlite/V1__store.sql", "/static/.%00./Api.class")) {
            String status = f.raw("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", 0, false);
            assertTrue(status.startsWith("HTTP/1.1 400") || status.startsWith("HTTP/1.1 404"), path + ": " + status);
        }
        assertTrue(f.raw("GET /static/reader.css HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", 0, false)
                .startsWith("HTTP/1.1 200"), "the folder itself is served");
    }

    @Test
    void storedXssInTitleBylineBodyAndFeedNameRendersInert() throws Exception {
        String opml = "<?xml version=\"1.0\"?><opml version=\"2.0\"><body><outline title=\""
                + ReaderFixture.XSS_FEED.replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;")
                + "\" xmlUrl=\"https://xss.example/rss\"/></body></opml>";
        f.send(f.request("/api/v1/feeds/import").header("Content-Type", "text/x-opml").POST(HttpRequest.BodyPublishers.ofString(opml)));
        for (String path : List.of("/articles/" + f.hostileId, "/feeds", "/search?q=harbour", "/",
                "/stories/" + json(f.get("/api/v1/articles/" + f.hostileId)).path("story").asText())) {
            String html = f.get(path).body();
            assertFalse(html.contains("<script>window"), path + " lets a script tag through");
            assertFalse(html.contains("<img src=x"), path + " lets an img tag through");
            assertFalse(html.contains("<svg"), path + " lets an svg tag through");
            assertFalse(html.contains("<iframe"), path + " lets an iframe through");
            assertFalse(html.contains("<b>Times"), path + " lets markup from the outlet name through");
        }
        String article = f.get("/articles/" + f.hostileId).body();
        assertTrue(article.contains("&lt;script&gt;window.__xss=&#39;title&#39;&lt;/script&gt;"), "title shown as text");
        assertTrue(article.contains("&lt;img src=x onerror="), "byline shown as text");
        assertTrue(f.get("/feeds").body().contains("&lt;script&gt;window.__xss=&#39;feed&#39;"), "feed name shown as text");
    }

    @Test
    void writesNeedTheTokenBeyondLoopback() throws Exception {
        try (ReaderFixture open = new ReaderFixture(new ReaderServer.Options("0.0.0.0", 0, "s3cret-token", false, null));
             ReaderFixture noToken = new ReaderFixture(new ReaderServer.Options("0.0.0.0", 0, null, false, null))) {
            HttpRequest.Builder post = open.request("/api/v1/feeds/import")
                    .POST(HttpRequest.BodyPublishers.ofString("<opml><body/></opml>"));
            assertEquals(401, open.send(post).statusCode());
            assertEquals(200, open.send(open.request("/api/v1/feeds/import").header("Authorization", "Bearer s3cret-token")
                    .POST(HttpRequest.BodyPublishers.ofString("<opml version=\"2.0\"><body/></opml>"))).statusCode());
            assertEquals(200, open.send(open.request("/api/v1/health")).statusCode(), "reads stay open");
            assertEquals(403, noToken.send(noToken.request("/api/v1/feeds/import")
                    .POST(HttpRequest.BodyPublishers.ofString("<opml/>"))).statusCode());
            assertTrue(open.get("/feeds").body().contains("name=\"token\""), "forms ask for the token");
        }
    }

    @Test
    void staticAssetsAreServed() throws Exception {
        try (InputStream css = ReaderServer.class.getResourceAsStream("/dev/precis/web/static/reader.css")) {
            assertTrue(css != null && css.readAllBytes().length > 1000);
        }
        assertTrue(f.get("/static/reader.js").body().contains("keydown"));
    }

    static String rss(String title) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>" + title
                + "</title><link>https://local.example/</link><description>Test</description>"
                + "<item><title>Lighthouse keeper retires after forty winters</title><link>https://local.example/a1</link>"
                + "<guid>a1</guid><pubDate>Sat, 21 Nov 2026 10:00:00 GMT</pubDate><description><![CDATA[<p>The keeper of the "
                + "Skerry lighthouse retired on Saturday after forty winters on the rock.</p><p>\"The sea was my clock,\" "
                + "said keeper Olav Brekke, who lit the lamp for the last time on Friday.</p>]]></description></item>"
                + "<item><title>Island school gets its first computer room</title><link>https://local.example/a2</link>"
                + "<guid>a2</guid><pubDate>Fri, 20 Nov 2026 10:00:00 GMT</pubDate><description><![CDATA[<p>Pupils on "
                + "Skerry island opened their first computer room on Friday.</p><p>Teacher Siri Holm said the room "
                + "would be open to adults in the evenings.</p>]]></description></item></channel></rss>";
    }

    private static String firstStoryWithSeveralArticles() throws Exception {
        for (JsonNode s : json(f.get("/api/v1/stories?limit=100")).path("items")) {
            if (s.path("articles").size() > 1) {
                return s.path("id").asText();
            }
        }
        throw new AssertionError("no story with several articles in the demo");
    }

    private static int count(String s, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
