package dev.precis.eval;

import dev.precis.statements.Statement;
import dev.precis.text.Span;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class StatementEvalTest {

    private static Statement predicted(int start, int end, Span speaker, String cue) {
        return new Statement("x", null, speaker == null ? null : "x", speaker, cue, cue, null,
                "c", new Span(start, end), Statement.Kind.INDIRECT);
    }

    private static StatementEval.GoldQuote gold(int start, int end, Span speaker, String cue) {
        return new StatementEval.GoldQuote(new Span(start, end), speaker, speaker == null ? null : "x", cue);
    }

    @Test
    void lenientAndStrictThresholdsOnTheGoldSpanLength() {
        // gold 0..100; prediction covers 50 chars: lenient (0.5 >= 0.3) but not strict (< 0.8)
        StatementEval.Counts c = StatementEval.score(List.of(gold(0, 100, null, null)),
                List.of(predicted(50, 120, null, null)));
        assertEquals(1, c.lenient());
        assertEquals(0, c.strict());
        assertEquals(1.0, c.lenientScore().precision());
        assertEquals(1.0, c.lenientScore().recall());
        assertEquals(0.0, c.strictScore().f1());
    }

    @Test
    void ratioExactlyAtThresholdMatches() {
        StatementEval.Counts c = StatementEval.score(List.of(gold(0, 10, null, null)),
                List.of(predicted(7, 30, null, null), predicted(40, 50, null, null)));
        assertEquals(1, c.lenient()); // 3/10 = 0.3
        assertEquals(0.5, c.lenientScore().precision());
        assertEquals(1.0, c.lenientScore().recall());
    }

    @Test
    void longerPredictionsAreNotPenalizedByTheRatio() {
        StatementEval.Counts c = StatementEval.score(List.of(gold(10, 20, null, null)),
                List.of(predicted(0, 100, null, null)));
        assertEquals(1, c.strict());
    }

    @Test
    void eachPredictionMatchesOneGoldQuoteInDocumentOrder() {
        // one long prediction covers both gold quotes; the first gold quote (in document order) takes it
        List<StatementEval.GoldQuote> golds = List.of(gold(60, 100, null, null), gold(0, 50, null, null));
        List<Statement> preds = List.of(predicted(0, 100, null, null));
        assertArrayEquals(new int[]{0, -1}, StatementEval.match(
                List.of(golds.get(1), golds.get(0)), preds, StatementEval.LENIENT));
        StatementEval.Counts c = StatementEval.score(golds, preds);
        assertEquals(1, c.lenient());
        assertEquals(0.5, c.lenientScore().recall());
    }

    @Test
    void greedyChoiceTakesTheLargestOverlap() {
        List<StatementEval.GoldQuote> golds = List.of(gold(0, 100, null, null));
        List<Statement> preds = List.of(predicted(0, 40, null, null), predicted(30, 100, null, null));
        assertArrayEquals(new int[]{1}, StatementEval.match(golds, preds, StatementEval.LENIENT));
    }

    @Test
    void speakerAndCueMatchOverLenientPairs() {
        List<StatementEval.GoldQuote> golds = List.of(
                gold(0, 10, new Span(20, 25), "said"),
                gold(30, 40, new Span(50, 55), "Told"),
                gold(60, 70, null, ""),
                gold(200, 210, new Span(220, 230), "says"));
        List<Statement> preds = List.of(
                predicted(0, 10, new Span(24, 30), "Said"),
                predicted(30, 40, new Span(56, 60), "told"),
                predicted(60, 70, null, null));
        StatementEval.Counts c = StatementEval.score(golds, preds);
        assertEquals(3, c.lenient());
        assertEquals(2, c.speakerJudged()); // the unmatched 4th and the speakerless 3rd are not judged
        assertEquals(1, c.speakerMatched());
        assertEquals(2, c.cueJudged());
        assertEquals(2, c.cueMatched());
        assertEquals(0.5, c.speakerMatch());
        assertEquals(0.5, c.speakerMatchAnchored()); // no re-anchoring without the article text
        assertEquals(1.0, c.cueMatch());
        assertEquals(0.75, c.lenientScore().recall());
    }

    @Test
    void speakerSpanIsReAnchoredToTheWholeWordNearestTheCue() {
        String text = "Then there was the vote. \u201cIt passed,\u201d he said. Later he left.";
        int cue = text.indexOf("said");
        Span inThe = new Span(text.indexOf("the") + 1, text.indexOf("the") + 3); // "he" inside "the"
        Span anchored = StatementEval.anchor(text, "he", new Span(cue, cue + 4), inThe);
        assertEquals(new Span(cue - 3, cue - 1), anchored);
        assertEquals(inThe, StatementEval.anchor(text, "she", new Span(cue, cue + 4), inThe));
    }

    @Test
    void emptyPredictionsScoreZero() {
        StatementEval.Counts c = StatementEval.score(List.of(gold(0, 10, null, null)), List.of());
        assertEquals(0.0, c.lenientScore().f1());
        assertEquals(0.0, c.speakerMatch());
    }
}
