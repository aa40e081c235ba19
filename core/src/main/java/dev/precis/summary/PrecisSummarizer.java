package dev.precis.summary;

import dev.precis.text.Doc;

/**
 * The default summarizer: a news-aware blend of sentence position, lexical centrality and
 * sentence length.
 */
public final class PrecisSummarizer implements Summarizer {

    @Override
    public String name() {
        return "precis";
    }

    @Override
    public double[] score(Doc doc) {
        double[] central = new LexRankSummarizer().score(doc);
        int n = central.length;
        double max = 0;
        for (double c : central) {
            max = Math.max(max, c);
        }
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            double position = 1.0 / Math.sqrt(i + 1);
            double centrality = max == 0 ? 0 : central[i] / max;
            int words = doc.wordCount(i);
            double lengthFit = words < 6 ? 0.3 : 1.0;
            scores[i] = (0.7 * position + 0.3 * centrality) * lengthFit;
        }
        return scores;
    }
}
