package dev.precis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatementsCommandTest {

    private static final String ARTICLE = """
            Harbour tunnel to open in May

            No time to read? Get a summary

            The city council approved the last payment for the harbour tunnel on Tuesday.

            “The tunnel will cut the trip to the airport in half,” Mayor Anna Berg said.

            Engineers said that the final tests would start next week.

            Previous Article
            Floods close the coastal road
            """;

    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void jsonOffsetsPointIntoTheArticleText() throws Exception {
        Path file = dir.resolve("tunnel.txt");
        Files.writeString(file, ARTICLE, StandardCharsets.UTF_8);
        Result r = run("statements", "--format", "json", file.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode o = Json.MAPPER.readTree(r.out().strip());
        assertEquals(file.toString(), o.get("input").asText());
        JsonNode list = o.get("statements");
        assertEquals(2, list.size());
        JsonNode first = list.get(0);
        assertEquals("Anna Berg", first.get("speaker").asText());
        assertEquals("Mayor", first.get("role").asText());
        assertEquals("say", first.get("cue_lemma").asText());
        assertEquals("direct", first.get("kind").asText());
        String text = new dev.precis.article.PlainTextReader().read(ARTICLE).text();
        int s = first.get("content_span").get(0).asInt();
        int e = first.get("content_span").get(1).asInt();
        assertEquals(first.get("content").asText(), text.substring(s, e));
        JsonNode second = list.get(1);
        assertEquals("indirect", second.get("kind").asText());
        assertEquals("Engineers", second.get("speaker_mention").asText());
        assertFalse(r.out().contains("Previous Article") || r.out().contains("Floods close"));
    }

    @Test
    void textFormatNamesSpeakerRoleAndCue() throws Exception {
        Path file = dir.resolve("tunnel.txt");
        Files.writeString(file, ARTICLE, StandardCharsets.UTF_8);
        Result r = run("statements", file.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Anna Berg (Mayor) — said: “The tunnel will cut"), r.out());
        assertTrue(r.out().contains("Engineers — said: that the final tests would start next week"), r.out());
        assertFalse(r.out().contains("summary"));
    }

    @Test
    void markdownFormatAndSeveralInputs() throws Exception {
        Path a = dir.resolve("a.txt");
        Path b = dir.resolve("b.txt");
        Files.writeString(a, ARTICLE, StandardCharsets.UTF_8);
        Files.writeString(b, "Police said the road would reopen on Friday morning.\n", StandardCharsets.UTF_8);
        Result md = run("statements", "--format", "markdown", a.toString(), b.toString());
        assertEquals(0, md.code(), md.err());
        assertTrue(md.out().contains("- **Anna Berg** (Mayor) — said: “The tunnel"), md.out());
        assertTrue(md.out().contains("<!-- " + b + " -->"));
        Result json = run("statements", "--format", "json", a.toString(), b.toString());
        String[] lines = json.out().strip().split("\n");
        assertEquals(2, lines.length);
        assertEquals(b.toString(), Json.MAPPER.readTree(lines[1]).get("input").asText());
    }

    @Test
    void badInputGivesOneLineErrorAndTheRestGoesOn() throws Exception {
        Path good = dir.resolve("good.txt");
        Files.writeString(good, ARTICLE, StandardCharsets.UTF_8);
        Result r = run("statements", dir.resolve("missing.txt").toString(), good.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertEquals(1, r.err().strip().split("\n").length, r.err());
        assertTrue(r.err().startsWith("precis: " + dir.resolve("missing.txt")), r.err());
        assertTrue(r.out().contains("Anna Berg"));
    }
}
