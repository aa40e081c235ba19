package dev.precis.store;

import dev.precis.cli.CliRun;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The store contract on a real PostgreSQL server, plus connection failures. */
class PostgresStoreTest extends AbstractStoreTest {

    private String url;

    @Override
    void freshLocation() {
        url = PgTestServer.freshDatabase();
    }

    @Override
    List<String> storeArgs() {
        return List.of("--db", url);
    }

    /**
     * The server's own disk_full error (SQLSTATE 53100, "could not extend file ... No space left on
     * device"), raised for the digest row once 300 digests are stored: the article row before it in
     * the same transaction must go too.
     */
    @Override
    Map<String, String> diskFillsUp() throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("""
                    CREATE FUNCTION precis_test_disk_full() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        IF (SELECT count(*) FROM digests) >= 300 THEN
                            RAISE EXCEPTION 'could not extend file "base/1/2": No space left on device'
                                USING ERRCODE = 'disk_full';
                        END IF;
                        RETURN NEW;
                    END $$""");
            st.execute("CREATE TRIGGER precis_test_disk_full BEFORE INSERT ON digests FOR EACH ROW"
                    + " EXECUTE FUNCTION precis_test_disk_full()");
        }
        return Map.of();
    }

    @Test
    void aServerThatIsDownIsOneLine() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        CliRun run = CliRun.of(List.of("stats", "--db", "postgresql://precis:pw@127.0.0.1:" + port + "/precis"));
        assertEquals(2, run.exit());
        assertEquals(1, run.errLines().size(), run.err());
        String line = run.errLines().getFirst();
        assertTrue(line.startsWith("precis: PostgreSQL 127.0.0.1:" + port + "/precis: cannot connect: the server is not running"), line);
    }

    @Test
    void aWrongPasswordIsOneLineAndNeverEchoed() {
        String base = url.substring("jdbc:".length(), url.indexOf('?'));
        String wrong = base.replace("postgresql://", "postgresql://precis:not-the-password-42@");
        CliRun run = CliRun.of(List.of("ingest", "-", "--db", wrong));
        assertEquals(2, run.exit());
        assertEquals(1, run.errLines().size(), run.err());
        String line = run.errLines().getFirst();
        assertTrue(line.contains("refused the password") || line.contains("refused the login"), line);
        assertFalse(line.contains("not-the-password-42"), line);
    }

    @Test
    void libpqStyleUrisAreAccepted() {
        PostgresLocation loc = PostgresLocation.parse("postgresql://ann:s%40cret@db.example:5433/news?sslmode=disable");
        assertEquals("jdbc:postgresql://db.example:5433/news?sslmode=disable", loc.jdbcUrl());
        assertEquals("ann", loc.properties().getProperty("user"));
        assertEquals("s@cret", loc.properties().getProperty("password"));
        assertEquals("PostgreSQL db.example:5433/news", loc.display());
    }
}
