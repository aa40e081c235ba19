package dev.precis.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.precis.web.Reader;
import dev.precis.web.ReaderServer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The PostgreSQL server behind a running reader is stopped (fast shutdown, as an administrator's
 * restart does) and started again: while it is down, requests that need the store get 503 with a
 * one-line problem document and no stack trace anywhere; once it is back they succeed again, without
 * restarting the reader. The server here is a throwaway instance of this test's own.
 */
class PostgresRestartTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private HttpResponse<String> get(Reader reader, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(reader.url() + path)).timeout(java.time.Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void serveAnswers503WhileTheServerIsDownAndRecoversByItself() throws Exception {
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (PgTestServer.Instance pg = PgTestServer.Instance.start()) {
            Store store = Stores.open(null, pg.freshDatabase());
            List<AddOutcome> added = store.add(List.of(StoreFixtures.analyzed(StoreFixtures.PIER),
                    StoreFixtures.analyzed(StoreFixtures.ORCHID), StoreFixtures.analyzed(StoreFixtures.FERRY)));
            long pier = added.get(0).id();
            long orchid = added.get(1).id();
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try (Reader reader = Reader.start(store, ReaderServer.Options.local(0), false)) {
                List<String> paths = List.of("/api/v1/articles", "/api/v1/search?q=pier", "/api/v1/health", "/api/v1/feeds",
                        "/api/v1/articles/" + pier + "/summary?sentences=2", "/search?q=orchid", "/feeds");
                for (String p : paths) {
                    assertEquals(200, get(reader, p).statusCode(), p);
                }

                pg.stop();
                assertThrows(StoreUnavailableException.class, store::stats);
                for (String p : List.of("/api/v1/articles", "/api/v1/search?q=pier", "/api/v1/health", "/api/v1/feeds",
                        "/api/v1/articles/" + orchid, "/search?q=orchid", "/feeds", "/articles/" + orchid)) {
                    HttpResponse<String> r = get(reader, p);
                    assertEquals(503, r.statusCode(), p + ": " + r.body());
                    assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""), p);
                    assertTrue(r.headers().firstValue("Retry-After").isPresent(), p);
                    assertEquals(1, r.body().lines().count(), "one line: " + r.body());
                    JsonNode problem = json.readTree(r.body());
                    assertEquals(503, problem.get("status").asInt());
                    assertEquals("Service Unavailable", problem.get("title").asText());
                    assertFalse(r.body().contains("Exception") || r.body().contains("127.0.0.1"), r.body());
                }
                assertEquals(200, get(reader, "/api/v1/articles/" + pier + "/summary?sentences=2").statusCode(),
                        "an article already read is answered from memory");

                pg.restart();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                int status = 0;
                while (System.nanoTime() < deadline && (status = get(reader, "/api/v1/articles").statusCode()) != 200) {
                    assertEquals(503, status);
                    Thread.sleep(200);
                }
                assertEquals(200, status, "recovered without a restart of the reader");
                for (String p : paths) {
                    assertEquals(200, get(reader, p).statusCode(), p);
                }
                assertEquals(200, get(reader, "/articles/" + orchid).statusCode());
                assertEquals(3, store.stats().articles());
                assertEquals(AddOutcome.Kind.ADDED, store.add(List.of(StoreFixtures.analyzed(new dev.precis.article.Article(null,
                        "https://post.example/after", "Velmar Post", "After the restart", List.of(), "2024-06-04", "en", null,
                        "The store took new articles again once the database server was back.")))).getFirst().kind());
            } finally {
                System.setErr(stderr);
            }
        }
        String err = captured.toString(StandardCharsets.UTF_8);
        assertFalse(err.contains("\tat ") || err.contains("Exception"), "no stack traces: " + err);
        assertEquals(1, err.lines().filter(l -> l.startsWith("precis: answering 503")).count(), err);
    }
}
