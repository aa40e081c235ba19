package dev.precis.store;

import dev.precis.article.Article;
import dev.precis.cli.CliRun;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The store contract on a real PostgreSQL server, plus its search ranking, migrations and connection failures. */
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
    void matchesInTitleAndLeadRankBeforeNewerOnesFurtherDownTheText() {
        Article early = new Article(null, "https://moor.example/early", "Moor Weekly", "Walkers on the drove roads",
                List.of(), "2024-06-20", "en", null, "A patch of quillwort was found in the upper tarn. Walkers are asked to keep to the path.");
        long lead = store.add(List.of(StoreFixtures.analyzed(early))).getFirst().id();
        long deep = store.add(List.of(StoreFixtures.analyzed(StoreFixtures.MOOR))).getFirst().id();
        List<SearchHit> hits = store.search(SearchQuery.parse("quillwort tarn"), 10);
        assertEquals(List.of(lead, deep), hits.stream().map(SearchHit::id).toList(),
                "the older article has both words in its lead; the newer one only past it");
        assertTrue(hits.get(0).score() > 0);
        assertEquals(0.0, hits.get(1).score(), "matches past the lead are not scored, only ordered newest first");
    }

    /**
     * Twenty thousand articles written straight into the table, so a search spans several id
     * ranges; every result list must equal the one a plain query over the whole table gives.
     */
    @Test
    void searchesOverManyRangesGiveWhatAPlainQueryGives() throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("""
                    INSERT INTO articles (url, source, title, published, text, content_hash, added_at)
                    SELECT 'https://gen.example/' || g, CASE WHEN g % 3 = 0 THEN 'Three' ELSE 'Other' END,
                           CASE WHEN g % 97 = 0 THEN 'Alder grove ' ELSE 'Item ' END || g,
                           '2024-01-01', 'Report ' || g || ' from the valley'
                             || CASE WHEN g % 5 = 0 THEN ' about the alder' ELSE '' END
                             || CASE WHEN g % 15 = 0 THEN ' and another alder' ELSE '' END
                             || CASE WHEN g % 50 = 0 THEN ' near a birch' ELSE '' END
                             || CASE WHEN g % 4000 = 7 THEN ' under a cedar' ELSE '' END
                             || '. ' || repeat('Meadow grass grows. ', 40)
                             || CASE WHEN g % 40 = 0 THEN ' A cedar stands by the gate.' ELSE '' END
                             || CASE WHEN g <= 3 THEN ' A rowan by the wall.' ELSE '' END,
                           md5(g::text), '2024-01-01'
                    FROM generate_series(1, 20000) g""");
            for (String q : List.of("alder", "birch", "cedar", "rowan", "alder birch", "alder -birch", "birch OR cedar",
                    "alder source:three", "cedar source:three", "grove", "gro*", "\"another alder\"", "meadow", "zeppelin")) {
                SearchQuery query = SearchQuery.parse(q);
                List<Long> expected = plainSearch(c, query, 10);
                assertEquals(expected, store.search(query, 10).stream().map(SearchHit::id).toList(), q);
                assertFalse(expected.isEmpty() && !q.equals("zeppelin"), q + " should find something");
            }
        }
    }

    /** The same ranking as {@link PostgresStore}, written as the plainest SQL over the whole table. */
    private static List<Long> plainSearch(Connection c, SearchQuery q, int limit) throws SQLException {
        String tsq = "to_tsquery('english', ?)";
        String filter = q.source() == null ? "" : " AND lower(source) = ?";
        List<Long> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM (SELECT id, ts_rank(search_lead, " + tsq + ") AS score"
                + " FROM articles WHERE search_lead @@ " + tsq + " AND search @@ " + tsq + filter
                + " ORDER BY id DESC LIMIT " + JdbcStore.MAX_RANKED + ") c ORDER BY score DESC, id DESC LIMIT " + limit)) {
            for (int i = 1; i <= 3; i++) {
                ps.setString(i, q.toTsquery());
            }
            if (q.source() != null) {
                ps.setString(4, q.source());
            }
            read(ps, out);
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM articles WHERE search @@ " + tsq
                + " AND NOT search_lead @@ " + tsq + filter + " ORDER BY id DESC LIMIT " + (limit - out.size()))) {
            ps.setString(1, q.toTsquery());
            ps.setString(2, q.toTsquery());
            if (q.source() != null) {
                ps.setString(3, q.source());
            }
            read(ps, out);
        }
        return out;
    }

    private static void read(PreparedStatement ps, List<Long> out) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
    }

    @Test
    void aStoreMadeBeforeTheLeadColumnGetsItFilledWhenOpened() throws SQLException {
        String old = PgTestServer.freshDatabase();
        PostgresLocation loc = PostgresLocation.parse(old);
        Flyway.configure()
                .dataSource(loc.jdbcUrl(), loc.properties().getProperty("user"), loc.properties().getProperty("password"))
                .locations("classpath:db/migration/postgres", "classpath:db/migration/common")
                .target("2")
                .load().migrate();
        try (Connection c = DriverManager.getConnection(old); Statement st = c.createStatement()) {
            st.execute("""
                    INSERT INTO articles (url, source, title, published, text, content_hash, added_at) VALUES
                    ('https://moor.example/a', 'Moor Weekly', 'Quillwort found', '2024-06-01', 'A water plant in the tarn.', 'h1', '2024-06-01'),
                    ('https://moor.example/b', 'Moor Weekly', 'Moor survey', '2024-07-01', 'Heather and bilberry. Quillwort too.', 'h2', '2024-07-01')""");
        }
        try (Store migrated = Stores.open(null, old)) {
            List<SearchHit> hits = migrated.search(SearchQuery.parse("quillwort"), 10);
            assertEquals(List.of("Quillwort found", "Moor survey"), hits.stream().map(SearchHit::title).toList(),
                    "both leads are filled; the title match ranks first");
            assertTrue(hits.stream().allMatch(h -> h.score() > 0));
        }
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
