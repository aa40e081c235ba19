package dev.precis.fetch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PageFetcherTest {

    private TestWeb web;
    private final PageFetcher open = new PageFetcher(Duration.ofSeconds(30), true);

    @BeforeEach
    void start() throws Exception {
        web = TestWeb.start();
    }

    @AfterEach
    void stop() {
        web.close();
    }

    private String refusal(PageFetcher fetcher, String url) {
        return assertThrows(FetchException.class, () -> fetcher.get(url, Map.of())).getMessage();
    }

    @Test
    void refusesPrivateAddressesUnlessAllowed() throws Exception {
        web.page("/feed", "text/plain", "hello");
        PageFetcher guarded = new PageFetcher(Duration.ofSeconds(30), false);
        assertTrue(refusal(guarded, web.url("/feed")).startsWith("refused: 127.0.0.1 resolves to the private address"));
        assertTrue(refusal(guarded, "http://localhost:" + web.port() + "/feed").startsWith("refused: localhost"));
        assertTrue(refusal(guarded, "http://[::1]:" + web.port() + "/").startsWith("refused"));
        for (String ip : new String[]{"10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "224.0.0.1",
                "0.0.0.0", "100.64.0.1", "[fd00::1]", "[fe80::1]", "[::ffff:127.0.0.1]"}) {
            assertTrue(refusal(guarded, "http://" + ip + "/").startsWith("refused"), ip);
        }
        assertEquals(0, web.hits().size());
        FetchResponse r = open.get(web.url("/feed"), Map.of());
        assertEquals(200, r.status());
        assertEquals("hello", new String(r.body(), StandardCharsets.UTF_8));
        assertFalse(PageFetcher.isInternal(InetAddress.getByName("93.184.216.34")));
    }

    @Test
    void refusesSchemesOtherThanHttp() {
        for (String url : new String[]{"file:///etc/passwd", "jar:file:/x.jar!/a", "ftp://example.com/f",
                "gopher://example.com/"}) {
            assertTrue(refusal(open, url).startsWith("refused: scheme"), url);
        }
    }

    @Test
    void checksEveryRedirectHop() throws Exception {
        InetAddress local = InetAddress.getByName("127.0.0.1");
        PageFetcher onlyThisServer = new PageFetcher(Duration.ofSeconds(30), false, Set.of(local), PageFetcher.MAX_BYTES);
        web.route("/hop", ex -> {
            ex.getResponseHeaders().set("Location", "http://127.0.0.2:" + web.port() + "/inside");
            TestWeb.send(ex, 302, null, new byte[0]);
        });
        web.route("/to-file", ex -> {
            ex.getResponseHeaders().set("Location", "file:///etc/passwd");
            TestWeb.send(ex, 301, null, new byte[0]);
        });
        assertTrue(refusal(onlyThisServer, web.url("/hop")).startsWith("refused: 127.0.0.2 resolves to the private"));
        assertTrue(refusal(onlyThisServer, web.url("/to-file")).startsWith("refused: scheme 'file'"));
        assertEquals(0, web.hits("/inside").size());
    }

    /**
     * DNS rebinding: a name that answers with an approved address for the check and a private one
     * for the connection, or with both at once, or that a redirect points to. The fetcher looks a
     * name up once per hop and connects to the address it approved, so the server on the private
     * address never sees a request.
     */
    @Test
    void aRebindingNameNeverReachesAnAddressTheGuardRefused() throws Exception {
        InetAddress approved = InetAddress.getByName("127.0.0.1");
        InetAddress inside = InetAddress.getByName("127.0.0.2");
        PageFetcher guarded = new PageFetcher(Duration.ofSeconds(30), false, Set.of(approved), PageFetcher.MAX_BYTES);
        web.page("/page", "text/plain", "outside");
        web.route("/hop", ex -> {
            ex.getResponseHeaders().set("Location", "http://hop.rebind.test:" + web.port() + "/page");
            TestWeb.send(ex, 302, null, new byte[0]);
        });
        com.sun.net.httpserver.HttpServer insideServer =
                com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress(inside, web.port()), 8);
        java.util.concurrent.atomic.AtomicInteger insideHits = new java.util.concurrent.atomic.AtomicInteger();
        insideServer.createContext("/", ex -> {
            insideHits.incrementAndGet();
            TestWeb.send(ex, 200, "text/plain", "inside".getBytes(StandardCharsets.UTF_8));
        });
        insideServer.start();
        try {
            ScriptedResolver.answer("flip.rebind.test", List.of(List.of(approved), List.of(inside)));
            FetchResponse first = guarded.get("http://flip.rebind.test:" + web.port() + "/page", Map.of());
            assertEquals("outside", new String(first.body(), StandardCharsets.UTF_8));
            assertEquals(1, ScriptedResolver.lookups("flip.rebind.test"), "one lookup per hop: checked and connected alike");
            assertTrue(refusal(guarded, "http://flip.rebind.test:" + web.port() + "/page")
                    .startsWith("refused: flip.rebind.test resolves to the private address 127.0.0.2"));

            ScriptedResolver.answer("both.rebind.test", List.of(List.of(inside, approved)));
            FetchResponse both = guarded.get("http://both.rebind.test:" + web.port() + "/page", Map.of());
            assertEquals("outside", new String(both.body(), StandardCharsets.UTF_8), "the approved address of the two");

            ScriptedResolver.answer("hop.rebind.test", List.of(List.of(inside)));
            assertTrue(refusal(guarded, web.url("/hop")).startsWith("refused: hop.rebind.test resolves to the private"));
            assertEquals(0, insideHits.get());
        } finally {
            insideServer.stop(0);
        }
    }

    @Test
    void followsFiveRedirectsButNotSix() throws Exception {
        for (int i = 0; i < 6; i++) {
            String next = "/r" + (i + 1);
            web.route("/r" + i, ex -> {
                ex.getResponseHeaders().set("Location", next);
                TestWeb.send(ex, 301, null, new byte[0]);
            });
        }
        web.page("/r6", "text/plain", "arrived");
        web.page("/r5", "text/plain", "arrived early");
        FetchResponse r = open.get(web.url("/r0"), Map.of());
        assertEquals(web.url("/r5"), r.url());
        web.route("/r5", ex -> {
            ex.getResponseHeaders().set("Location", "/r6");
            TestWeb.send(ex, 307, null, new byte[0]);
        });
        assertEquals("more than 5 redirects", refusal(open, web.url("/r0")));
    }

    @Test
    void capsTheBodyAtTenMegabytes() {
        byte[] big = new byte[(10 << 20) + 1];
        web.route("/announced", ex -> TestWeb.send(ex, 200, "text/xml", big));
        web.route("/streamed", ex -> {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(big);
            }
        });
        assertEquals("refused: larger than 10 MB", refusal(open, web.url("/announced")));
        assertEquals("refused: larger than 10 MB", refusal(open, web.url("/streamed")));
    }

    @Test
    void refusesAGzipBomb() throws Exception {
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(packed)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                gz.write(zeros);
            }
        }
        byte[] bomb = packed.toByteArray();
        assertTrue(bomb.length < 200_000);
        web.route("/bomb", ex -> {
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            TestWeb.send(ex, 200, "application/rss+xml", bomb);
        });
        assertEquals("refused: decompressed body larger than 10 MB (compression bomb)", refusal(open, web.url("/bomb")));
    }

    @Test
    void decodesGzipAndDeflate() throws Exception {
        byte[] text = "<rss>compressed</rss>".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(text);
        }
        ByteArrayOutputStream zl = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(zl)) {
            out.write(text);
        }
        web.route("/gz", ex -> {
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            TestWeb.send(ex, 200, "text/xml", gz.toByteArray());
        });
        web.route("/zl", ex -> {
            ex.getResponseHeaders().set("Content-Encoding", "deflate");
            TestWeb.send(ex, 200, "text/xml", zl.toByteArray());
        });
        assertEquals("<rss>compressed</rss>", new String(open.get(web.url("/gz"), Map.of()).body(), StandardCharsets.UTF_8));
        assertEquals("<rss>compressed</rss>", new String(open.get(web.url("/zl"), Map.of()).body(), StandardCharsets.UTF_8));
        assertEquals("gzip, deflate", web.hits("/gz").get(0).header("Accept-Encoding"));
    }

    @Test
    void givesUpOnSlowResponsesAtTheTotalLimit() {
        PageFetcher quick = new PageFetcher(Duration.ofMillis(700), true);
        web.route("/silent", ex -> {
            sleep(5000);
            TestWeb.send(ex, 200, "text/plain", "late");
        });
        // A drip: headers at once, then one byte every 100 ms, so no single read ever waits long.
        web.route("/drip", ex -> {
            ex.sendResponseHeaders(200, 100);
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 100; i++) {
                    out.write('x');
                    out.flush();
                    sleep(100);
                }
            }
        });
        long start = System.nanoTime();
        assertTrue(refusal(quick, web.url("/silent")).startsWith("timed out"));
        assertTrue(refusal(quick, web.url("/drip")).startsWith("timed out"));
        assertTrue(System.nanoTime() - start < 4_000_000_000L);
    }

    /**
     * A TLS server that sends its handshake one byte a second: every read gets a byte in time, so
     * only a deadline on the whole fetch stops it (not a per-read timeout). The same for a server
     * that never answers and one that resets the connection: each ends at the limit or sooner.
     */
    @Test
    void theTotalLimitHoldsForTricklingHandshakesAndSilentHosts() throws Exception {
        PageFetcher quick = new PageFetcher(Duration.ofMillis(2000), true);
        try (FaultyHost tls = FaultyHost.start("127.0.0.1", FaultyHost.Fault.TRICKLE_TLS);
             FaultyHost silent = FaultyHost.start("127.0.0.1", FaultyHost.Fault.HANG);
             FaultyHost reset = FaultyHost.start("127.0.0.1", FaultyHost.Fault.RESET);
             FaultyHost trickle = FaultyHost.start("127.0.0.1", FaultyHost.Fault.TRICKLE)) {
            for (FaultyHost host : List.of(tls, silent, trickle)) {
                long start = System.nanoTime();
                String why = refusal(quick, host.url("/feed"));
                long ms = (System.nanoTime() - start) / 1_000_000;
                assertTrue(why.startsWith("timed out after 2 s"), why);
                assertTrue(ms >= 1900 && ms < 3500, host.url("/") + " gave up after " + ms + " ms");
            }
            long start = System.nanoTime();
            String why = refusal(quick, reset.url("/feed"));
            assertTrue(why.contains("reset") || why.contains("closed"), why);
            assertTrue(System.nanoTime() - start < 1_000_000_000L);
        }
    }

    @Test
    void theStandardFetcherHasTheRequiredLimits() {
        assertEquals(10 * 1024 * 1024, PageFetcher.MAX_BYTES);
        assertEquals(5, PageFetcher.MAX_REDIRECTS);
        assertEquals(Duration.ofSeconds(30), PageFetcher.standard(false).timeout());
        web.route("/missing", ex -> TestWeb.send(ex, 404, "text/html", "<html>gone</html>"));
        assertEquals("HTTP 404", assertThrows(FetchException.class, () -> open.fetch(web.url("/missing"))).getMessage());
    }

    @Test
    void sendsConditionalHeadersAndReturns304() throws Exception {
        web.route("/feed", ex -> {
            if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                TestWeb.send(ex, 304, null, new byte[0]);
            } else {
                ex.getResponseHeaders().set("ETag", "\"v1\"");
                TestWeb.send(ex, 200, "text/xml", "<rss/>");
            }
        });
        FetchResponse first = open.get(web.url("/feed"), Map.of());
        assertEquals("\"v1\"", first.header("ETag"));
        FetchResponse second = open.get(web.url("/feed"), Map.of("If-None-Match", first.header("etag")));
        assertEquals(304, second.status());
        assertEquals(0, second.body().length);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
