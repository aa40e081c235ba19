package dev.precis.stories;

import dev.precis.text.Span;

/**
 * A sentence of a story summary: a sentence of one member article, with where it comes from.
 *
 * @param articleId the member article
 * @param source    its outlet, or {@code null}
 * @param sentence  sentence index in the article's {@code Doc}
 * @param span      offsets into the article's text
 * @param text      the sentence
 * @param score     centrality with position prior, higher is more central
 */
public record StorySentence(String articleId, String source, int sentence, Span span, String text, double score) {
}
