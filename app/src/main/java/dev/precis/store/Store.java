package dev.precis.store;

import java.util.List;
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

    @Override
    void close();
}
