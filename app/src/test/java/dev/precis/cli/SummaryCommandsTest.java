package dev.precis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.precis.summary.PrecisSummarizer;
import dev.precis.summary.SentenceFeatures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SummaryCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
        JsonNode last() throws Exception {
            String[] lines = out.strip().split("\n");
            return JSON.readTree(lines[lines.length - 1]);
        }
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    private Path dataset() throws Exception {
        String[] towns = {"Alder", "Birch", "Cedar", "Dunmore", "Elmwood", "Fernley"};
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < towns.length; i++) {
            String lead = "The council of " + towns[i] + " approved a new library on Monday.";
            String body = lead + " The weather was grey. The library will open in " + (2030 + i)
                    + " and hold forty thousand books. A local choir sang outside the hall. The library costs"
                    + " two million pounds, paid by the council.";
            lines.add(JSON.writeValueAsString(Map.of("id", "x" + i, "text", body,
                    "references", List.of(lead + "\nThe library costs two million pounds."))));
        }
        Path file = dir.resolve("tiny.jsonl");
        Files.write(file, lines);
        return file;
    }

    @Test
    void evalSummariesPrintsTheJsonLastLine() throws Exception {
        Run r = run("eval", "summaries", "--data", dataset().toString(), "--algorithm", "lead", "--sentences", "2", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode o = r.last();
        assertEquals(6, o.get("articles").asInt());
        assertEquals("lead", o.get("algorithm").asText());
        for (String key : List.of("rouge1", "rouge2", "rougeL", "rougeLsum")) {
            double f1 = o.get(key).get("f1").asDouble();
            assertTrue(f1 > 0 && f1 <= 1, key + " " + f1);
            assertTrue(o.get(key).has("p") && o.get(key).has("r"));
        }
        assertTrue(o.get("ms_per_article").get("p95").asDouble() >= o.get("ms_per_article").get("median").asDouble());
        assertTrue(o.get("articles_per_second").asDouble() > 0);
    }

    @Test
    void evalSummariesTableAndBadInput() throws Exception {
        Run table = run("eval", "summaries", "--data", dataset().toString(), "--words", "20");
        assertEquals(0, table.code(), table.err());
        assertTrue(table.out().contains("ROUGE-Lsum"));
        Run missing = run("eval", "summaries", "--data", dir.resolve("nope.jsonl").toString());
        assertEquals(ExitCodes.BAD_INPUT, missing.code());
        assertEquals(1, missing.err().strip().lines().count(), missing.err());
    }

    @Test
    void trainSummarizerWritesLoadableWeightsAndCrossValidates() throws Exception {
        Path out = dir.resolve("weights.properties");
        Run r = run("train", "summarizer", "--data", dataset() + "@sentences=2,weight=2", "--folds", "2",
                "--out", out.toString(), "--without", "quote", "--json");
        assertEquals(0, r.code(), r.err());
        double[] w = PrecisSummarizer.readWeights(Files.newBufferedReader(out));
        assertEquals(SentenceFeatures.COUNT, w.length);
        assertTrue(Files.readString(out).startsWith("# Weights of the default summarizer"));
        JsonNode o = r.last();
        assertEquals(2, o.get("folds").asInt());
        assertEquals(6, o.get("cross_validated").get(0).get("articles").asInt());
        assertEquals(0.0, o.get("weights").get("quote").asDouble());
        Run bad = run("train", "summarizer", "--data", dataset() + "@ratio=abc", "--out", out.toString());
        assertEquals(ExitCodes.BAD_INPUT, bad.code());
        assertTrue(bad.err().contains("not a number"), bad.err());
    }
}
