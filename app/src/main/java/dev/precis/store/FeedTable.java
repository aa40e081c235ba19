package dev.precis.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** The SQL of feed subscriptions and article–feed links, the same for both databases. */
final class FeedTable {

    private static final String COLUMNS = "id, url, title, site_url, etag, last_modified, interval_seconds, "
            + "next_fetch, last_fetch, last_error, error_count, article_count, added_at";

    private FeedTable() {
    }

    static FeedRecord add(Connection conn, String url, String title, String siteUrl) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "INSERT INTO feeds (url, title, site_url, added_at) VALUES (?, ?, ?, ?) ON CONFLICT (url) DO NOTHING")) {
            ps.setString(1, url);
            ps.setString(2, title);
            ps.setString(3, siteUrl);
            ps.setString(4, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = conn.prepareStatement("SELECT " + COLUMNS + " FROM feeds WHERE url = ?")) {
            ps.setString(1, url);
            return one(ps).orElseThrow();
        }
    }

    static List<FeedRecord> all(Connection conn) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT " + COLUMNS + " FROM feeds ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            List<FeedRecord> out = new ArrayList<>();
            while (rs.next()) {
                out.add(row(rs));
            }
            return out;
        }
    }

    static Optional<FeedRecord> byId(Connection conn, long id) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT " + COLUMNS + " FROM feeds WHERE id = ?")) {
            ps.setLong(1, id);
            return one(ps);
        }
    }

    static boolean remove(Connection conn, long id) throws SQLException {
        try (PreparedStatement links = conn.prepareStatement("DELETE FROM article_feeds WHERE feed_id = ?");
             PreparedStatement ps = conn.prepareStatement("DELETE FROM feeds WHERE id = ?")) {
            links.setLong(1, id);
            links.executeUpdate();
            ps.setLong(1, id);
            return ps.executeUpdate() > 0;
        }
    }

    static void update(Connection conn, FeedRecord f) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("""
                UPDATE feeds SET title = ?, site_url = ?, etag = ?, last_modified = ?, interval_seconds = ?,
                                 next_fetch = ?, last_fetch = ?, last_error = ?, error_count = ?
                WHERE id = ?""")) {
            ps.setString(1, f.title());
            ps.setString(2, f.siteUrl());
            ps.setString(3, f.etag());
            ps.setString(4, f.lastModified());
            ps.setInt(5, (int) Math.min(Integer.MAX_VALUE, f.interval().toSeconds()));
            ps.setString(6, text(f.nextFetch()));
            ps.setString(7, text(f.lastFetch()));
            ps.setString(8, f.lastError());
            ps.setInt(9, f.errorCount());
            ps.setLong(10, f.id());
            ps.executeUpdate();
        }
    }

    static Set<String> entryIds(Connection conn, long feedId) throws SQLException {
        return new HashSet<>(column(conn, "SELECT entry_id FROM article_feeds WHERE feed_id = ? AND entry_id IS NOT NULL",
                feedId, rs -> rs.getString(1)));
    }

    static OptionalLong articleByUrl(Connection conn, String url) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT id FROM articles WHERE url = ?")) {
            ps.setString(1, ArticleUrl.normalize(url));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    static void link(Connection conn, long feedId, long articleId, String entryId) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("""
                INSERT INTO article_feeds (article_id, feed_id, entry_id, seen_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (article_id, feed_id) DO NOTHING""");
             PreparedStatement count = conn.prepareStatement("""
                     UPDATE feeds SET article_count = (SELECT count(*) FROM article_feeds WHERE feed_id = ?)
                     WHERE id = ?""")) {
            ps.setLong(1, articleId);
            ps.setLong(2, feedId);
            ps.setString(3, entryId);
            ps.setString(4, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            if (ps.executeUpdate() > 0) {
                count.setLong(1, feedId);
                count.setLong(2, feedId);
                count.executeUpdate();
            }
        }
    }

    /** The ids of the feeds an article came from. */
    static List<Long> feedsOf(Connection conn, long articleId) throws SQLException {
        return column(conn, "SELECT feed_id FROM article_feeds WHERE article_id = ? ORDER BY feed_id", articleId,
                rs -> rs.getLong(1));
    }

    /** Reads one value from a result row. */
    @FunctionalInterface
    private interface Column<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** One value per row of a query with one id parameter. */
    private static <T> List<T> column(Connection conn, String sql, long id, Column<T> column) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setLong(1, id);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(column.read(rs));
                }
            }
            return out;
        }
    }

    private static Optional<FeedRecord> one(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(row(rs)) : Optional.empty();
        }
    }

    private static FeedRecord row(ResultSet rs) throws SQLException {
        return new FeedRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), Duration.ofSeconds(rs.getInt(7)), instant(rs.getString(8)), instant(rs.getString(9)),
                rs.getString(10), rs.getInt(11), rs.getInt(12), instant(rs.getString(13)));
    }

    private static Instant instant(String s) {
        return s == null ? null : Instant.parse(s);
    }

    private static String text(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
