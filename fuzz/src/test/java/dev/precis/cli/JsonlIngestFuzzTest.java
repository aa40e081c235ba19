package dev.precis.cli;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.precis.article.Article;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSONL reader of {@code precis ingest}: a file's bytes, line by line, each line into an
 * article (a {@code "text"} record, or a {@code {"url","html"}} page through the extractor). The
 * one expected rejection is {@link BadInputException}, whose message must be one line naming the
 * file and line, without control characters (it goes to a terminal). Checked: every line yields at most one item, named after its line.
 */
class JsonlIngestFuzzTest {

    private static final Path FILE = file();

    private static Path file() {
        try {
            Path dir = Files.createTempDirectory("precis-fuzz-jsonl");
            dir.toFile().deleteOnExit();
            return dir.resolve("dump.jsonl");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest
    @DictionaryEntries({"{\"text\":\"", "{\"url\":\"https://news.example.test/a\",\"html\":\"", "\"title\":",
            "\"byline\":[", "\"published\":", "\"date\":", "\"source\":", "\"id\":", "\"language\":", "\"image\":",
            "null", "true", "1e999", "\\u0000", "\\ud800", "\\\"", "<p>", "}", "]"})
    void ingest(byte[] dump) throws IOException {
        Files.write(FILE, dump);
        List<IngestItem> items = new ArrayList<>();
        IngestSources.read(FILE.toString(), items::add, null);
        long lines = dump.length == 0 ? 0 : new String(dump, java.nio.charset.StandardCharsets.ISO_8859_1)
                .lines().count();
        if (items.size() > lines + 1) {
            throw new AssertionError(items.size() + " items from " + lines + " lines");
        }
        for (IngestItem item : items) {
            if (!item.name.startsWith(FILE + ":")) {
                throw new AssertionError("an item not named after its line: " + item.name);
            }
            try {
                Article article = item.read();
                if (article.text() == null) {
                    throw new AssertionError("an article without a body");
                }
            } catch (BadInputException expected) {
                String message = expected.getMessage();
                if (message == null || !message.startsWith(item.name + ": ")
                        || message.chars().anyMatch(Character::isISOControl)) {
                    throw new AssertionError("not one line of plain text naming the input: " + message, expected);
                }
            }
        }
    }
}
