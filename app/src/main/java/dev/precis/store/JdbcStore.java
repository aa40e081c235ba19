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
 * parameterized. Subclasses add what differs: full-text indexing and search, size, and how to
 * tell a full disk or a lost connection from other errors.
 *
 * <p>A store whose connection is lost (a database server restarted) fails fast with
 * {@link StoreUnavailableException} and reconnects on the next call, at most once per
 * {@link #RECONNECT_PAUSE}; a read that meets a freshly lost connection is retried once on a new one.
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

    /** The shortest pause between two attempts to reconnect, so a server that is down is not hammered. */
    static final java.time.Duration RECONNECT_PAUSE = java.time.Duration.ofSeconds(1);

    /** The connection; replaced, under {@link #lock}, after it was lost. */
    protected Connection conn;
    protected final ReentrantLock lock = new ReentrantLock();
    private final String description;
    /** Why the connection was lost, while it is; guarded by {@link #lock}. */
    private String lostBecause;
    /** No reconnect attempt before this {@link System#nanoTime}; guarded by {@link #lock}. */
    private long nextAttempt;

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

    /** Whether {@code e} says the disk (or the store's size limit) is full. */
    protected abstract boolean isDiskFull(SQLException e);

    /**
     * Whether {@code e} says the connection is gone (the server shut down or restarted, the network
     * dropped) rather than that the statement failed. An embedded database never loses it.
     */
    protected boolean isConnectionLost(SQLException e) {
        return false;
    }

    /** A new connection to the same database, after the old one was lost. */
    protected Connection reconnect() throws SQLException {
        throw new SQLException("this store cannot reconnect", "08003");
    }

    @Override
    public List<AddOutcome> add(List<AnalyzedArticle> batch) {
        return addAndLink(batch, 0, null);
    }

    @Override
    public List<AddOutcome> addFromFeed(long feedId, List<AnalyzedArticle> batch, List<String> entryIds) {
        if (entryIds.size() != batch.size()) {
            throw new IllegalArgumentException(batch.size() + " articles but " + entryIds.size() + " entry ids");
        }
        return addAndLink(batch, feedId, entryIds);
    }

    /** Stores the batch and, when {@code entryIds} is given, links it to the feed: one transaction. */
    private List<AddOutcome> addAndLink(List<AnalyzedArticle> batch, long feedId, List<String> entryIds) {
        return transaction(() -> {
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
                for (int i = 0; i < batch.size(); i++) {
                    AddOutcome o = addOne(batch.get(i), now, ins, dig, st);
                    if (entryIds != null && o.kind() != AddOutcome.Kind.REJECTED) {
                        FeedTable.link(conn, feedId, o.id(), entryIds.get(i));
                    }
                    out.add(o);
                }
            }
            return out;
        }, "cannot store articles");
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
        List<HitRow> rows = locked(() -> hits(query.expression() == null ? filtered(query, limit) : rank(query, limit)),
                "cannot search");
        // snippets are computed outside the store lock: they are text work, and other readers wait on the lock
        Snippets snippets = new Snippets(query);
        return rows.stream().map(r -> SearchHit.marked(r.id(), r.title(), r.source(), r.published(), r.url(), r.score(),
                snippets.of(r.text()))).toList();
    }

    /** A matching article's row, before its snippet is made. */
    private record HitRow(long id, String title, String source, String published, String url, double score, String text) {
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

    private List<HitRow> hits(List<Ranked> ranked) throws SQLException {
        if (ranked.isEmpty()) {
            return List.of();
        }
        Map<Long, HitRow> byId = new HashMap<>();
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
                    byId.put(id, new HitRow(id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            scores.get(id), rs.getString(6)));
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
        return locked(() -> new StoreStats(description, count("articles"), StoryTable.liveCount(conn), count("feeds"),
                count("statements"), bytes()), "cannot count");
    }

    @Override
    public List<StoryRow> stories(int limit, int offset) {
        return locked(() -> StoryTable.live(conn, limit, offset), "cannot list stories");
    }

    @Override
    public Optional<StoryRow> story(long id) {
        return locked(() -> StoryTable.byId(conn, id), "cannot read story " + id);
    }

    @Override
    public List<StoryMemberRow> storyMembers(long storyId) {
        return locked(() -> StoryTable.members(conn, storyId), "cannot read the articles of story " + storyId);
    }

    @Override
    public OptionalLong storyOf(long articleId) {
        return locked(() -> StoryTable.storyOf(conn, articleId), "cannot read the story of article " + articleId);
    }

    @Override
    public StoryGroupingState storyGrouping() {
        return locked(() -> StoryTable.state(conn), "cannot read the story grouping");
    }

    @Override
    public long saveStories(StoryChanges changes, long expectedVersion) {
        return transaction(() -> StoryTable.save(conn, changes, expectedVersion), "cannot store stories");
    }

    @Override
    public long replaceStories(StoryChanges all, long expectedVersion) {
        return transaction(() -> StoryTable.replace(conn, all, expectedVersion), "cannot replace stories");
    }

    @Override
    public void fillMeanings(Map<Long, float[]> byArticle) {
        if (byArticle.isEmpty()) {
            return;
        }
        transaction(() -> {
            StoryTable.fillMeanings(conn, byArticle);
            return null;
        }, "cannot store meanings");
    }

    @Override
    public List<GroupingRow> storyWindow(String since, long afterPosition, long afterArticle, int limit) {
        return locked(() -> StoryTable.window(conn, since, afterPosition, afterArticle, limit), "cannot read stories");
    }

    @Override
    public List<GroupingRow> ungroupedArticles(long afterId, int limit) {
        return locked(() -> StoryTable.ungrouped(conn, afterId, limit), "cannot read articles without a story");
    }

    @Override
    public List<GroupingRow> groupingRows(List<Long> articleIds) {
        return locked(() -> StoryTable.articles(conn, articleIds), "cannot read articles");
    }

    @Override
    public Set<Long> groupedAmong(List<Long> articleIds) {
        return locked(() -> StoryTable.grouped(conn, articleIds), "cannot read story memberships");
    }

    @Override
    public List<ArticleRow> allArticles() {
        return locked(() -> StoryTable.allArticles(conn), "cannot list articles");
    }

    /** Work in one transaction: committed when it returns, rolled back when it throws. */
    private <T> T transaction(SqlWork<T> work, String what) {
        lock.lock();
        try {
            connected(what);
            conn.setAutoCommit(false);
            try {
                T out = work.run();
                conn.commit();
                return out;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly();
                throw e;
            } finally {
                autoCommitQuietly();
            }
        } catch (SQLException e) {
            // not retried: whether a lost commit reached the server is unknown (a re-run finds duplicates)
            lost(e);
            throw failure(what, e);
        } finally {
            lock.unlock();
        }
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

    /**
     * Runs {@code work} under the store lock, on a live connection. When the connection turns out to
     * be lost, the work runs once more on a new one: it must be a read or an idempotent write.
     */
    protected <T> T locked(SqlWork<T> work, String what) {
        lock.lock();
        try {
            connected(what);
            try {
                return work.run();
            } catch (SQLException e) {
                if (!lost(e)) {
                    throw failure(what, e);
                }
            }
            connected(what);
            try {
                return work.run();
            } catch (SQLException e) {
                lost(e);
                throw failure(what, e);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Makes sure there is a live connection, reconnecting after a loss; the caller holds the lock. */
    private void connected(String what) {
        if (lostBecause == null) {
            return;
        }
        if (System.nanoTime() - nextAttempt < 0) {
            throw unavailable(what, lostBecause);
        }
        try {
            conn = reconnect();
            lostBecause = null;
        } catch (SQLException e) {
            nextAttempt = System.nanoTime() + RECONNECT_PAUSE.toNanos();
            lostBecause = firstLine(e);
            throw unavailable(what, lostBecause);
        }
    }

    /** Records a lost connection (closing what is left of it); returns whether it was lost. */
    private boolean lost(SQLException e) {
        boolean closed;
        try {
            closed = conn.isClosed();
        } catch (SQLException ignored) {
            closed = true;
        }
        if (!closed && !isConnectionLost(e)) {
            return false;
        }
        lostBecause = firstLine(e);
        nextAttempt = System.nanoTime();
        try {
            conn.close();
        } catch (SQLException ignored) {
            // it is gone already
        }
        return true;
    }

    private StoreUnavailableException unavailable(String what, String why) {
        return new StoreUnavailableException(description + ": unavailable: " + what + " (" + why + ")");
    }

    protected StoreException failure(String what, SQLException e) {
        if (lostBecause != null) {
            return unavailable(what, lostBecause);
        }
        if (isDiskFull(e)) {
            return new StoreException(description + ": disk full: " + what + " (" + firstLine(e) + ")", e);
        }
        return new StoreException(description + ": " + what + ": " + firstLine(e), e);
    }

    private static String firstLine(SQLException e) {
        return e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
    }

    private void rollbackQuietly() {
        try {
            conn.rollback();
        } catch (SQLException ignored) {
            // the original failure is the one worth reporting
        }
    }

    /**
     * Back to auto-commit after a transaction. After a failed one this can fail too (SQLite has
     * already rolled back on a full disk and then refuses to commit "no transaction"); that second
     * failure must not hide the first.
     */
    private void autoCommitQuietly() {
        try {
            conn.setAutoCommit(true);
        } catch (SQLException ignored) {
            // the transaction's own outcome is what the caller hears about
        }
    }
}
