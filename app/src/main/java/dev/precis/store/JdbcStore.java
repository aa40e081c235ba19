package dev.precis.store;

import dev.precis.article.Article;
import dev.precis.digest.Digest;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The store logic both databases share: plain JDBC over one connection, every statement
 * parameterized. Subclasses add what differs: full-text indexing and search, and size.
 */
abstract class JdbcStore implements Store {

    /** Kept so the level set on it is not lost to garbage collection. */
    private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

    static {
        FLYWAY_LOG.setLevel(Level.WARNING);
    }

    /**
     * Matches ranked per search at most: the most recently stored ones. Ranking every match of
     * a word found in most articles would cost time in proportion to the store; this bound
     * keeps a search within milliseconds at any size and favours recent news.
     */
    public static final int MAX_RANKED = 2000;

    protected final Connection conn;
    protected final ReentrantLock lock = new ReentrantLock();
    private final String description;

    protected JdbcStore(Connection conn, String description) {
        this.conn = conn;
        this.description = description;
    }

    /** Brings the schema up to date from the given migration locations. */
    static void migrate(String description, Flyway flyway) {
        try {
            flyway.migrate();
        } catch (FlywayException e) {
            String msg = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            throw new StoreException(description + ": cannot update the schema: " + msg, e);
        }
    }

    @Override
    public String describe() {
        return description;
    }

    /** Adds the article's text to the full-text index, if the database needs that done by hand. */
    protected abstract void index(long id, Article article) throws SQLException;

    /** On-disk size in bytes. */
    protected abstract long bytes() throws SQLException;

