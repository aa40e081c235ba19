package dev.precis.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Where Precis keeps what it has read: articles with their digests, statements, feeds and
 * stories. Two implementations share one schema (Flyway migrations): {@link SqliteStore}, an
 * embedded file, and {@link PostgresStore} for shared use. Open one with {@link Stores#open}.
 *
 * <p>Every method is safe to call from several threads; writes are serialized.
 */
public interface Store extends AutoCloseable {

    /** What this store is, for messages ("SQLite precis-data/precis.db"); never holds a password. */
    String describe();

    /**
     * Stores a batch of analyzed articles in one transaction: each article with its digest and
     * statements, or nothing at all if the transaction fails. An article whose normalized URL or
     * content hash is already stored (or earlier in the batch) is a duplicate; one whose
     * external id is taken by different content is rejected. Returns one outcome per article,
     * in order.
     */
    List<AddOutcome> add(List<AnalyzedArticle> batch);

    /**
     * Stores a batch as {@link #add} does and, in the same transaction, links each article stored
     * or found already stored to feed {@code feedId} as the entry at the same index of
     * {@code entryIds} (see {@link #linkFeedArticle}). A process killed at any moment leaves either
     * the articles with their links or neither, so no article from a feed is ever left unlinked.
     */
    List<AddOutcome> addFromFeed(long feedId, List<AnalyzedArticle> batch, List<String> entryIds);

    /** The article with store id {@code id}, with its digest. */
    Optional<StoredArticle> article(long id);

    /** Articles newest first. */
    List<ArticleRow> articles(int limit, int offset);

    /**
     * Articles matching {@code query}, best first, with highlighted snippets. Relevance ranks
     * at most {@link JdbcStore#MAX_RANKED} of the most recently stored matches, which bounds the
     * cost of words found in most articles; ties go to the newest. SQLite ranks the newest
     * matches by BM25 over title and text; PostgreSQL ranks the newest matches in title and lead
     * by {@code ts_rank} and lists matches found only further down the text after them, newest
     * first (see {@link PostgresStore}). A query of filters only lists by publication date.
     */
    List<SearchHit> search(SearchQuery query, int limit);

    /** Statements by a speaker (case-insensitive exact name), newest articles first. */
    List<StatementRow> statementsBy(String speaker, int limit);

    /** Subscribes to the feed at {@code url}; returns the existing subscription when the URL is already there. */
    FeedRecord addFeed(String url, String title, String siteUrl);

    /** All feed subscriptions, by id. */
    List<FeedRecord> feeds();

    /** The feed with store id {@code id}. */
    Optional<FeedRecord> feed(long id);

    /** Unsubscribes; the feed's articles stay. Returns whether there was such a feed. */
    boolean removeFeed(long id);

    /** Saves a feed's title, site and polling state (its URL and article count are not changed here). */
    void updateFeed(FeedRecord feed);

    /** The entry ids of {@code feedId} already linked to stored articles. */
    Set<String> feedEntryIds(long feedId);

    /** The article stored under {@code url} (compared normalized, as {@link ArticleUrl} does), if any. */
    OptionalLong articleIdByUrl(String url);

    /**
     * Records that article {@code articleId} came from feed {@code feedId} as entry {@code entryId}; an
     * article seen in several feeds is stored once and linked to each. Idempotent.
     */
    void linkFeedArticle(long feedId, long articleId, String entryId);

    /** The ids of the feeds article {@code articleId} came from. */
    List<Long> feedsOfArticle(long articleId);

    /** Counts and size. */
    StoreStats stats();

    // --- stories: kept by dev.precis.storydesk.StoryDesk as articles are stored ---

    /** Live stories (not merged away), latest member first. */
    List<StoryRow> stories(int limit, int offset);

    /** The story with id {@code id}, live or merged away (then {@link StoryRow#mergedInto()} says where to). */
    Optional<StoryRow> story(long id);

    /** The articles of a story, oldest first. */
    List<StoryMemberRow> storyMembers(long storyId);

    /** The story article {@code articleId} belongs to, if it was grouped. */
    OptionalLong storyOf(long articleId);

    /** Where the stored grouping stands: its version, last position and bounds. */
    StoryGroupingState storyGrouping();

    /**
     * Writes one grouping step in one transaction; returns the new grouping version.
     *
     * @throws StoryConflictException when the stored version is no longer {@code expectedVersion}
     *         (another process grouped meanwhile); nothing is written then
     */
    long saveStories(StoryChanges changes, long expectedVersion);

    /**
     * Replaces every story and membership with {@code all} in one transaction (a regrouping from
     * scratch); returns the new grouping version.
     *
     * @throws StoryConflictException when the stored version is no longer {@code expectedVersion}
     */
    long replaceStories(StoryChanges all, long expectedVersion);

    /**
     * Keeps the meaning vectors of members stored without one (before vectors were kept with the
     * memberships), by article id, so that the next restart reads them; a member that has one keeps
     * it. Does not change the grouping version: the vector is the article's, whatever its story.
     */
    void fillMeanings(Map<Long, float[]> byArticle);

    /**
     * Members of the live stories whose latest member is at or after {@code since} (an ISO day),
     * with their articles and stored meaning vectors, in assignment order after
     * ({@code afterPosition}, {@code afterArticle}), at most {@code limit}: the pages a restart replays.
     */
    List<GroupingRow> storyWindow(String since, long afterPosition, long afterArticle, int limit);

    /** Stored articles without a story, by id after {@code afterId}, at most {@code limit}. */
    List<GroupingRow> ungroupedArticles(long afterId, int limit);

    /** The given articles for grouping, in the order given. */
    List<GroupingRow> groupingRows(List<Long> articleIds);

    /** Which of the given articles already belong to a story. */
    Set<Long> groupedAmong(List<Long> articleIds);

    /** Every stored article's row, by id (for regrouping in date order). */
    List<ArticleRow> allArticles();

    @Override
    void close();
}
