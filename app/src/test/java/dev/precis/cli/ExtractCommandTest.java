package dev.precis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExtractCommandTest {

    static final String PAGE = """
            <!DOCTYPE html><html lang="fr"><head><meta charset="windows-1252">
            <title>Le vieux ponton ferme | La Gazette du Port</title>
            <meta property="og:site_name" content="La Gazette du Port">
            <meta name="author" content="Zoé Martin">
            <meta property="article:published_time" content="2024-03-05T09:30:00Z">
            </head><body><nav><a href="/">Accueil</a> <a href="/sport">Sport</a></nav>
            <article><h1>Le vieux ponton ferme</h1>
            <p>Le conseil du port a voté mardi la fermeture du vieux ponton, qui accueillait les ferries depuis
            plus de quatre-vingt-dix ans, a-t-on appris auprès de la mairie.</p>
            <p>Les réparations auraient coûté bien plus que ce que le ponton rapporte en dix ans, a expliqué la
            présidente du conseil, ajoutant qu'un nouvel embarcadère ouvrira au printemps.</p>
            <p><a href="/share">Partager</a></p>
            </article><footer>Mentions légales</footer></body></html>
            """;

    private HttpServer server;
    private String base;
    private final AtomicReference<String> userAgent = new AtomicReference<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/article", exchange -> {
            userAgent.set(exchange.getRequestHeaders().getFirst("User-Agent"));
            byte[] body = PAGE.getBytes(Charset.forName("windows-1252"));
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/gzipped", exchange -> {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(buf)) {
                gz.write(PAGE.getBytes(Charset.forName("windows-1252")));
            }
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=windows-1252");
            exchange.getResponseHeaders().add("Content-Encoding", "gzip");
            exchange.sendResponseHeaders(200, buf.size());
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(buf.toByteArray());
            }
        });
        server.createContext("/hop", exchange -> {
            int n = Integer.parseInt(exchange.getRequestURI().getQuery());
            exchange.getResponseHeaders().add("Location", n == 0 ? "/article" : "/hop?" + (n - 1));
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/missing", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.createContext("/pdf", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/pdf");
            exchange.sendResponseHeaders(200, 4);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("%PDF".getBytes(StandardCharsets.US_ASCII));
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void extractsAPageFromALocalServerAsJson() throws IOException {
        Run r = run("extract", base + "/article", "--format", "json", "--allow-private-hosts");
        assertEquals(0, r.code(), r.err());
        JsonNode o = new ObjectMapper().readTree(r.out().strip());
        assertEquals(base + "/article", o.get("input").asText());
        assertEquals(base + "/article", o.get("url").asText());
        assertEquals("Le vieux ponton ferme", o.get("title").asText());
        assertEquals("Zoé Martin", o.get("byline").get(0).asText());
        assertEquals("2024-03-05T09:30:00Z", o.get("published").asText());
        assertEquals("La Gazette du Port", o.get("source").asText());
        assertEquals("fr", o.get("language").asText());
        assertEquals(2, o.get("paragraphs").size(), o.toString());
        assertTrue(o.get("text").asText().startsWith("Le conseil du port a voté mardi"), o.toString());
        assertFalse(o.get("text").asText().contains("Partager"));
        assertEquals("Precis/0.1 (+https://github.com/precis-news/precis)", userAgent.get());
    }

    @Test
    void gzipBodiesAndRedirectsAreFollowedWithinLimits() {
        Run gz = run("extract", base + "/gzipped", "--allow-private-hosts");
        assertEquals(0, gz.code(), gz.err());
        assertTrue(gz.out().contains("Les réparations auraient coûté"), gz.out());
        Run five = run("extract", base + "/hop?4", "--allow-private-hosts");
        assertEquals(0, five.code(), five.err());
        assertTrue(five.out().contains("Le conseil du port"));
        Run six = run("extract", base + "/hop?5", "--allow-private-hosts");
        assertEquals(ExitCodes.BAD_INPUT, six.code());
        assertEquals("precis: " + base + "/hop?5: more than 5 redirects", six.err().strip());
    }

    @Test
    void privateHostsAreRefusedWithoutTheFlag() {
        Run r = run("extract", base + "/article");
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("precis: " + base + "/article: refused: 127.0.0.1 resolves to the private address"), r.err());
        assertEquals(1, r.err().strip().lines().count());
    }

    @Test
    void httpErrorsAndNonPagesAreOneLineErrors() {
        Run missing = run("extract", base + "/missing", "--allow-private-hosts");
        assertEquals(ExitCodes.BAD_INPUT, missing.code());
        assertEquals("precis: " + base + "/missing: HTTP 404", missing.err().strip());
        Run pdf = run("extract", base + "/pdf", "--allow-private-hosts");
        assertEquals("precis: " + base + "/pdf: is not a web page (Content-Type application/pdf)", pdf.err().strip());
        Run ftp = run("extract", "ftp://example.org/page.html");
        assertEquals("precis: ftp://example.org/page.html: only http and https URLs can be fetched", ftp.err().strip());
    }

    @Test
    void filesOfSeveralKindsGiveOneJsonLineEach(@TempDir Path dir) throws IOException {
        Path gz = dir.resolve("page.html.gz");
        try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(PAGE.getBytes(Charset.forName("windows-1252")));
        }
        Path txt = dir.resolve("note.txt");
        Files.writeString(txt, "A short title\n\nThe body of a plain text note, long enough to be a paragraph.\n");
        Path empty = dir.resolve("nothing.html");
        Files.writeString(empty, "<html><body><nav><a href=\"/\">Home</a></nav></body></html>");
        Run r = run("extract", gz.toString(), txt.toString(), empty.toString(), "--format", "json",
                "--url", "https://gazette.example/ponton");
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        List<String> lines = r.out().strip().lines().toList();
        assertEquals(2, lines.size(), r.out());
        assertTrue(lines.get(0).contains("\"url\":\"https://gazette.example/ponton\""), lines.get(0));
        assertTrue(lines.get(0).contains("Le conseil du port"), lines.get(0));
        assertTrue(lines.get(1).contains("\"title\":\"A short title\""), lines.get(1));
        assertEquals("precis: " + empty + ": no article text found", r.err().strip());
    }

    @Test
    void summarizeAcceptsHtml(@TempDir Path dir) throws IOException {
        Path page = dir.resolve("page.html");
        Files.write(page, PAGE.getBytes(Charset.forName("windows-1252")));
        Run r = run("summarize", page.toString(), "--sentences", "1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Le vieux ponton ferme"), r.out());
        assertTrue(r.out().contains("Le conseil du port a voté mardi"), r.out());
    }

    @Test
    void standardInputHtmlIsDecodedByItsOwnCharset() {
        java.io.InputStream saved = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream(PAGE.getBytes(Charset.forName("windows-1252"))));
            Run r = run("extract", "-", "--format", "markdown");
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().startsWith("# Le vieux ponton ferme\n"), r.out());
            assertTrue(r.out().contains("*By Zoé Martin · 2024-03-05T09:30:00Z · La Gazette du Port*"), r.out());
            assertTrue(r.out().contains("Les réparations auraient coûté"), r.out());
        } finally {
            System.setIn(saved);
        }
    }
}
