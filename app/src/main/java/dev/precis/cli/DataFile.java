package dev.precis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precis.eval.Datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Loads an evaluation dataset named on the command line, with one-line errors. */
final class DataFile {

    private DataFile() {
    }

    static List<JsonNode> jsonl(Path file) {
        if (Files.isDirectory(file)) {
            throw new BadInputException(file.toString(), "is a folder; give a .jsonl file");
        }
        if (!Files.isReadable(file)) {
            throw new BadInputException(file.toString(), "no such file or not readable");
        }
        try {
            List<JsonNode> records = Datasets.readJsonl(file);
            if (records.isEmpty()) {
                throw new BadInputException(file.toString(), "has no records");
            }
            return records;
        } catch (IOException e) {
            throw new BadInputException(file.toString(), e.getMessage());
        }
    }
}
