package dev.precis.store;

import dev.precis.article.Article;
import dev.precis.digest.Digest;

/**
 * An article as the store keeps it: the article (its {@code id} is the store id as a string),
 * its digest and bookkeeping.
 *
 * @param id          store id
 * @param article     the article
 * @param digest      its digest, with summary sentence texts cut from the article text
 * @param contentHash hash of the normalized text
 * @param addedAt     when it was stored (ISO-8601 UTC)
 */
public record StoredArticle(long id, Article article, Digest digest, String contentHash, String addedAt) {
}
