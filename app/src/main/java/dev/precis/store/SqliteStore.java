package dev.precis.store;

import dev.precis.article.Article;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/**
 * The embedded store: one SQLite file ({@value #FILE_NAME} in the data folder) in WAL mode, so a
 * killed process loses at most the transaction it was in and readers never block the writer;
 * full-text search with FTS5 (Porter stemming, BM25 ranking with the title weighted
 * {@value #TITLE_WEIGHT}×).
 *
 * <p>The environment variable {@value #MAX_MB_ENV} caps the database at that many megabytes (SQLite's
 * {@code max_page_count}), for a small device whose disk must keep room for the rest of the system. A
 * write past the cap fails as a full disk does: the transaction is rolled back whole and the message
 * says "disk full".
 */
public final class SqliteStore extends JdbcStore {

    /** The database file's name inside the data folder. */
    public static final String FILE_NAME = "precis.db";
    /** BM25 weight of title matches relative to body matches. */
    static final double TITLE_WEIGHT = 4.0;

    /** Environment variable: the largest size of the database in megabytes (unset: no limit but the disk's). */
    public static final String MAX_MB_ENV = "PRECIS_SQLITE_MAX_MB";
    /** SQLite's result code for a full disk or a database at its {@code max_page_count}. */
    private static final int SQLITE_FULL = 13;

    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private final Path file;
    /** Prepared once; used only by the writer, under the store lock. */
    private PreparedStatement indexRow;

    private SqliteStore(Connection conn, Path file) {
        super(conn, "SQLite " + file);
        this.file = file;
    }

    /**
     * Opens the store in data folder {@code data} (created if missing), or the database file
     * {@code data} itself when it is an existing file. Refuses a file that is not SQLite without
     * touching it.
     */
    public static SqliteStore open(Path data) {
        Path file = Files.isRegularFile(data) ? data : data.resolve(FILE_NAME);
        String where = "SQLite " + file;
        try {
            if (!Files.isRegularFile(data)) {
                Files.createDirectories(data);
            }
        } catch (IOException e) {
            throw new StoreException(data + ": cannot create the data folder (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
        checkIsSqlite(file);
        String url = "jdbc:sqlite:" + file.toAbsolutePath();
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(10_000);
        config.setCacheSize(-65_536);
        Long maxBytes = maxBytes(where);
        Connection conn;
        try {
            conn = config.createConnection(url);
        } catch (SQLException e) {
            throw new StoreException(where + ": cannot open: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        try {
            if (maxBytes != null) {
                limit(conn, maxBytes);
            }
            migrate(where, Flyway.configure()
                    .dataSource(url, null, null)
                    .locations("classpath:db/migration/sqlite", "classpath:db/migration/common")
                    .load());
        } catch (SQLException e) {
            closeQuietly(conn);
            throw new StoreException(where + ": cannot open: " + e.getMessage().lines().findFirst().orElse(""), e);
        } catch (StoreException e) {
            closeQuietly(conn);
            throw e;
        }
        return new SqliteStore(conn, file);
    }

    /** The size limit {@value #MAX_MB_ENV} asks for, in bytes, or {@code null}. */
    private static Long maxBytes(String where) {
        String mb = System.getenv(MAX_MB_ENV);
        if (mb == null || mb.isBlank()) {
            return null;
        }
        try {
            long n = Long.parseLong(mb.strip());
            if (n >= 1 && n <= 1L << 30) {
                return n << 20;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new StoreException(where + ": " + MAX_MB_ENV + " must be a whole number of megabytes, not '" + mb + "'");
    }

    /** Caps the database file at {@code maxBytes} (in whole pages of its page size). */
    private static void limit(Connection conn, long maxBytes) throws SQLException {
        try (java.sql.Statement st = conn.createStatement()) {
            long pageSize;
            try (java.sql.ResultSet rs = st.executeQuery("PRAGMA page_size")) {
                pageSize = rs.next() ? rs.getLong(1) : 4096;
            }
            st.execute("PRAGMA max_page_count = " + Math.max(1, Math.min(Integer.MAX_VALUE, maxBytes / pageSize)));
        }
    }

    private static void checkIsSqlite(Path file) {
        if (!Files.exists(file)) {
            return;
        }
        if (!Files.isReadable(file) || !Files.isWritable(file)) {
            throw new StoreException(file + ": permission denied (the store file must be readable and writable)");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(MAGIC.length);
            if (head.length > 0 && !Arrays.equals(head, MAGIC)) {
                throw new StoreException(file + ": is not a SQLite database (left untouched)");
            }
        } catch (IOException e) {
            throw new StoreException(file + ": cannot read (" + e.getMessage() + ")");
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // already failing
        }
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    @Override
    protected void index(long id, Article article) throws SQLException {
        if (indexRow == null) {
            indexRow = conn.prepareStatement("INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)");
        }
        indexRow.setLong(1, id);
        indexRow.setString(2, article.title() == null ? "" : article.title());
        indexRow.setString(3, article.text());
        indexRow.executeUpdate();
    }

    @Override
    protected List<Ranked> rank(SearchQuery q, int limit) throws SQLException {
        // single-table inner query so FTS5 walks matches newest first and stops at MAX_RANKED;
        // bm25() is then computed only for those
        String filters = filters(q);
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT id, score FROM (SELECT rowid AS id, -bm25(articles_fts, " + TITLE_WEIGHT + ", 1.0) AS score"
                        + " FROM articles_fts WHERE articles_fts MATCH ?"
                        + (filters.isEmpty() ? "" : " AND EXISTS (SELECT 1 FROM articles a WHERE a.id = articles_fts.rowid" + filters + ")")
                        + " ORDER BY rowid DESC LIMIT ?) ORDER BY score DESC, id DESC LIMIT ?")) {
            ps.setString(1, q.toFts5());
            int i = bindFilters(ps, 2, q);
            ps.setInt(i++, MAX_RANKED);
            ps.setInt(i, limit);
            return ranked(ps);
        }
    }

    @Override
    protected boolean isDiskFull(SQLException e) {
        return (e.getErrorCode() & 0xFF) == SQLITE_FULL
                || e instanceof org.sqlite.SQLiteException s && s.getResultCode() == org.sqlite.SQLiteErrorCode.SQLITE_FULL;
    }

    @Override
    protected long bytes() {
        long total = 0;
        for (String suffix : List.of("", "-wal")) {
            Path p = file.resolveSibling(file.getFileName() + suffix);
            try {
                total += Files.exists(p) ? Files.size(p) : 0;
            } catch (IOException ignored) {
                // a WAL checkpointed away between the check and the size
            }
        }
        return total;
    }
}
