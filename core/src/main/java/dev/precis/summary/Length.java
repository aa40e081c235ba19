package dev.precis.summary;

/**
 * How long a summary may be: a number of sentences, a number of words, or a share of the
 * article's sentences. Summaries never cut a sentence; a word limit is met by choosing
 * sentences that fit.
 */
public sealed interface Length {

    /** At most {@code n} sentences. */
    record Sentences(int n) implements Length {
        public Sentences {
            if (n < 1) {
                throw new IllegalArgumentException("sentences must be at least 1, got " + n);
            }
        }
    }

    /** At most {@code n} words in total. */
    record Words(int n) implements Length {
        public Words {
            if (n < 1) {
                throw new IllegalArgumentException("words must be at least 1, got " + n);
            }
        }
    }

    /** {@code round(ratio × sentences)} sentences, at least one. */
    record Ratio(double ratio) implements Length {
        public Ratio {
            if (!(ratio > 0 && ratio <= 1)) {
                throw new IllegalArgumentException("ratio must be in (0, 1], got " + ratio);
            }
        }
    }

    /** At most {@code n} sentences. */
    static Length sentences(int n) {
        return new Sentences(n);
    }

    /** At most {@code n} words. */
    static Length words(int n) {
        return new Words(n);
    }

    /** A share of the article's sentences. */
    static Length ratio(double r) {
        return new Ratio(r);
    }

    /** The most sentences this length allows for an article of {@code total} sentences. */
    default int maxSentences(int total) {
        return switch (this) {
            case Sentences s -> Math.min(s.n(), total);
            case Words w -> total;
            case Ratio r -> Math.min(total, Math.max(1, (int) Math.round(r.ratio() * total)));
        };
    }

    /** The word budget, or {@link Integer#MAX_VALUE} when only sentences count. */
    default int maxWords() {
        return this instanceof Words w ? w.n() : Integer.MAX_VALUE;
    }
}
