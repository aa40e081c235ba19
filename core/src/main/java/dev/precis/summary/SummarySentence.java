package dev.precis.summary;

/**
 * One sentence of a summary: its index among the article's sentences, its span in the article
 * text and the score that chose it.
 */
public record SummarySentence(int index, int start, int end, String text, double score) {
}
