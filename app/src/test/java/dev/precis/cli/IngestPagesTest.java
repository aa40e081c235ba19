package dev.precis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ingest reads HTML files and web pages through the article extractor and stores who said what. */
class IngestPagesTest {

    private static final String PAGE = """
            <!doctype html><html><head><title>Ferry fares frozen | The Island Herald</title>
            <meta property="og:site_name" content="The Island Herald"></head>
            <body><nav><a href="/">Home</a> <a href="/politics">Politics</a></nav>
            <div class="share-bar">Share this</div>
            <article><h1>Ferry fares frozen for a year</h1>
            <p>The island assembly froze ferry fares for twelve months on Thursday after a long debate.</p>
            <p>"Families should not pay more to reach the hospital," assembly speaker Rhona Tait said.</p>
            <p>The ferry company warned that the freeze would delay the purchase of a new boat.</p>
            </article>
            <div class="related"><a href="/a">Previous Article</a> <a href="/b">Next Article</a></div>
            </body></html>
            """;

    @TempDir
    Path dir;

    @Test
    void htmlFilesAndUrlsAreExtractedAndTheirStatementsStored() throws Exception {
        Path html = dir.resolve("ferry.html");
        Files.writeString(html, PAGE, StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] other = PAGE.replace("Ferry fares frozen for a year", "Harbour dues cut for fishing boats")
                .replace("froze ferry fares for twelve months", "cut harbour dues for small fishing boats")
                .getBytes(StandardCharsets.UTF_8);
        server.createContext("/dues", ex -> {
            ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            ex.sendResponseHeaders(200, other.length);
            ex.getResponseBody().write(other);
            ex.close();
        });
        server.start();
        try {
            String data = dir.resolve("store").toString();
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/dues";
            CliRun refused = CliRun.of("ingest", "--data", data, url);
            assertTrue(refused.exit() != 0 && refused.out().contains("1 failed"), refused.out() + refused.err());
            CliRun run = CliRun.of("ingest", "--data", data, "--allow-private-hosts", html.toString(), url, "--json");
            assertEquals(0, run.exit(), run.out() + run.err());
            JsonNode tally = Json.MAPPER.readTree(run.out().strip().lines().reduce((a, b) -> b).orElseThrow());
            assertEquals(2, tally.get("added").asInt());
            CliRun found = CliRun.of("search", "--data", data, "ferry", "--json");
            assertTrue(found.out().contains("\"title\":\"Ferry fares frozen") && found.out().contains("The Island Herald"), found.out());
            CliRun stats = CliRun.of("stats", "--data", data, "--json");
            JsonNode s = Json.MAPPER.readTree(stats.out().strip().lines().reduce((a, b) -> b).orElseThrow());
            assertTrue(s.get("statements").asInt() >= 2, stats.out());
            CliRun list = CliRun.of("articles", "list", "--data", data);
            assertFalse(list.out().contains("Share this") || list.out().contains("Previous Article"), list.out());
        } finally {
            server.stop(0);
        }
    }
}
