package dev.precis.eval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RougeTest {

    private static final double EPS = 1e-12;
    private final Rouge plain = new Rouge(false);
    private final Rouge stemming = new Rouge(true);

    private static void assertPrf(double p, double r, double f, PrfScore score) {
        assertEquals(p, score.precision(), EPS, "precision");
        assertEquals(r, score.recall(), EPS, "recall");
        assertEquals(f, score.f1(), EPS, "f1");
    }

    @Test
    void identicalTextsScoreOne() {
        RougeScores s = plain.score("the cat sat", "the cat sat");
        assertPrf(1, 1, 1, s.r1());
        assertPrf(1, 1, 1, s.r2());
        assertPrf(1, 1, 1, s.rL());
        assertPrf(1, 1, 1, s.rLsum());
    }

    @Test
    void tokensAreLowercaseAlphanumericRuns() {
        assertEquals(List.of("obama", "s", "u", "s", "iran", "deal", "1", "5bn", "caf"),
                plain.tokens("Obama's U.S.-Iran deal: $1.5bn\ncafé!"));
        assertEquals(List.of(), plain.tokens(" -- / "));
    }

    @Test
    void stemsOnlyTokensLongerThanThreeCharacters() {
        assertEquals(List.of("it", "was", "his", "run", "runner", "cat"),
                stemming.tokens("It was his running runners cats"));
    }

    @Test
    void caseAndPunctuationDoNotMatter() {
        RougeScores s = plain.score("The Cat, sat.", "the cat sat");
        assertPrf(1, 1, 1, s.r1());
        assertPrf(1, 1, 1, s.rLsum());
    }

    @Test
    void repeatedUnigramsAndBigramsAreClipped() {
        // ref: the the cat; pred: the the the dog
        RougeScores s = plain.score("the the cat", "the the the dog");
        assertPrf(2.0 / 4, 2.0 / 3, 4.0 / 7, s.r1());     // "the" matches twice, not three times
        assertPrf(1.0 / 3, 1.0 / 2, 2.0 / 5, s.r2());     // "the the" once of its two in pred
        assertPrf(2.0 / 4, 2.0 / 3, 4.0 / 7, s.rL());     // LCS "the the"
        assertPrf(2.0 / 4, 2.0 / 3, 4.0 / 7, s.rLsum());
    }

    @Test
    void rougeLRewardsOrderAndRouge1DoesNot() {
        RougeScores s = plain.score("a b c d", "d c b a");
        assertPrf(1, 1, 1, s.r1());
        assertPrf(0, 0, 0, s.r2());
        assertPrf(0.25, 0.25, 0.25, s.rL());
    }

    @Test
    void stemmingMatchesInflectedForms() {
        assertPrf(0, 0, 0, plain.score("cats running", "cat runs").r1());
        RougeScores s = stemming.score("cats running", "cat runs");
        assertPrf(1, 1, 1, s.r1());
        assertPrf(1, 1, 1, s.r2());
        assertPrf(1, 1, 1, s.rL());
    }

    @Test
    void rougeLsumForgivesSentenceOrder() {
        RougeScores s = plain.score("a b c\nd e f", "d e f\na b c");
        assertPrf(0.5, 0.5, 0.5, s.rL());
        assertPrf(1, 1, 1, s.rLsum());
    }

    @Test
    void rougeLsumTakesTheUnionOverPredictionSentences() {
        // "a b c d" meets "a b" in the second prediction sentence and "c d" in the first
        RougeScores s = plain.score("a b c d", "c d y\na b x");
        assertPrf(2.0 / 6, 2.0 / 4, 0.4, s.rL());
        assertPrf(4.0 / 6, 1, 0.8, s.rLsum());
    }

    @Test
    void rougeLsumCountsEachPredictionTokenOnce() {
        // both reference sentences match "a b", but the prediction has only one a and one b
        RougeScores s = plain.score("a b\na b", "a b");
        assertPrf(1, 0.5, 2.0 / 3, s.rLsum());
        assertPrf(1, 1.0 / 3, 0.5, s.r2());
    }

    @Test
    void rougeLsumUsesTheSameLcsAsTheReferenceScorer() {
        // "a b" against "b a" has two LCSs, "a" and "b". Backtracking from the end picks "a",
        // which then uses up the prediction's only "a", so the second sentence scores nothing.
        // Picking "b" would have given 2 hits instead of 1.
        RougeScores s = plain.score("a b\na", "b a");
        assertPrf(1.0 / 2, 1.0 / 3, 0.4, s.rLsum());
    }

    @Test
    void emptyLinesAreDroppedForRougeLsum() {
        assertEquals(plain.score("a b\nc", "a c\nb"), plain.score("a b\n\n\nc\n", "\na c\n\nb"));
    }

    @Test
    void emptyOrPunctuationOnlyTextsScoreZero() {
        RougeScores zero = new RougeScores(PrfScore.ZERO, PrfScore.ZERO, PrfScore.ZERO, PrfScore.ZERO);
        assertEquals(zero, plain.score("the cat sat", ""));
        assertEquals(zero, plain.score("the cat sat", " / "));
        assertEquals(zero, plain.score("", "the cat sat"));
        assertEquals(zero, plain.score("", ""));
    }

    @Test
    void singleTokenPredictionHasNoBigrams() {
        RougeScores s = plain.score("testing one two", "testing");
        assertPrf(1, 1.0 / 3, 0.5, s.r1());
        assertPrf(0, 0, 0, s.r2());
    }

    @Test
    void multipleReferencesKeepTheBestReferencePerMeasure() {
        // against "cat the": R1 = 1, RL = 0.5; against "the dog cat": R1 = 0.8, RL = 0.8
        RougeScores s = plain.score(List.of("cat the", "the dog cat"), "the cat");
        assertPrf(1, 1, 1, s.r1());
        assertPrf(0, 0, 0, s.r2());
        assertPrf(1, 2.0 / 3, 0.8, s.rL());
        assertPrf(1, 2.0 / 3, 0.8, s.rLsum());
    }

    @Test
    void multipleReferencesBreakTiesByOrder() {
        // both references give R1 F1 = 2/3, one by precision and one by recall
        String longer = "the cat sat on";
        String shorter = "the";
        assertEquals(0.5, plain.score(List.of(longer, shorter), "the cat").r1().recall(), EPS);
        assertEquals(1.0, plain.score(List.of(shorter, longer), "the cat").r1().recall(), EPS);
    }

    @Test
    void needsAReference() {
        assertThrows(IllegalArgumentException.class, () -> plain.score(List.of(), "x"));
    }
}
