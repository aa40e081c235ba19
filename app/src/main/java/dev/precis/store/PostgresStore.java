package dev.precis.store;

import dev.precis.article.Article;
import org.flywaydb.core.Flyway;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

/**
/**
 * The shared store: a PostgreSQL database. Full-text search uses two stored, GIN-indexed
 * {@code tsvector}s: {@code search} of the title (weight A) and the whole text (B), and the small
 * {@code search_lead} of the title (A) and the lead, the text's first 600 characters (B), which
 * stays inline in the row. Ranking: the {@value JdbcStore#MAX_RANKED} newest articles whose title
 * and lead alone match the query are ranked by {@code ts_rank} over {@code search_lead} (title
 * 1.0, lead 0.4, no length normalization), newest first among equal scores; after them come the
 * articles that match only with the rest of the text, newest first, with score 0.
 *
 * <p>Why not {@code ts_rank} over the whole text: the whole-text vector of an article is a few
 * kilobytes kept in TOAST, and reading it for each of thousands of candidates made searches for
 * common words take hundreds of milliseconds on 100,000 articles.
 *
 * <p>When the server goes away (a restart, a failover), calls fail with
 * {@link StoreUnavailableException} until it is back, then the store reconnects by itself.
 */
public final class PostgresStore extends JdbcStore {

    /** SQLSTATE of "could not extend file: No space left on device". */
    private static final String DISK_FULL = "53100";

    /**
     * Planner settings for the search transaction. The planner counts testing {@code @@} on a
     * row as cheap, but on the stored whole-text vector it means a TOAST read, so scans that test
     * row after row are ruled out and the GIN index is always used; the ranges must run one
     * after another (no parallel plan) and each plan must see the actual words (no generic plan
     * of a prepared statement); JIT compiling costs more than any search.
     */
    private static final String PLAN_SETTINGS = "SET LOCAL enable_indexscan = off; SET LOCAL enable_seqscan = off;"
            + " SET LOCAL max_parallel_workers_per_gather = 0; SET LOCAL plan_cache_mode = force_custom_plan; SET LOCAL jit = off";

    private final String jdbcUrl;
    private final Properties props;

    private PostgresStore(Connection conn, String description, String jdbcUrl, Properties props) {
        super(conn, description);
        this.jdbcUrl = jdbcUrl;
        this.props = props;
    }

    /** Connects to {@code url} (JDBC URL or {@code postgresql://} URI) and updates the schema. */
    public static PostgresStore open(String url) {
        PostgresLocation loc = PostgresLocation.parse(url);
        Properties props = new Properties();
        props.putAll(loc.properties());
        props.putIfAbsent("connectTimeout", "10");
        props.putIfAbsent("ApplicationName", "precis");
        Connection conn;
        try {
            conn = DriverManager.getConnection(loc.jdbcUrl(), props);
        } catch (SQLException e) {
            throw new StoreException(loc.display() + ": " + reason(e), e);
        }
        try {
            migrate(loc.display(), Flyway.configure()
                    .dataSource(loc.jdbcUrl(), loc.properties().getProperty("user"), loc.properties().getProperty("password"))
                    .locations("classpath:db/migration/postgres", "classpath:db/migration/common")
                    .load());
        } catch (StoreException e) {
            try {
                conn.close();
            } catch (SQLException ignored) {
                // already failing
            }
            throw e;
        }
        return new PostgresStore(conn, loc.display(), loc.jdbcUrl(), props);
    }

    /** One line saying why a connection failed. */
    static String reason(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String msg = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
        return switch (state) {
            case "08001", "08004", "08006" -> msg.contains("refused") || msg.contains("attempt failed")
                    ? "cannot connect: the server is not running or not reachable (" + msg + ")"
                    : "cannot connect: " + msg;
            case "28P01" -> "the server refused the password (" + msg + ")";
            case "28000" -> "the server refused the login (" + msg + ")";
            case "3D000" -> "no such database (" + msg + ")";
            default -> "cannot connect: " + msg;
        };
    }

