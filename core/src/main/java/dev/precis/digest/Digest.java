package dev.precis.digest;

import dev.precis.summary.Summary;

import java.util.List;
import java.util.Objects;

/**
 * What Precis keeps about an article besides its text: the extractive summary (with the score
 * of every sentence, so any length can be re-cut later), who said what, a near-duplicate
 * fingerprint and keyphrases. Computed once per article by {@link Digester} and stored with it.
 *
 * @param summary     the default summary with all sentence scores
 * @param statements  statements found in the article, in text order (empty until a statement
 *                    extractor is plugged into the {@link Digester})
 * @param fingerprint 64-bit SimHash of the body's word shingles, see {@link SimHash}
 * @param keyphrases  the article's most characteristic terms, best first
 */
public record Digest(Summary summary, List<Statement> statements, long fingerprint, List<String> keyphrases) {

    public Digest {
        Objects.requireNonNull(summary, "summary");
        statements = statements == null ? List.of() : List.copyOf(statements);
        keyphrases = keyphrases == null ? List.of() : List.copyOf(keyphrases);
    }

    /**
     * One thing someone said, as a span of the article text.
     *
     * @param speaker who said it, as named in the text (may be {@code null} when unknown)
     * @param kind    how it is reported, e.g. {@code direct} or {@code indirect}
     * @param start   UTF-16 offset of the statement in the article text
     * @param end     end offset (exclusive)
     * @param text    the statement's words
     */
    public record Statement(String speaker, String kind, int start, int end, String text) {
    }
}
