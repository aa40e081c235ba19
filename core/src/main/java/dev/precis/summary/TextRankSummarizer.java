package dev.precis.summary;

import dev.precis.text.Doc;

/**
 * TextRank sentence extraction (Mihalcea &amp; Tarau, "TextRank: Bringing Order into Texts",
 * EMNLP 2004): sentences are vertices, edges weigh the content words two sentences share
 * normalized by their lengths, {@code |Si ∩ Sj| / (log|Si| + log|Sj|)}, and PageRank with damping
 * 0.85 ranks them.
 */
public final class TextRankSummarizer implements Summarizer {

    private static final double DAMPING = 0.85;

    @Override
    public String name() {
        return "textrank";
    }

    @Override
    public double[] score(Doc doc) {
        TermVectors v = TermVectors.of(doc);
        int n = v.size();
        double[][] w = new double[n][n];
        for (int i = 0; i < n; i++) {
            int li = v.terms(i).length;
            for (int j = i + 1; j < n; j++) {
                int lj = v.terms(j).length;
                int shared = v.sharedTerms(i, j);
                if (shared == 0 || li < 2 && lj < 2) {
                    continue;
                }
                double denom = Math.log(li) + Math.log(lj);
                double sim = denom <= 0 ? 0 : shared / denom;
                w[i][j] = sim;
                w[j][i] = sim;
            }
        }
        return Centrality.pageRank(w, DAMPING);
    }
}
