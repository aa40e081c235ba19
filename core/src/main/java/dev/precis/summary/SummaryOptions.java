package dev.precis.summary;

import dev.precis.text.Doc;

/**
 * Fluent, immutable summary settings: which algorithm and how long.
 *
 * <pre>{@code
 * Summary s = Precis.summarizer().algorithm("lexrank").words(60).summarize(text);
 * }</pre>
 */
public final class SummaryOptions {

    private final String algorithm;
    private final Length length;

    private SummaryOptions(String algorithm, Length length) {
        this.algorithm = algorithm;
        this.length = length;
    }

    /** The default algorithm, three sentences. */
    public static SummaryOptions defaults() {
        return new SummaryOptions(Summarizers.DEFAULT, Length.sentences(3));
    }

    /** Uses the algorithm called {@code name} (see {@link Summarizers#names()}). */
    public SummaryOptions algorithm(String name) {
        Summarizers.byName(name);
        return new SummaryOptions(name, length);
    }

    /** At most {@code n} sentences. */
    public SummaryOptions sentences(int n) {
        return new SummaryOptions(algorithm, Length.sentences(n));
    }

    /** At most {@code n} words, never cutting a sentence. */
    public SummaryOptions words(int n) {
        return new SummaryOptions(algorithm, Length.words(n));
    }

    /** {@code round(r × sentences)} sentences, at least one. */
    public SummaryOptions ratio(double r) {
        return new SummaryOptions(algorithm, Length.ratio(r));
    }

    /** Any length. */
    public SummaryOptions length(Length l) {
        return new SummaryOptions(algorithm, l);
    }

    /** The chosen length. */
    public Length length() {
        return length;
    }

    /** The chosen algorithm's name. */
    public String algorithm() {
        return algorithm;
    }

    /** Summarizes {@code text}; offsets refer to {@code text} as given. */
    public Summary summarize(String text) {
        return summarize(Doc.of(text));
    }

    /** Summarizes an analyzed text. */
    public Summary summarize(Doc doc) {
        return Summarizers.byName(algorithm).summarize(doc, length);
    }
}
