package dev.precis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SummarizeCommandTest {

    private static final String ARTICLE = """
            Valley Rail Line Opens

            No time to read? Get a summary

            The new Valley rail line opened on Saturday, linking Corran and Mirefield in forty minutes.
            Thousands of passengers rode the first trains, and the operator added carriages by noon.
            Transport minister Hana Ostrova said the line would cut road traffic in the valley by a fifth.
            Critics said the fares were too high for daily commuters.
            The operator promised a review of fares within six months.

            Previous Article
            Harbour Festival Draws Crowds
            """;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void jsonGivesSentencesWithOffsetsIntoTheArticleText() throws Exception {
        Path file = write("rail.txt", ARTICLE);
        CliRun run = CliRun.of("summarize", "--format", "json", "--sentences", "2", file.toString());
        assertEquals(0, run.exit(), run.err());
        JsonNode o = Json.MAPPER.readTree(run.out().strip());
        assertEquals("Valley Rail Line Opens", o.get("title").asText());
        assertEquals(5, o.get("sentences_total").asInt());
        assertEquals(2, o.get("summary").size());
        String body = dev.precis.Precis.read(ARTICLE).text();
        for (JsonNode s : o.get("summary")) {
            assertEquals(s.get("text").asText(), body.substring(s.get("start").asInt(), s.get("end").asInt()));
        }
        assertFalse(run.out().contains("Get a summary"));
        assertFalse(run.out().contains("Harbour Festival"));
    }

    @Test
    void wordLimitIsNeverExceeded() throws Exception {
        Path file = write("rail.txt", ARTICLE);
        CliRun run = CliRun.of("summarize", "--format", "json", "--words", "30", file.toString());
        assertEquals(0, run.exit(), run.err());
        JsonNode o = Json.MAPPER.readTree(run.out().strip());
        int words = 0;
        for (JsonNode s : o.get("summary")) {
            words += s.get("text").asText().split("\\s+").length;
        }
        assertTrue(words <= 30 && words > 0, "words: " + words);
    }

    @Test
    void severalInputsGiveOneJsonLineEachWithTheInput() throws Exception {
        Path a = write("a.txt", ARTICLE);
        Path b = write("b.md", "# Dam Report\n\nEngineers found **cracks** in the dam. Repairs start in May.");
        CliRun run = CliRun.of("summarize", "--format", "json", a.toString(), b.toString());
        assertEquals(0, run.exit(), run.err());
        String[] lines = run.out().strip().split("\n");
        assertEquals(2, lines.length);
        assertEquals(b.toString(), Json.MAPPER.readTree(lines[1]).get("input").asText());
        assertEquals("Dam Report", Json.MAPPER.readTree(lines[1]).get("title").asText());
    }

    @Test
    void everyAlgorithmRuns() throws Exception {
        Path file = write("rail.txt", ARTICLE);
        for (String algorithm : new String[] {"precis", "lead", "textrank", "lexrank"}) {
            CliRun run = CliRun.of("summarize", "--algorithm", algorithm, file.toString());
            assertEquals(0, run.exit(), algorithm + ": " + run.err());
            assertEquals(3, run.out().strip().split("\n").length - 2, algorithm + ": " + run.out());
        }
        CliRun bad = CliRun.of("summarize", "--algorithm", "magic", file.toString());
        assertEquals(ExitCodes.BAD_INPUT, bad.exit());
        assertTrue(bad.err().contains("unknown algorithm 'magic'"));
    }

    @Test
    void badInputsGetOneLineAndANonZeroExit() throws Exception {
        Path empty = write("empty.txt", "  \n\n");
        Path binary = dir.resolve("image.txt");
        Files.write(binary, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 1, 2, 3});
        Path latin1 = dir.resolve("latin1.txt");
        Files.write(latin1, "Caf\u00e9 au lait".getBytes(StandardCharsets.ISO_8859_1));
        Path[] cases = {empty, binary, latin1, dir, dir.resolve("missing.txt")};
        String[] problems = {"is empty", "binary", "not valid UTF-8", "is a folder", "no such file"};
        for (int i = 0; i < cases.length; i++) {
            CliRun run = CliRun.of("summarize", cases[i].toString());
            assertNotEquals(0, run.exit());
            assertEquals(1, run.err().strip().lines().count(), run.err());
            assertTrue(run.err().contains(cases[i].toString()) && run.err().contains(problems[i]), run.err());
            assertFalse(run.err().contains("Exception"), run.err());
        }
    }

    @Test
    void aHugeInputIsRefusedWithoutReadingItAll() throws Exception {
        Path huge = dir.resolve("huge.txt");
        byte[] line = "The committee met again and talked about the budget for the year.\n".getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(huge)) {
            for (long written = 0; written < 50L * 1024 * 1024; written += line.length) {
                out.write(line);
            }
        }
        CliRun run = CliRun.of("summarize", huge.toString());
        assertEquals(ExitCodes.BAD_INPUT, run.exit());
        assertTrue(run.err().contains("is larger than 16 MB"), run.err());
    }

    @Test
    void aGzipBombIsRefusedAtTheSizeLimit() throws Exception {
        Path bomb = dir.resolve("bomb.html.gz");
        try (OutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(bomb))) {
            out.write("<html><body><p>".getBytes(StandardCharsets.UTF_8));
            byte[] filler = new byte[1 << 20];
            java.util.Arrays.fill(filler, (byte) 'a');
            for (int i = 0; i < 64; i++) {
                out.write(filler);
            }
        }
        assertTrue(Files.size(bomb) < 200_000);
        CliRun run = CliRun.of("summarize", bomb.toString());
        assertEquals(ExitCodes.BAD_INPUT, run.exit());
        assertEquals(List.of("precis: " + bomb + ": is larger than 16 MB"), run.errLines());
    }

    @Test
    void oneBadInputDoesNotStopTheOthers() throws Exception {
        Path good = write("good.txt", ARTICLE);
        CliRun run = CliRun.of("summarize", dir.resolve("nope.txt").toString(), good.toString());
        assertEquals(ExitCodes.BAD_INPUT, run.exit());
        assertTrue(run.out().contains("Valley Rail Line Opens"));
        assertTrue(run.err().contains("nope.txt: no such file"));
    }

    @Test
    void helpDescribesTheCommand() {
        CliRun run = CliRun.of("summarize", "--help");
        assertEquals(0, run.exit());
        assertTrue(run.out().contains("--sentences") && run.out().contains("--ratio") && run.out().contains("--format"));
    }
}
