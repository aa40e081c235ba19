package dev.precis.eval;

/**
 * The four ROUGE measures of one prediction against its reference(s).
 *
 * @param r1    ROUGE-1: clipped unigram overlap
 * @param r2    ROUGE-2: clipped bigram overlap
 * @param rL    ROUGE-L: longest common subsequence of the two texts as single sequences
 * @param rLsum ROUGE-Lsum: summary-level union LCS over newline-separated sentences; this is
 *              what CNN/DailyMail papers report as "ROUGE-L"
 */
public record RougeScores(PrfScore r1, PrfScore r2, PrfScore rL, PrfScore rLsum) {
}
