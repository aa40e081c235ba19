package dev.precis.store;

import java.util.List;
import java.util.Optional;

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
     * the {@link JdbcStore#MAX_RANKED} most recently stored matches, which bounds the cost of
     * words found in most articles; a query of filters only lists by publication date.
     */
    List<SearchHit> search(SearchQuery query, int limit);

    /** Statements by a speaker (case-insensitive exact name), newest articles first. */
    List<StatementRow> statementsBy(String speaker, int limit);

    /** Counts and size. */
    StoreStats stats();

    @Override
    void close();
}
