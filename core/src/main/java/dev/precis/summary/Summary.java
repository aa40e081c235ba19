package dev.precis.summary;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An extractive summary: sentences of the article, in article order, with the score of every
 * sentence of the article so a reader can highlight the summary in place.
 *
 * @param algorithm      name of the summarizer that made it
 * @param sentences      chosen sentences in article order
 * @param scores         score of each article sentence, indexed like the article's sentences
 */
public record Summary(String algorithm, List<SummarySentence> sentences, double[] scores) {

    public Summary {
        sentences = List.copyOf(sentences);
        scores = scores.clone();
    }

    /** Number of sentences in the article. */
    public int sentencesTotal() {
        return scores.length;
    }

    /** The summary as text, one sentence a line. */
    public String text() {
        return sentences.stream().map(SummarySentence::text).collect(Collectors.joining("\n"));
    }

    /** The score of article sentence {@code i}. */
    public double score(int i) {
        return scores[i];
    }

    @Override
    public double[] scores() {
        return scores.clone();
    }
}
