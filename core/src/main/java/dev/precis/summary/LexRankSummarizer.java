package dev.precis.summary;

import dev.precis.text.Doc;

/**
 * LexRank (Erkan &amp; Radev, "LexRank: Graph-based Lexical Centrality as Salience in Text
 * Summarization", JAIR 2004), the continuous variant: edges are the TF-IDF cosine similarities
 * between sentences at or above the 0.1 threshold, and PageRank with damping 0.85 ranks them.
 * IDF is computed over the article's sentences, as single-document LexRank does.
 */
public final class LexRankSummarizer implements Summarizer {

    private static final double THRESHOLD = 0.1;
    private static final double DAMPING = 0.85;

    @Override
    public String name() {
        return "lexrank";
    }

    @Override
    public double[] score(Doc doc) {
        TermVectors v = TermVectors.of(doc);
        double[] idf = v.sentenceIdf(doc.termCount());
        int n = v.size();
        double[][] w = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double sim = v.cosine(i, j, idf);
                if (sim >= THRESHOLD) {
                    w[i][j] = sim;
                    w[j][i] = sim;
                }
            }
        }
        return Centrality.pageRank(w, DAMPING);
    }
}
