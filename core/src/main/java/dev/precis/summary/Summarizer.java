package dev.precis.summary;

import dev.precis.text.Doc;

/**
 * Chooses the sentences of an article that best give its gist. Implementations score every
 * sentence; {@link Selection} turns scores into a summary of the asked length.
 */
public interface Summarizer {

    /** The name users select the algorithm by ("lead", "textrank", …). */
    String name();

    /** One score per sentence of {@code doc}; higher means more worth including. */
    double[] score(Doc doc);

    /** The summary of {@code doc} within {@code length}. */
    default Summary summarize(Doc doc, Length length) {
        return Selection.standard().select(name(), doc, score(doc), length);
    }
}
