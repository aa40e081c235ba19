package dev.precis.web;

import dev.precis.article.Article;
import dev.precis.store.AnalyzedArticle;
import dev.precis.store.SqliteStore;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real reader for tests: a fresh SQLite store in a temporary folder with the demo articles and
 * one hostile article, served on a free loopback port.
 */
final class ReaderFixture implements AutoCloseable {

    /** Markup that would run script if any page let it through. */
    static final String XSS_TITLE = "Harbour <script>window.__xss='title'</script> news";
    static final String XSS_BYLINE = "<img src=x onerror=\"window.__xss='byline'\">";
    static final String XSS_BODY = "Officials said the port reopened. <script>window.__xss='body'</script> "
            + "Another line \"><svg onload=\"window.__xss='svg'\"> with the harbour mentioned again.\n\n"
            + "A second paragraph about the harbour <iframe src=\"javascript:window.__xss='iframe'\"></iframe> ends here.";
    static final String XSS_FEED = "<script>window.__xss='feed'</script>Evil feed";

    final Path dir;
    final Reader reader;
    final String hostileId;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    ReaderFixture() throws IOException {
        this(ReaderServer.Options.local(0));
    }

    ReaderFixture(ReaderServer.Options options) throws IOException {
        dir = Files.createTempDirectory("precis-web-test-");
        SqliteStore store = SqliteStore.open(dir);
        Reader.loadDemo(store);
        Article hostile = new Article(null, "https://hostile.example/a?x=\"><script>", "Hostile <b>Times</b>",
                XSS_TITLE, List.of(XSS_BYLINE), "2026-11-10T10:00:00Z", "en", null, XSS_BODY);
        hostileId = String.valueOf(store.add(List.of(AnalyzedArticle.of(hostile, new dev.precis.digest.Digester()))).get(0).id());
        reader = Reader.start(store, options, true);
    }

    String url(String path) {
        return reader.url() + path;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(url(path)));
    }

    /**
     * Sends {@code head} (request line and headers, blank line included) and then {@code bodyBytes}
     * bytes of body, exactly as written, on a plain socket; returns the status line of the answer.
     * The answer is read while the body is still being sent, since a server refusing the body
     * answers early and closes; writing stops at the first write that fails.
     *
     * @param chunked whether to send the body in chunked transfer encoding, 64 KB a chunk
     */
    String raw(String head, long bodyBytes, boolean chunked) throws Exception {
        URI uri = URI.create(reader.url());
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(20_000);
            java.io.InputStream in = socket.getInputStream();
            java.util.concurrent.CompletableFuture<String> status = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                StringBuilder line = new StringBuilder();
                try {
                    for (int c; (c = in.read()) >= 0 && c != '\n'; ) {
                        line.append((char) c);
                    }
                } catch (IOException e) {
                    line.append(" (").append(e.getMessage()).append(')');
                }
                return line.toString().strip();
            });
            try {
                java.io.OutputStream out = socket.getOutputStream();
                out.write(head.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                byte[] block = new byte[65536];
                java.util.Arrays.fill(block, (byte) 'a');
                for (long sent = 0; sent < bodyBytes && !status.isDone(); sent += block.length) {
                    int n = (int) Math.min(block.length, bodyBytes - sent);
                    if (chunked) {
                        out.write((Integer.toHexString(n) + "\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                    }
                    out.write(block, 0, n);
                    if (chunked) {
                        out.write("\r\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                    }
                }
                if (chunked && !status.isDone()) {
                    out.write("0\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                }
                out.flush();
            } catch (IOException refusedMidway) {
                // the server stopped reading; its answer is what counts
            }
            return status.get(20, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
