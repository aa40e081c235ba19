package dev.precis.summary;

import dev.precis.text.Doc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Turns sentence scores into a summary: takes sentences best-first while the length allows,
 * skips a sentence that repeats one already taken, and returns them in article order.
 */
public final class Selection {

    /** Content-word overlap (Jaccard) at and above which two sentences count as the same. */
    public static final double DEFAULT_REDUNDANCY = 0.6;

    private static final Selection STANDARD = new Selection(DEFAULT_REDUNDANCY);
    private static final Selection PLAIN = new Selection(2.0);

    private final double redundancy;

    private Selection(double redundancy) {
        this.redundancy = redundancy;
    }

    /** Best-first selection that never takes two near-duplicate sentences. */
    public static Selection standard() {
        return STANDARD;
    }

    /** Best-first selection with no redundancy check, for baselines that must stay literal. */
    public static Selection plain() {
        return PLAIN;
    }

    /** Chooses sentences of {@code doc} by {@code scores} within {@code length}. */
    public Summary select(String algorithm, Doc doc, double[] scores, Length length) {
        return select(algorithm, doc, redundancy <= 1 ? TermVectors.of(doc) : null, scores, length);
    }

    /** As {@link #select(String, Doc, double[], Length)}, reusing term vectors already built for {@code doc}. */
    public Summary select(String algorithm, Doc doc, TermVectors vectors, double[] scores, Length length) {
        int total = doc.sentenceCount();
        Integer[] order = new Integer[total];
        for (int i = 0; i < total; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -scores[i]).thenComparingInt(i -> i));
        int maxSentences = length.maxSentences(total);
        int wordBudget = length.maxWords();
        List<Integer> chosen = new ArrayList<>();
        int words = 0;
        for (int i : order) {
            if (chosen.size() >= maxSentences) {
                break;
            }
            int w = doc.wordCount(i);
            if (w == 0 || words + w > wordBudget) {
                continue;
            }
            if (redundancy <= 1 && repeats(vectors, chosen, i)) {
                continue;
            }
            chosen.add(i);
            words += w;
        }
        chosen.sort(null);
        List<SummarySentence> sentences = new ArrayList<>(chosen.size());
        for (int i : chosen) {
            var span = doc.sentence(i);
            sentences.add(new SummarySentence(i, span.start(), span.end(), doc.sentenceText(i), scores[i]));
        }
        return new Summary(algorithm, sentences, scores);
    }

    private boolean repeats(TermVectors vectors, List<Integer> chosen, int candidate) {
        for (int c : chosen) {
            if (vectors.jaccard(c, candidate) >= redundancy) {
                return true;
            }
        }
        return false;
    }
}
