package dev.precis.summary;

import dev.precis.text.Doc;

/**
 * The first sentences of the article. News is written with the most important facts first, so
 * this "LEAD-N" baseline is hard to beat (See et al., 2017, report LEAD-3 above most systems on
 * CNN/DailyMail). No redundancy filter is applied, so it stays the literal baseline.
 */
public final class LeadSummarizer implements Summarizer {

    @Override
    public String name() {
        return "lead";
    }

    @Override
    public double[] score(Doc doc) {
        int n = doc.sentenceCount();
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            scores[i] = 1.0 / (i + 1);
        }
        return scores;
    }

    @Override
    public Summary summarize(Doc doc, Length length) {
        return Selection.plain().select(name(), doc, score(doc), length);
    }
}
