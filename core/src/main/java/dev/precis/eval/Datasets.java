package dev.precis.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the JSONL evaluation files: one JSON object a line, blank lines ignored.
 */
public final class Datasets {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Datasets() {
    }

    /**
     * All records of a JSONL file, in file order.
     *
     * @throws IOException when the file cannot be read, or with the line number when a line is not JSON
     */
    public static List<JsonNode> readJsonl(Path file) throws IOException {
        List<JsonNode> records = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int lineNo = 0;
            for (String line; (line = reader.readLine()) != null; ) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    records.add(JSON.readTree(line));
                } catch (IOException e) {
                    throw new IOException("line " + lineNo + " is not valid JSON", e);
                }
            }
        }
        return records;
    }

    /** A field as text, or {@code null} when missing or JSON null. */
    public static String text(JsonNode record, String field) {
        JsonNode v = record.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
