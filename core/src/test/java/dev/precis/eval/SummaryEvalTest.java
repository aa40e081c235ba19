package dev.precis.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.precis.summary.Length;
import dev.precis.summary.Summarizers;
import dev.precis.summary.Summary;
import dev.precis.summary.SummaryOptions;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SummaryEvalTest {

    private static final String FIRST = "The council approved the new bridge on Monday. Work starts in spring. "
            + "Residents had asked for it for years. The cost is twelve million pounds.";
    private static final String SECOND = "A storm closed the port overnight. Ferries stayed in the harbour. "
            + "Forecasters expect calmer weather by Friday.";

    private static List<SummaryEval.Example> dataset() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String jsonl = json.writeValueAsString(java.util.Map.of("id", "a", "text", FIRST, "references",
                List.of("The council approved the new bridge on Monday.\nWork starts in spring.")))
                + "\n" + json.writeValueAsString(java.util.Map.of("id", "b", "text", SECOND, "references",
                List.of("Ferries stayed in the harbour after a storm.")))
                + "\n" + "{\"id\": \"no-text\", \"references\": [\"x\"]}";
        List<com.fasterxml.jackson.databind.JsonNode> records = new java.util.ArrayList<>();
        for (String line : jsonl.split("\n")) {
            records.add(json.readTree(line));
        }
        return SummaryEval.examples(records);
    }

    @Test
    void recordsWithoutTextOrReferencesAreSkipped() throws Exception {
        List<SummaryEval.Example> examples = dataset();
        assertEquals(2, examples.size());
        assertEquals("a", examples.get(0).id());
    }

    @Test
    void leadTwoMatchesAnExtractiveReferenceExactly() throws Exception {
        SummaryEval.Example only = dataset().get(0);
        SummaryEval.Result r = SummaryEval.run(List.of(only), Summarizers.byName("lead"), Length.sentences(2), 2);
        assertEquals(1, r.articles());
        assertEquals("lead", r.algorithm());
        assertEquals(1.0, r.rouge1().f1(), 1e-12);
        assertEquals(1.0, r.rouge2().f1(), 1e-12);
        assertEquals(1.0, r.rougeLsum().f1(), 1e-12);
        assertEquals(1.0, r.rouge1().f1Low(), 1e-12, "one article: every resample is that article");
        assertTrue(r.medianMs() >= 0 && r.p95Ms() >= r.medianMs());
        assertTrue(r.articlesPerSecond() > 0);
    }

    @Test
    void meansArePerArticleAndTheIntervalHoldsTheMean() throws Exception {
        List<SummaryEval.Example> examples = dataset();
        SummaryEval.Result both = SummaryEval.run(examples, Summarizers.byName("lead"), Length.sentences(1), 1);
        Rouge rouge = new Rouge(true);
        double expected = 0;
        for (SummaryEval.Example e : examples) {
            Summary s = SummaryOptions.defaults().algorithm("lead").sentences(1).summarize(e.text());
            expected += rouge.score(e.references(), SummaryEval.lines(s)).r1().f1() / examples.size();
        }
        assertEquals(expected, both.rouge1().f1(), 1e-12);
        assertTrue(both.rouge1().f1Low() <= both.rouge1().f1() && both.rouge1().f1() <= both.rouge1().f1High());
        SummaryEval.Result again = SummaryEval.run(examples, Summarizers.byName("lead"), Length.sentences(1), 2);
        assertEquals(both.rouge1().f1Low(), again.rouge1().f1Low(), 0.0, "fixed seed: same interval");
    }

    @Test
    void summaryLinesAreOneSentenceEach() {
        Summary s = SummaryOptions.defaults().algorithm("lead").sentences(2).summarize("First line\nstill first. Second one.");
        assertEquals(2, SummaryEval.lines(s).split("\n").length);
    }

    @Test
    void percentileAndBootstrapBehave() {
        assertEquals(2.0, SummaryEval.percentile(new double[]{1, 2, 3}, 0.5), 1e-12);
        assertEquals(2.9, SummaryEval.percentile(new double[]{1, 2, 3}, 0.95), 1e-12);
        double[] ci = SummaryEval.bootstrap(new double[]{0, 1, 0, 1, 0, 1, 0, 1});
        assertTrue(ci[0] < 0.5 && 0.5 < ci[1]);
        assertThrows(IllegalArgumentException.class,
                () -> SummaryEval.run(List.of(), Summarizers.byName("lead"), Length.sentences(1), 1));
    }
}
