package dev.precis.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonlLinesTest {

    private static List<String> lines(JsonlLines in) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line; (line = in.next()) != null; ) {
            out.add(in.tooLong() ? "<too long>" : line);
        }
        return out;
    }

    private static JsonlLines of(String text, int max) {
        return new JsonlLines(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), max);
    }

    @Test
    void endsLinesAsReadLineDoes() throws IOException {
        assertEquals(List.of("a", "b", "", "c", "d"), lines(of("a\nb\r\n\rc\rd", 100)));
        assertEquals(List.of("a", ""), lines(of("a\n\n", 100)));
        assertEquals(List.of(), lines(of("", 100)));
    }

    @Test
    void aLineOverTheCapIsReadThroughButNotKept() throws IOException {
        assertEquals(List.of("short", "<too long>", "after", "<too long>"), lines(of("short\n" + "x".repeat(50) + "\nafter\n" + "y".repeat(11), 10)));
        assertEquals(List.of("exactly10!"), lines(of("exactly10!", 10)));
    }

    @Test
    void bytesThatAreNotUtf8AreAnError() {
        JsonlLines in = new JsonlLines(new ByteArrayInputStream(new byte[]{'a', '\n', (byte) 0xC3, (byte) 0x28}), 100);
        assertThrows(CharacterCodingException.class, () -> lines(in));
    }

    @Test
    void aGzipBombOfOneEndlessLineIsSkippedAndTheRestIngested(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path bomb = dir.resolve("bomb.jsonl.gz");
        try (GZIPOutputStream gz = new GZIPOutputStream(Files.newOutputStream(bomb))) {
            gz.write("{\"text\":\"The ferry ran late because of fog.\"}\n{\"text\":\"".getBytes(StandardCharsets.UTF_8));
            byte[] filler = new byte[1 << 20];
            java.util.Arrays.fill(filler, (byte) 'a');
            for (int i = 0; i < (JsonlLines.MAX_CHARS >> 20) + 8; i++) {
                gz.write(filler);
            }
            gz.write("\"}\n{\"text\":\"The orchid bloomed in spring.\"}\n".getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(Files.size(bomb) < 200_000, "a small file");
        List<IngestItem> items = new ArrayList<>();
        IngestSources.read(bomb.toString(), items::add, null);
        assertEquals(3, items.size());
        assertEquals("The ferry ran late because of fog.", items.get(0).read().text());
        BadInputException skipped = assertThrows(BadInputException.class, () -> items.get(1).read());
        assertEquals(bomb + ":2: is longer than 16 MB; skipped", skipped.getMessage());
        assertEquals("The orchid bloomed in spring.", items.get(2).read().text());
    }
}