    @Override
    protected Connection reconnect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, props);
    }

    /**
     * Connection exceptions (class 08), and the server shutting down or starting up: "terminating
     * connection due to administrator command" (57P01), crash shutdown (57P02), "cannot connect
     * now" (57P03).
     */
    @Override
    protected boolean isConnectionLost(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03"));
    }

    @Override
    protected boolean isDiskFull(SQLException e) {
        return DISK_FULL.equals(e.getSQLState());
    }

    @Override
    protected void index(long id, Article article) {
        // the search columns are generated by the database from title and text
    }

    /**
     * Matches whose title and lead alone match the query come first: the newest
     * {@value JdbcStore#MAX_RANKED} of them ranked by {@code ts_rank} over {@code search_lead},
     * newest first among equals. When they are fewer than {@code limit}, the newest matches found
     * only further down the text follow, with score 0. Both parts look through
     * {@link RecentWindows} ranges in one statement each: the ranges are the branches of a
     * {@code UNION ALL} under a {@code LIMIT}, so older ones only run while too few matches have
     * been found.
     */
    @Override
    protected List<Ranked> rank(SearchQuery q, int limit) throws SQLException {
        conn.setAutoCommit(false);
        try {
            long oldest;
            long newest;
            // one round trip; min and max are read before the settings rule out the index scans they need
            try (Statement st = conn.createStatement()) {
                st.execute("SELECT min(id), max(id) FROM articles; " + PLAN_SETTINGS);
                try (ResultSet rs = st.getResultSet()) {
                    rs.next();
                    if (rs.getObject(2) == null) {
                        return List.of();
                    }
                    oldest = rs.getLong(1);
                    newest = rs.getLong(2);
                }
            }
            // a lead that matches implies the whole text does, unless the query excludes words
            String inLead = "a.search_lead @@ to_tsquery('english', ?)" + (q.excludes() ? " AND a.search @@ to_tsquery('english', ?)" : "");
            List<Ranked> out = new ArrayList<>(newestMatches(q, inLead, true,
                    RecentWindows.over(oldest, newest, 2L * MAX_RANKED), MAX_RANKED, limit));
            if (out.size() < limit) {
                int more = limit - out.size();
                out.addAll(newestMatches(q, "a.search @@ to_tsquery('english', ?) AND NOT a.search_lead @@ to_tsquery('english', ?)",
                        false, RecentWindows.over(oldest, newest, 16L * more), more, more));
            }
            return out;
        } finally {
            conn.rollback();
            conn.setAutoCommit(true);
        }
    }

    /**
     * The newest {@code candidates} articles meeting {@code condition} (each {@code ?} in it
     * takes the query) and the filters, found range by range; of those the best {@code limit} by
     * {@code ts_rank} over {@code search_lead} when {@code ranked}, else the newest {@code limit}
     * with score 0.
     */
    private List<Ranked> newestMatches(SearchQuery q, String condition, boolean ranked, RecentWindows windows,
                                       int candidates, int limit) throws SQLException {
        String branch = "(SELECT a.id, " + (ranked ? "ts_rank(a.search_lead, to_tsquery('english', ?))" : "0") + " AS score"
                + " FROM articles a WHERE " + condition + " AND a.id > ? AND a.id <= ?" + filters(q)
                + " ORDER BY a.id DESC LIMIT ?)";
        int queryParams = (int) condition.chars().filter(c -> c == '?').count() + (ranked ? 1 : 0);
        try (PreparedStatement ps = conn.prepareStatement("SELECT id, score FROM (SELECT id, score FROM ("
                + String.join(" UNION ALL ", Collections.nCopies(windows.count(), branch))
                + ") u LIMIT ?) c ORDER BY score DESC, id DESC LIMIT ?")) {
            int i = 1;
            for (int w = 0; w < windows.count(); w++) {
                for (int k = 0; k < queryParams; k++) {
                    ps.setString(i++, q.toTsquery());
                }
                ps.setLong(i++, windows.above(w));
                ps.setLong(i++, windows.upTo(w));
                i = bindFilters(ps, i, q);
                ps.setInt(i++, candidates);
            }
            ps.setInt(i++, candidates);
            ps.setInt(i, limit);
            return ranked(ps);
        }
    }

    @Override
    protected long bytes() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT pg_database_size(current_database())");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
