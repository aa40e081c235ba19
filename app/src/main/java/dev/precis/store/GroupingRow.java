package dev.precis.store;

import dev.precis.article.Article;

/**
 * A stored article as story grouping reads it back: to restore the grouping after a restart
 * (with its membership), to group an article stored without one, or to regroup everything.
 *
 * @param articleId   store id
 * @param article     the article (its {@code id} is the store id as a string)
 * @param addedAt     when it was stored
 * @param storyId     its story, or 0 when it has none yet
 * @param position    when it was assigned, in assignment order (0 when it has no story)
 * @param duplicateOf the member it is a near-duplicate of, or {@code null}
 * @param keyphrases  its keyphrases with scores as stored with the membership (JSON), or {@code null}
 * @param meaning     its {@link dev.precis.stories.Meaning} vector as stored with the membership, or
 *                    {@code null} (not stored: kept before vectors were, or read without the membership)
 */
public record GroupingRow(long articleId, Article article, String addedAt, long storyId, long position,
                          Long duplicateOf, String keyphrases, float[] meaning) {
}
