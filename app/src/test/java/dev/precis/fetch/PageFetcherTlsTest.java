package dev.precis.fetch;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HTTPS through the fetcher's own socket: a real TLS server on 127.0.0.1 with a certificate made by the
 * JDK's keytool, trusted for the test; the certificate's names are verified.
 */
class PageFetcherTlsTest {

    private static final char[] PASSWORD = "test-only".toCharArray();

    @TempDir
    Path dir;
    private HttpsServer server;
    private SSLContext previous;

    private Path keystore(String name, String san) throws Exception {
        Path ks = dir.resolve(name + ".p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", name, "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=" + name, "-ext", "san=" + san, "-validity", "2",
                "-storetype", "PKCS12", "-keystore", ks.toString(), "-storepass", new String(PASSWORD))
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), output);
        return ks;
    }

    private void serve(Path ks) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(ks)) {
            store.load(in, PASSWORD);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, PASSWORD);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(kmf.getKeyManagers(), null, null);
        SSLContext clientContext = SSLContext.getInstance("TLS");
        clientContext.init(null, tmf.getTrustManagers(), null);
        SSLContext.setDefault(clientContext);
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext));
        server.createContext("/", ex -> {
            byte[] body = "<rss>over tls</rss>".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @BeforeEach
    void remember() throws Exception {
        previous = SSLContext.getDefault();
    }

    @AfterEach
    void restore() {
        if (server != null) {
            server.stop(0);
        }
        SSLContext.setDefault(previous);
    }

    @Test
    void fetchesOverTlsWhenTheCertificateNamesTheHost() throws Exception {
        serve(keystore("local", "ip:127.0.0.1"));
        PageFetcher fetcher = new PageFetcher(Duration.ofSeconds(10), true);
        FetchResponse r = fetcher.get("https://127.0.0.1:" + server.getAddress().getPort() + "/feed", Map.of());
        assertEquals(200, r.status());
        assertEquals("<rss>over tls</rss>", new String(r.body(), StandardCharsets.UTF_8));
    }

    @Test
    void refusesACertificateForAnotherName() throws Exception {
        serve(keystore("other", "dns:other.example"));
        PageFetcher fetcher = new PageFetcher(Duration.ofSeconds(10), true);
        String url = "https://127.0.0.1:" + server.getAddress().getPort() + "/feed";
        String why = assertThrows(FetchException.class, () -> fetcher.get(url, Map.of())).getMessage();
        assertTrue(why.startsWith("cannot fetch"), why);
    }
}
