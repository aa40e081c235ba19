package dev.precis.article.html;

import dev.precis.article.Article;

/**
 * What extraction made of one page: the article, and when its body is empty, why.
 *
 * @param article     the article; its text is empty when no body was found
 * @param emptyReason why the body is empty ("not HTML", "no article text found"…), or {@code null}
 */
public record Extraction(Article article, String emptyReason) {

    /** Whether a body was found. */
    public boolean found() {
        return emptyReason == null;
    }
}
