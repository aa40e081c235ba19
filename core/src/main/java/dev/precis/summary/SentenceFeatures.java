package dev.precis.summary;

import dev.precis.text.Doc;

import java.util.List;

/**
 * The evidence the default summarizer weighs for each sentence of an article. Every feature is
 * computed from the article alone and scaled within it (by its largest value or its rank), so one
 * set of weights serves short and long articles, and cased and lower-cased text alike.
 *
 * <p>The features follow the literature on extractive news summarization: position priors (the
 * lead bias of news, Nenkova 2005), sentence length, lexical centrality (LexRank's TF-IDF cosine
 * graph, Erkan &amp; Radev 2004, and the centroid of Radev et al. 2004), overlap with the opening
 * sentence, topic-term density (frequent content words, after Lin &amp; Hovy 2000) and quotation
 * cues. {@link PrecisSummarizer} combines them linearly with weights learned by {@code precis train
 * summarizer}.
 */
public final class SentenceFeatures {

    /** Feature names, in column order. */
    public static final List<String> NAMES = List.of(
            "position.inverse",     // 1 / (i + 1)
            "position.first",       // 1 for the first sentence
            "position.content",     // 1 / (1 + earlier sentences of 8 words or more): skips bylines and datelines
            "position.relative",    // i / (n - 1): 0 at the start, 1 at the end
            "length.words",         // words / 30
            "length.squared",       // (words / 30)^2, lets the weights prefer a middle length
            "length.short",         // 1 for fewer than 8 words
            "length.relative",      // words / the article's longest sentence
            "centrality.lexrank",   // LexRank score / the article's highest
            "centrality.degree",    // sum of TF-IDF cosines to the other sentences / the highest
            "centrality.centroid",  // TF-IDF cosine with the whole article / the highest
            "lead.overlap",         // TF-IDF cosine with the first sentence (1 for the first)
            "topic.density",        // share of the sentence's content words that recur in the article
            "quote",                // holds a quotation mark
            "question",             // ends with a question mark
            // The same evidence scaled by the share of the article the summary may hold: a short
            // summary of a long article should be its lead, a long one should cover its centre.
            "share*position.inverse",
            "share*length.relative",
            "share*centrality.lexrank",
            "share*centrality.degree",
            "share*centrality.centroid",
            "share*lead.overlap");

    /** Columns that the {@code share*} features multiply, in the same order. */
    private static final int[] SCALED = {0, 7, 8, 9, 10, 11};
    private static final int FIRST_SCALED = 15;
    private static final int SUBSTANTIAL = 8;

    /** Number of features. */
    public static final int COUNT = NAMES.size();

    private static final double LEXRANK_THRESHOLD = 0.1;
    private static final double DAMPING = 0.85;

    private SentenceFeatures() {
    }

    /**
     * The share of {@code doc} that a summary of {@code length} may hold: sentences allowed over
     * sentences, or words allowed over words, at most 1.
     */
    public static double share(Doc doc, Length length) {
        int n = doc.sentenceCount();
        if (n == 0) {
            return 1;
        }
        if (length instanceof Length.Words w) {
            int total = 0;
            for (int i = 0; i < n; i++) {
                total += doc.wordCount(i);
            }
            return total == 0 ? 1 : Math.min(1.0, (double) w.n() / total);
        }
        return (double) length.maxSentences(n) / n;
    }

    /**
     * Row {@code i} holds the {@link #COUNT} features of sentence {@code i}, for a summary that
     * may hold {@code share} of the article (see {@link #share(Doc, Length)}).
     */
    public static double[][] of(Doc doc, TermVectors v, double share) {
        int n = doc.sentenceCount();
        double[][] f = new double[n][COUNT];
        if (n == 0) {
            return f;
        }
        double[] idf = v.sentenceIdf(doc.termCount());
        double[] norms = new double[n];
        for (int i = 0; i < n; i++) {
            norms[i] = v.norm(i, idf);
        }
        // One pass over the sentence pairs: degree and first-sentence overlap take every cosine,
        // the LexRank graph keeps those at or above its threshold.
        double[][] graph = new double[n][n];
        double[] degree = new double[n];
        double[] leadOverlap = new double[n];
        leadOverlap[0] = 1;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double s = v.cosine(i, j, idf, norms);
                degree[i] += s;
                degree[j] += s;
                if (i == 0) {
                    leadOverlap[j] = s;
                }
                if (s >= LEXRANK_THRESHOLD) {
                    graph[i][j] = s;
                    graph[j][i] = s;
                }
            }
        }
        double[] lexrank = Centrality.pageRank(graph, DAMPING);
        double[] centroid = v.centroidCosines(idf, norms);
        int[] termTotals = v.termTotals(doc.termCount());
        int[] words = new int[n];
        int maxWords = 1;
        for (int i = 0; i < n; i++) {
            words[i] = doc.wordCount(i);
            maxWords = Math.max(maxWords, words[i]);
        }
        int substantialBefore = 0;
        for (int i = 0; i < n; i++) {
            double[] row = f[i];
            row[0] = 1.0 / (i + 1);
            row[1] = i == 0 ? 1 : 0;
            row[2] = 1.0 / (1 + substantialBefore);
            row[3] = n == 1 ? 0 : (double) i / (n - 1);
            double w = words[i] / 30.0;
            row[4] = w;
            row[5] = w * w;
            row[6] = words[i] < SUBSTANTIAL ? 1 : 0;
            row[7] = (double) words[i] / maxWords;
            row[8] = lexrank[i];
            row[9] = degree[i];
            row[10] = centroid[i];
            row[11] = leadOverlap[i];
            row[12] = density(v, i, termTotals);
            row[13] = hasQuote(doc, i) ? 1 : 0;
            row[14] = endsWithQuestion(doc, i) ? 1 : 0;
            if (words[i] >= SUBSTANTIAL) {
                substantialBefore++;
            }
        }
        scaleByMax(f, 8);
        scaleByMax(f, 9);
        scaleByMax(f, 10);
        for (double[] row : f) {
            for (int k = 0; k < SCALED.length; k++) {
                row[FIRST_SCALED + k] = share * row[SCALED[k]];
            }
        }
        return f;
    }

    private static double density(TermVectors v, int s, int[] termTotals) {
        int[] terms = v.terms(s);
        int[] counts = v.counts(s);
        int total = 0;
        int recurring = 0;
        for (int k = 0; k < terms.length; k++) {
            total += counts[k];
            if (termTotals[terms[k]] > counts[k]) {
                recurring += counts[k];
            }
        }
        return total == 0 ? 0 : (double) recurring / total;
    }

    private static boolean hasQuote(Doc doc, int s) {
        for (int t = doc.firstToken(s); t < doc.endToken(s); t++) {
            if (!doc.isWord(t)) {
                String p = doc.norm(t);
                char c = p.charAt(0);
                if (c == '"' || c == '“' || c == '”' || p.equals("``") || p.equals("''")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean endsWithQuestion(Doc doc, int s) {
        for (int t = doc.endToken(s) - 1; t >= doc.firstToken(s); t--) {
            if (doc.isWord(t)) {
                return false;
            }
            if (doc.norm(t).equals("?")) {
                return true;
            }
        }
        return false;
    }

    private static void scaleByMax(double[][] f, int column) {
        double max = 0;
        for (double[] row : f) {
            max = Math.max(max, row[column]);
        }
        if (max > 0) {
            for (double[] row : f) {
                row[column] /= max;
            }
        }
    }
}
