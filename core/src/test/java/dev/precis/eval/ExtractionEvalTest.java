package dev.precis.eval;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExtractionEvalTest {

    @Test
    void tokensAreRunsOfWordCharacters() {
        assertEquals(List.of("don", "t", "stop_now", "42", "Ünïcode", "½"), ExtractionEval.tokens("don't stop_now, 42 Ünïcode! ½"));
        // A combining mark (U+0301) separates tokens, as in Python's \w+.
        assertEquals(List.of("cafe", "x"), ExtractionEval.tokens("cafe\u0301x"));
        assertEquals(List.of("東京都"), ExtractionEval.tokens("東京都。"));
        assertEquals(List.of(), ExtractionEval.tokens(" — ... "));
    }

    @Test
    void shinglesAreFourTokenWindowsOrOneShortShingle() {
        Map<List<String>, Integer> s = ExtractionEval.shingles(List.of("a", "b", "c", "d", "a", "b", "c", "d"));
        assertEquals(5, s.values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(2, s.get(List.of("a", "b", "c", "d")));
        assertEquals(Map.of(List.of("a", "b"), 1), ExtractionEval.shingles(List.of("a", "b")));
        assertTrue(ExtractionEval.shingles(List.of()).isEmpty());
    }

    @Test
    void pageScoreByHand() {
        // gold: 6 tokens -> 3 shingles; prediction drops the last token and adds two: 
        // pred "one two three four five x y" -> shingles 1234, 2345, 345x, 45xy (4)
        // gold "one two three four five six" -> 1234, 2345, 3456 (3): TP 2, FP 2, FN 1
        ExtractionEval.PageScore s = ExtractionEval.page("one two three four five six", "one two three four five x y");
        assertEquals(0.5, s.precision(), 1e-12);
        assertEquals(2.0 / 3, s.recall(), 1e-12);
        assertTrue(s.predicted());
        assertFalse(s.exact());
    }

    @Test
    void exactMatchIgnoresPunctuationAndSpacingButNotCase() {
        ExtractionEval.PageScore s = ExtractionEval.page("Hello, world. It is\nfine today.", "Hello world — it is fine today!");
        assertFalse(s.exact());
        ExtractionEval.PageScore t = ExtractionEval.page("Hello, world. It is\nfine today.", "Hello world It is fine today");
        assertTrue(t.exact());
        assertEquals(1.0, t.precision());
        assertEquals(1.0, t.recall());
    }

    @Test
    void emptyPredictionCostsRecallNotPrecision() {
        ExtractionEval.PageScore empty = ExtractionEval.page("a b c d e", "");
        assertFalse(empty.predicted());
        assertEquals(0.0, empty.recall());
        ExtractionEval.PageScore half = ExtractionEval.page("a b c d e", "a b c d");
        // gold shingles abcd, bcde; predicted abcd: P 1, R 0.5
        ExtractionEval.Result r = ExtractionEval.corpus(List.of(empty, half), 10, new Random(1));
        assertEquals(1.0, r.precision(), 1e-12);
        assertEquals(0.25, r.recall(), 1e-12);
        assertEquals(2 * 1.0 * 0.25 / 1.25, r.f1(), 1e-12);
        assertEquals(0.0, r.accuracy());
    }

    @Test
    void f1IsTheHarmonicMeanOfMeansNotTheMeanOfF1s() {
        ExtractionEval.PageScore a = new ExtractionEval.PageScore(1.0, 0.2, true, false);
        ExtractionEval.PageScore b = new ExtractionEval.PageScore(0.2, 1.0, true, false);
        ExtractionEval.Result r = ExtractionEval.corpus(List.of(a, b), 50, new Random(2));
        assertEquals(0.6, r.f1(), 1e-12);
        assertTrue(r.f1Std() > 0);
    }
}