    @Override
    public List<AddOutcome> add(List<AnalyzedArticle> batch) {
        lock.lock();
        try {
            conn.setAutoCommit(false);
            try {
                List<AddOutcome> out = new ArrayList<>(batch.size());
                String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
                try (PreparedStatement ins = conn.prepareStatement("""
                        INSERT INTO articles (ext_id, url, canonical_url, source, title, byline, published, language,
                                              image, text, content_hash, fetched_at, added_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT DO NOTHING RETURNING id""");
                     PreparedStatement dig = conn.prepareStatement("""
                             INSERT INTO digests (article_id, algorithm, summary, scores, statements, fingerprint, keyphrases)
                             VALUES (?, ?, ?, ?, ?, ?, ?)""");
                     PreparedStatement st = conn.prepareStatement("""
                             INSERT INTO statements (article_id, idx, speaker, speaker_key, kind, start_offset, end_offset, text)
                             VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                    for (AnalyzedArticle a : batch) {
                        out.add(addOne(a, now, ins, dig, st));
                    }
                }
                conn.commit();
                return out;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly();
                throw e;
            } finally {
                conn.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure("cannot store articles", e);
        } finally {
            lock.unlock();
        }
    }

    private AddOutcome addOne(AnalyzedArticle a, String now, PreparedStatement ins, PreparedStatement dig,
                              PreparedStatement st) throws SQLException {
        Article art = a.article();
        int i = 1;
        ins.setString(i++, art.id());
        ins.setString(i++, art.url());
        ins.setString(i++, art.url());
        ins.setString(i++, art.source());
        ins.setString(i++, art.title());
        ins.setString(i++, DigestJson.write(art.byline()));
        ins.setString(i++, art.published());
        ins.setString(i++, art.language());
        ins.setString(i++, art.image());
        ins.setString(i++, art.text());
        ins.setString(i++, a.contentHash());
        ins.setString(i++, null);
        ins.setString(i, now);
        long id;
        try (ResultSet rs = ins.executeQuery()) {
            if (!rs.next()) {
                return whyNotAdded(a);
            }
            id = rs.getLong(1);
        }
        Digest d = a.digest();
        dig.setLong(1, id);
        dig.setString(2, d.summary().algorithm());
        dig.setString(3, DigestJson.summary(d.summary()));
        dig.setString(4, DigestJson.scores(d.summary()));
        dig.setString(5, DigestJson.write(d.statements()));
        dig.setLong(6, d.fingerprint());
        dig.setString(7, DigestJson.write(d.keyphrases()));
        dig.executeUpdate();
        int idx = 0;
        for (Digest.Statement s : d.statements()) {
            st.setLong(1, id);
            st.setInt(2, idx++);
            st.setString(3, s.speaker());
            st.setString(4, s.speaker() == null ? null : s.speaker().toLowerCase(Locale.ROOT));
            st.setString(5, s.kind());
            st.setInt(6, s.start());
            st.setInt(7, s.end());
            st.setString(8, s.text());
            st.addBatch();
        }
        if (idx > 0) {
            st.executeBatch();
        }
        index(id, art);
        return AddOutcome.added(id);
    }

    private AddOutcome whyNotAdded(AnalyzedArticle a) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT id, CASE WHEN url = ? THEN 1 ELSE 0 END FROM articles WHERE url = ? OR content_hash = ? ORDER BY 2 DESC LIMIT 1")) {
            ps.setString(1, a.article().url());
            ps.setString(2, a.article().url());
            ps.setString(3, a.contentHash());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    long id = rs.getLong(1);
                    String why = rs.getInt(2) == 1 ? "same URL as article " + id : "same content as article " + id;
                    return new AddOutcome(AddOutcome.Kind.DUPLICATE, id, why);
                }
            }
        }
        try (PreparedStatement ps = conn.prepareStatement("SELECT id FROM articles WHERE ext_id = ?")) {
            ps.setString(1, a.article().id());
            try (ResultSet rs = ps.executeQuery()) {
                long other = rs.next() ? rs.getLong(1) : 0;
                return new AddOutcome(AddOutcome.Kind.REJECTED, 0,
                        "duplicate id '" + a.article().id() + "': already used by article " + other + " with different content");
            }
        }
    }

    @Override
    public Optional<StoredArticle> article(long id) {
        return locked(() -> {
            try (PreparedStatement ps = conn.prepareStatement("""
                    SELECT a.url, a.source, a.title, a.byline, a.published, a.language, a.image, a.text, a.content_hash,
                           a.added_at, d.algorithm, d.summary, d.scores, d.statements, d.fingerprint, d.keyphrases
                    FROM articles a JOIN digests d ON d.article_id = a.id WHERE a.id = ?""")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    String text = rs.getString(8);
                    Article art = new Article(String.valueOf(id), rs.getString(1), rs.getString(2), rs.getString(3),
                            DigestJson.strings(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7), text);
                    Digest d = DigestJson.read(text, rs.getString(11), rs.getString(12), rs.getString(13),
                            rs.getString(14), rs.getLong(15), rs.getString(16));
                    return Optional.of(new StoredArticle(id, art, d, rs.getString(9), rs.getString(10)));
                }
            }
        }, "cannot read article " + id);
    }

    @Override
    public List<ArticleRow> articles(int limit, int offset) {
        return locked(() -> {
            try (PreparedStatement ps = conn.prepareStatement(
                    "SELECT id, title, source, published, url, added_at FROM articles ORDER BY id DESC LIMIT ? OFFSET ?")) {
                ps.setInt(1, limit);
                ps.setInt(2, offset);
                List<ArticleRow> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ArticleRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6)));
                    }
                }
                return out;
            }
        }, "cannot list articles");
    }

    @Override
    public List<SearchHit> search(SearchQuery query, int limit) {
        return locked(() -> {
            List<Ranked> ranked = query.expression() == null ? filtered(query, limit) : rank(query, limit);
            return hits(ranked, new Snippets(query));
        }, "cannot search");
    }

    /** An article id with its relevance. */
    protected record Ranked(long id, double score) {
    }

    /**
     * The best {@code limit} articles matching the query's words and filters, best first, ranked
     * among at most {@value #MAX_RANKED} recently stored matches.
     */
    protected abstract List<Ranked> rank(SearchQuery query, int limit) throws SQLException;

    /** The SQL conditions on {@code a.source} / {@code a.published} for the query's filters. */
    protected static String filters(SearchQuery q) {
        StringBuilder sb = new StringBuilder();
        if (q.source() != null) {
            sb.append(" AND lower(a.source) = ?");
        }
        if (q.since() != null) {
            sb.append(" AND a.published >= ?");
        }
        if (q.until() != null) {
            sb.append(" AND a.published < ?");
        }
        return sb.toString();
    }

    /** Binds the values of {@link #filters} from parameter {@code i}; returns the next index. */
    protected static int bindFilters(PreparedStatement ps, int i, SearchQuery q) throws SQLException {
        if (q.source() != null) {
            ps.setString(i++, q.source());
        }
        if (q.since() != null) {
            ps.setString(i++, q.since());
        }
        if (q.until() != null) {
            ps.setString(i++, q.until());
        }
        return i;
    }

    /** Reads (id, score) rows. */
    protected static List<Ranked> ranked(PreparedStatement ps) throws SQLException {
        List<Ranked> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Ranked(rs.getLong(1), rs.getDouble(2)));
            }
        }
        return out;
    }

    private List<Ranked> filtered(SearchQuery q, int limit) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT a.id, 0 FROM articles a WHERE 1 = 1" + filters(q)
                + " ORDER BY a.published DESC, a.id DESC LIMIT ?")) {
            int i = bindFilters(ps, 1, q);
            ps.setInt(i, limit);
            return ranked(ps);
        }
    }

    private List<SearchHit> hits(List<Ranked> ranked, Snippets snippets) throws SQLException {
        if (ranked.isEmpty()) {
            return List.of();
        }
        Map<Long, SearchHit> byId = new HashMap<>();
        Map<Long, Double> scores = new HashMap<>();
        ranked.forEach(r -> scores.put(r.id(), r.score()));
        String marks = String.join(", ", java.util.Collections.nCopies(ranked.size(), "?"));
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT id, title, source, published, url, text FROM articles WHERE id IN (" + marks + ")")) {
            for (int i = 0; i < ranked.size(); i++) {
                ps.setLong(i + 1, ranked.get(i).id());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    byId.put(id, SearchHit.marked(id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            scores.get(id), snippets.of(rs.getString(6))));
                }
            }
        }
        return ranked.stream().map(r -> byId.get(r.id())).filter(java.util.Objects::nonNull).toList();
    }

    @Override
    public List<StatementRow> statementsBy(String speaker, int limit) {
        return locked(() -> {
            try (PreparedStatement ps = conn.prepareStatement("""
                    SELECT article_id, idx, speaker, kind, start_offset, end_offset, text FROM statements
                    WHERE speaker_key = ? ORDER BY article_id DESC, idx LIMIT ?""")) {
                ps.setString(1, speaker.toLowerCase(Locale.ROOT));
                ps.setInt(2, limit);
                List<StatementRow> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new StatementRow(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                                rs.getInt(5), rs.getInt(6), rs.getString(7)));
                    }
                }
                return out;
            }
        }, "cannot read statements");
    }

    @Override
    public StoreStats stats() {
        return locked(() -> new StoreStats(description, count("articles"), count("stories"), count("feeds"),
                count("statements"), bytes()), "cannot count");
    }

    private long count(String table) throws SQLException {
        // table names come from the fixed list in stats(), never from input
        try (PreparedStatement ps = conn.prepareStatement("SELECT count(*) FROM " + table);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public FeedRecord addFeed(String url, String title, String siteUrl) {
        return locked(() -> FeedTable.add(conn, url, title, siteUrl), "cannot add feed " + url);
    }

    @Override
    public List<FeedRecord> feeds() {
        return locked(() -> FeedTable.all(conn), "cannot read feeds");
    }

    @Override
    public Optional<FeedRecord> feed(long id) {
        return locked(() -> FeedTable.byId(conn, id), "cannot read feed " + id);
    }

    @Override
    public boolean removeFeed(long id) {
        return locked(() -> FeedTable.remove(conn, id), "cannot remove feed " + id);
    }

    @Override
    public void updateFeed(FeedRecord feed) {
        locked(() -> {
            FeedTable.update(conn, feed);
            return null;
        }, "cannot update feed " + feed.id());
    }

    @Override
    public Set<String> feedEntryIds(long feedId) {
        return locked(() -> FeedTable.entryIds(conn, feedId), "cannot read entries of feed " + feedId);
    }

    @Override
    public OptionalLong articleIdByUrl(String url) {
        return locked(() -> FeedTable.articleByUrl(conn, url), "cannot look up " + url);
    }

    @Override
    public void linkFeedArticle(long feedId, long articleId, String entryId) {
        locked(() -> {
            FeedTable.link(conn, feedId, articleId, entryId);
            return null;
        }, "cannot link article " + articleId + " to feed " + feedId);
    }

    @Override
    public List<Long> feedsOfArticle(long articleId) {
        return locked(() -> FeedTable.feedsOf(conn, articleId), "cannot read feeds of article " + articleId);
    }

    @Override
    public void close() {
        lock.lock();
        try {
            conn.close();
        } catch (SQLException e) {
            throw failure("cannot close", e);
        } finally {
            lock.unlock();
        }
    }

    /** Work on the connection that may fail with SQL errors. */
    @FunctionalInterface
    protected interface SqlWork<T> {
        T run() throws SQLException;
    }

    protected <T> T locked(SqlWork<T> work, String what) {
        lock.lock();
        try {
            return work.run();
        } catch (SQLException e) {
            throw failure(what, e);
        } finally {
            lock.unlock();
        }
    }

    protected StoreException failure(String what, SQLException e) {
        String msg = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
        return new StoreException(description + ": " + what + ": " + msg, e);
    }

    private void rollbackQuietly() {
        try {
            conn.rollback();
        } catch (SQLException ignored) {
            // the original failure is the one worth reporting
        }
    }
}
