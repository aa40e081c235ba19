package dev.precis.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.precis.article.Article;
import dev.precis.stories.Meaning;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The SQL of stories, their memberships and the grouping state, the same for both databases.
 * Writes run inside the caller's transaction.
 */
final class StoryTable {

    /** Ids per {@code IN (…)} list, well below every driver's parameter limit. */
    static final int CHUNK = 500;

    private static final String COLUMNS = "id, label, keyphrases, article_count, first_seen, last_seen, merged_into, related, revision";
    private static final String ARTICLE = "a.url, a.source, a.title, a.byline, a.published, a.language, a.image, a.text, a.added_at";

    private StoryTable() {
    }

    static StoryGroupingState state(Connection conn) throws SQLException {
        long version;
        long position;
        try (PreparedStatement ps = conn.prepareStatement("SELECT version, position FROM story_grouping WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            version = rs.getLong(1);
            position = rs.getLong(2);
        }
        long maxId;
        try (PreparedStatement ps = conn.prepareStatement("SELECT coalesce(max(id), 0) FROM stories");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            maxId = rs.getLong(1);
        }
        String latest;
        try (PreparedStatement ps = conn.prepareStatement("SELECT max(last_seen) FROM stories WHERE merged_into IS NULL");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            latest = rs.getString(1);
        }
        return new StoryGroupingState(version, position, maxId, latest);
    }

    /** Bumps the version if it is still {@code expected}; returns the new version. */
    private static long claim(Connection conn, long expected, long position) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "UPDATE story_grouping SET version = version + 1, position = ? WHERE id = 1 AND version = ?")) {
            ps.setLong(1, position);
            ps.setLong(2, expected);
            if (ps.executeUpdate() == 0) {
                throw new StoryConflictException("the stories were changed by another process since they were read");
            }
        }
        return expected + 1;
    }

    static long save(Connection conn, StoryChanges changes, long expected) throws SQLException {
        long version = claim(conn, expected, changes.position());
        upsert(conn, changes.stories(), version);
        try (PreparedStatement pointers = conn.prepareStatement("UPDATE stories SET merged_into = ? WHERE merged_into = ?");
             PreparedStatement moves = conn.prepareStatement("UPDATE story_articles SET story_id = ? WHERE story_id = ?")) {
            for (StoryRow s : changes.stories()) {
                if (!s.isLive()) {
                    pointers.setLong(1, s.mergedInto());
                    pointers.setLong(2, s.id());
                    pointers.addBatch();
                    moves.setLong(1, s.mergedInto());
                    moves.setLong(2, s.id());
                    moves.addBatch();
                }
            }
            pointers.executeBatch();
            moves.executeBatch();
        }
        try (PreparedStatement ps = conn.prepareStatement("UPDATE story_articles SET story_id = ? WHERE article_id = ?")) {
            for (StoryChanges.Move m : changes.moves()) {
                ps.setLong(1, m.storyId());
                ps.setLong(2, m.articleId());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        insertMembers(conn, changes.memberships());
        try (PreparedStatement ps = conn.prepareStatement("UPDATE story_articles SET duplicate_of = ? WHERE article_id = ?")) {
            for (StoryChanges.Duplicate d : changes.duplicates()) {
                setId(ps, 1, d.duplicateOf());
                ps.setLong(2, d.articleId());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return version;
    }

    static long replace(Connection conn, StoryChanges all, long expected) throws SQLException {
        long version = claim(conn, expected, all.position());
        try (Statement st = conn.createStatement()) {
            st.executeUpdate("DELETE FROM story_articles");
            st.executeUpdate("UPDATE stories SET merged_into = NULL WHERE merged_into IS NOT NULL");
            st.executeUpdate("DELETE FROM stories");
        }
        upsert(conn, all.stories(), version);
        insertMembers(conn, all.memberships());
        return version;
    }

    /** Live stories first, so that the stories merged away can point at them. */
    private static void upsert(Connection conn, List<StoryRow> stories, long version) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("""
                INSERT INTO stories (id, label, keyphrases, article_count, first_seen, last_seen, merged_into, related, revision)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET label = coalesce(excluded.label, stories.label),
                    keyphrases = excluded.keyphrases, article_count = excluded.article_count,
                    first_seen = excluded.first_seen, last_seen = excluded.last_seen,
                    merged_into = excluded.merged_into, related = excluded.related, revision = excluded.revision""")) {
            for (boolean live : new boolean[]{true, false}) {
                for (StoryRow s : stories) {
                    if (s.isLive() != live) {
                        continue;
                    }
                    ps.setLong(1, s.id());
                    ps.setString(2, s.label());
                    ps.setString(3, DigestJson.write(s.keyphrases()));
                    ps.setInt(4, s.articleCount());
                    ps.setString(5, s.firstSeen());
                    ps.setString(6, s.lastSeen());
                    setId(ps, 7, s.mergedInto());
                    ps.setString(8, DigestJson.write(s.related()));
                    ps.setLong(9, version);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    private static void insertMembers(Connection conn, List<StoryChanges.Membership> members) throws SQLException {
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        try (PreparedStatement ps = conn.prepareStatement("""
                INSERT INTO story_articles (story_id, article_id, score, added_at, position, duplicate_of, keyphrases, meaning)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            int n = 0;
            for (StoryChanges.Membership m : members) {
                ps.setLong(1, m.storyId());
                ps.setLong(2, m.articleId());
                ps.setDouble(3, m.score());
                ps.setString(4, now);
                ps.setLong(5, m.position());
                setId(ps, 6, m.duplicateOf());
                ps.setString(7, m.keyphrases() == null ? "[]" : m.keyphrases());
                setMeaning(ps, 8, m.meaning());
                ps.addBatch();
                if (++n % 1000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    /** Binds an id, or SQL NULL for none. */
    private static void setId(PreparedStatement ps, int index, Long id) throws SQLException {
        if (id == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, id);
        }
    }

    /** Binds a meaning vector as bytes, or SQL NULL for none. */
    private static void setMeaning(PreparedStatement ps, int index, float[] meaning) throws SQLException {
        if (meaning == null) {
            ps.setNull(index, Types.BINARY);
        } else {
            ps.setBytes(index, Meaning.bytes(meaning));
        }
    }

    /**
     * Stores the meaning vectors of members kept without a readable one (stored before vectors
     * were), by article id; a member that has one keeps it.
     */
    static void fillMeanings(Connection conn, Map<Long, float[]> byArticle) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("UPDATE story_articles SET meaning = ?"
                + " WHERE article_id = ? AND (meaning IS NULL OR length(meaning) <> ?)")) {
            for (Map.Entry<Long, float[]> e : byArticle.entrySet()) {
                setMeaning(ps, 1, e.getValue());
                ps.setLong(2, e.getKey());
                ps.setInt(3, Meaning.BYTES);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static List<StoryRow> live(Connection conn, int limit, int offset) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT " + COLUMNS
                + " FROM stories WHERE merged_into IS NULL ORDER BY last_seen DESC, id DESC LIMIT ? OFFSET ?")) {
            ps.setInt(1, limit);
            ps.setInt(2, offset);
            return rows(ps);
        }
    }

    static long liveCount(Connection conn) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT count(*) FROM stories WHERE merged_into IS NULL");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static Optional<StoryRow> byId(Connection conn, long id) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT " + COLUMNS + " FROM stories WHERE id = ?")) {
            ps.setLong(1, id);
            List<StoryRow> rows = rows(ps);
            return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
        }
    }

    static List<StoryMemberRow> members(Connection conn, long storyId) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("""
                SELECT sa.story_id, sa.article_id, a.title, a.source, a.published, a.url, a.added_at, sa.score, sa.duplicate_of
                FROM story_articles sa JOIN articles a ON a.id = sa.article_id
                WHERE sa.story_id = ? ORDER BY coalesce(a.published, a.added_at), a.id""")) {
            ps.setLong(1, storyId);
            List<StoryMemberRow> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long dup = rs.getLong(9);
                    Long duplicateOf = rs.wasNull() ? null : dup;
                    out.add(new StoryMemberRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getDouble(8), duplicateOf));
                }
            }
            return out;
        }
    }

    static OptionalLong storyOf(Connection conn, long articleId) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT story_id FROM story_articles WHERE article_id = ?")) {
            ps.setLong(1, articleId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    static List<GroupingRow> window(Connection conn, String since, long afterPosition, long afterArticle, int limit)
            throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT a.id, " + ARTICLE + """
                , sa.story_id, sa.position, sa.duplicate_of, sa.keyphrases, sa.meaning
                FROM story_articles sa JOIN stories s ON s.id = sa.story_id JOIN articles a ON a.id = sa.article_id
                WHERE s.merged_into IS NULL AND s.last_seen >= ?
                  AND (sa.position > ? OR sa.position = ? AND sa.article_id > ?)
                ORDER BY sa.position, sa.article_id LIMIT ?""")) {
            ps.setString(1, since);
            ps.setLong(2, afterPosition);
            ps.setLong(3, afterPosition);
            ps.setLong(4, afterArticle);
            ps.setInt(5, limit);
            return groupingRows(ps, true);
        }
    }

    static List<GroupingRow> ungrouped(Connection conn, long afterId, int limit) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT a.id, " + ARTICLE
                + " FROM articles a WHERE a.id > ? AND NOT EXISTS (SELECT 1 FROM story_articles sa WHERE sa.article_id = a.id)"
                + " ORDER BY a.id LIMIT ?")) {
            ps.setLong(1, afterId);
            ps.setInt(2, limit);
            return groupingRows(ps, false);
        }
    }

    /** The given articles, in the order given (ids not stored are left out). */
    static List<GroupingRow> articles(Connection conn, List<Long> ids) throws SQLException {
        Map<Long, GroupingRow> byId = new HashMap<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> part = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            try (PreparedStatement ps = conn.prepareStatement("SELECT a.id, " + ARTICLE + " FROM articles a WHERE a.id IN ("
                    + String.join(", ", Collections.nCopies(part.size(), "?")) + ")")) {
                for (int i = 0; i < part.size(); i++) {
                    ps.setLong(i + 1, part.get(i));
                }
                groupingRows(ps, false).forEach(r -> byId.put(r.articleId(), r));
            }
        }
        List<GroupingRow> out = new ArrayList<>(ids.size());
        for (long id : ids) {
            GroupingRow r = byId.get(id);
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }

    static Set<Long> grouped(Connection conn, List<Long> articleIds) throws SQLException {
        Set<Long> out = new HashSet<>();
        for (int from = 0; from < articleIds.size(); from += CHUNK) {
            List<Long> part = articleIds.subList(from, Math.min(articleIds.size(), from + CHUNK));
            try (PreparedStatement ps = conn.prepareStatement("SELECT article_id FROM story_articles WHERE article_id IN ("
                    + String.join(", ", Collections.nCopies(part.size(), "?")) + ")")) {
                for (int i = 0; i < part.size(); i++) {
                    ps.setLong(i + 1, part.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getLong(1));
                    }
                }
            }
        }
        return out;
    }

    static List<ArticleRow> allArticles(Connection conn) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT id, title, source, published, url, added_at FROM articles ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            List<ArticleRow> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new ArticleRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6)));
            }
            return out;
        }
    }

    private static List<GroupingRow> groupingRows(PreparedStatement ps, boolean membership) throws SQLException {
        List<GroupingRow> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long id = rs.getLong(1);
                Article a = new Article(String.valueOf(id), rs.getString(2), rs.getString(3), rs.getString(4),
                        DigestJson.strings(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9));
                String added = rs.getString(10);
                if (!membership) {
                    out.add(new GroupingRow(id, a, added, 0, 0, null, null, null));
                    continue;
                }
                long dup = rs.getLong(13);
                Long duplicateOf = rs.wasNull() ? null : dup;
                out.add(new GroupingRow(id, a, added, rs.getLong(11), rs.getLong(12), duplicateOf, rs.getString(14),
                        meaning(rs.getBytes(15))));
            }
        }
        return out;
    }

    /** A stored vector, or {@code null} when there is none or it is not {@link Meaning#BYTES} long (then it is encoded again). */
    private static float[] meaning(byte[] stored) {
        return stored == null || stored.length != Meaning.BYTES ? null : Meaning.fromBytes(stored);
    }

    private static List<StoryRow> rows(PreparedStatement ps) throws SQLException {
        List<StoryRow> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long into = rs.getLong(7);
                Long mergedInto = rs.wasNull() ? null : into;
                out.add(new StoryRow(rs.getLong(1), rs.getString(2), DigestJson.strings(rs.getString(3)), rs.getInt(4),
                        rs.getString(5), rs.getString(6), mergedInto, ids(rs.getString(8)), rs.getLong(9)));
            }
        }
        return out;
    }

    private static List<Long> ids(String json) {
        try {
            return DigestJson.MAPPER.readValue(json, new TypeReference<List<Long>>() { });
        } catch (JsonProcessingException e) {
            throw new StoreException("stored list of story ids is not readable: " + e.getOriginalMessage(), e);
        }
    }
}
