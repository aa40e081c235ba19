package dev.precis.storydesk;

import dev.precis.article.Article;
import dev.precis.stories.Fingerprint;
import dev.precis.stories.Keyphrases;
import dev.precis.stories.Meaning;
import dev.precis.text.Doc;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * What story grouping needs of one article, computed where the article is analyzed (on the
 * analysis threads) so that the serial grouping step only compares and scores: the article, its
 * analysis, its near-duplicate fingerprint, its keyphrase candidates and its {@link Meaning}.
 *
 * @param articleId   store id, 0 until the article is stored (see {@link #stored})
 * @param article     the article
 * @param addedAt     when it was stored (ISO-8601 UTC); the day of an article without a usable
 *                    publication date
 * @param doc         the analysis of its text
 * @param fingerprint MinHash of its text
 * @param keyphrases  its keyphrase candidates, scored when it is grouped (with the idf learned then)
 * @param meaning     the sentence encoder's vector of its headline and lead, or null when both are blank
 */
public record StoryInput(long articleId, Article article, String addedAt, Doc doc, Fingerprint fingerprint,
                         Keyphrases.Candidates keyphrases, float[] meaning) {

    public StoryInput {
        Objects.requireNonNull(article, "article");
        Objects.requireNonNull(addedAt, "addedAt");
        Objects.requireNonNull(doc, "doc");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(keyphrases, "keyphrases");
    }

    /** The input of an article about to be stored now, from its analysis. */
    public static StoryInput of(Article article, Doc doc) {
        return of(0, article, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), doc);
    }

    /** The input of a stored article. */
    static StoryInput of(long articleId, Article article, String addedAt, Doc doc) {
        return new StoryInput(articleId, article, addedAt, doc, Fingerprint.of(doc),
                Keyphrases.candidates(doc, article.title()), Meaning.of(article.title(), article.text()));
    }

    /** The same input once the article is stored under {@code id}. */
    public StoryInput stored(long id) {
        return new StoryInput(id, article, addedAt, doc, fingerprint, keyphrases, meaning);
    }
}
