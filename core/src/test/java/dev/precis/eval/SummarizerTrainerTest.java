package dev.precis.eval;

import dev.precis.summary.Length;
import dev.precis.summary.SentenceFeatures;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SummarizerTrainerTest {

    private static final String[] TOPICS = {"bridge", "storm", "election", "harvest", "museum", "railway"};

    /** Small articles whose reference is the opening sentence and the sentence most about the topic. */
    static List<SummaryEval.Example> articles(int count) {
        List<SummaryEval.Example> out = new ArrayList<>();
        for (int a = 0; a < count; a++) {
            String topic = TOPICS[a % TOPICS.length];
            String lead = "Officials announced a plan about the " + topic + " in town number " + a + " today.";
            String core = "The " + topic + " plan covers the " + topic + " budget, the " + topic + " staff and the " + topic + " schedule.";
            String text = lead + " Weather was mild and people walked in the park on the hill.\n\n"
                    + "A spokesman read a long statement to reporters outside the hall. " + core
                    + " Nobody asked about the parking rules at the station. Critics said the " + topic + " plan came late.";
            out.add(new SummaryEval.Example("t" + a, text, List.of(lead + "\n" + core)));
        }
        return out;
    }

    @Test
    void fitsAnchoredWeightsAndReportsFullAndCrossValidatedFigures() {
        var data = List.of(new SummarizerTrainer.Dataset("tiny", articles(12), Length.sentences(2), 1));
        List<String> log = new ArrayList<>();
        var report = new SummarizerTrainer(Set.of("quote"), 2, log::add).run(data, 3);
        assertEquals(SentenceFeatures.COUNT, report.weights().length);
        assertEquals(1.0, report.weights()[SentenceFeatures.NAMES.indexOf("position.inverse")], "the anchor");
        assertEquals(0.0, report.weights()[SentenceFeatures.NAMES.indexOf("quote")], "held out by --without");
        assertEquals(1, report.full().size());
        assertEquals(1, report.crossValidated().size());
        assertEquals(12, report.crossValidated().get(0).articles(), "every article scored once across folds");
        var full = report.full().get(0);
        assertTrue(full.rouge1() > 0.5 && full.rouge1() <= 1, "fits the tiny set: " + full.rouge1());
        assertTrue(report.objective() > 0 && report.objective() <= 1);
        assertTrue(log.stream().anyMatch(l -> l.startsWith("fold 3/3")));
    }

    @Test
    void beatsTheLeadWhenTheReferenceIsNotTheLead() {
        var examples = articles(12);
        var data = List.of(new SummarizerTrainer.Dataset("tiny", examples, Length.sentences(2), 1));
        var report = new SummarizerTrainer(Set.of(), 2, l -> { }).run(data, 0);
        var lead = SummaryEval.run(examples, dev.precis.summary.Summarizers.byName("lead"), Length.sentences(2), 2);
        assertTrue(report.full().get(0).rouge1() > lead.rouge1().f1(),
                report.full().get(0).rouge1() + " vs lead " + lead.rouge1().f1());
        assertTrue(report.crossValidated().isEmpty());
    }

    @Test
    void rejectsUnknownFeaturesAndBadWeights() {
        assertThrows(IllegalArgumentException.class, () -> new SummarizerTrainer(Set.of("nope"), 1, l -> { }));
        assertThrows(IllegalArgumentException.class,
                () -> new SummarizerTrainer.Dataset("x", articles(1), Length.sentences(1), 0));
    }
}
