package dev.precis.store.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Benchmark corpus for ingest and search: repeats the texts of a JSONL dataset (e.g. cnndm-dev)
 * with variations until it has N articles, written as ingest-ready JSONL outside the project.
 *
 * <p>Copy {@code k} of an article keeps its first sentence, shuffles the others with a seed of
 * {@code k} (so paragraphs and summaries differ), and ends with the sentence "This is edition k of
 * the report.", which makes every copy's normalized content distinct. Each copy gets its own URL,
 * one of ten fictional outlets and a date spread over 2024.
 *
 * <pre>java -cp app/target/precis.jar dev.precis.store.bench.BenchCorpus IN.jsonl N OUT.jsonl</pre>
 */
public final class BenchCorpus {

    private static final String[] OUTLETS = {"Elwin Gazette", "Velmar Post", "North Quay Herald", "Lisk Courier",
            "Fenmoor Times", "Orrin Ledger", "Tamsford Tribune", "Arnsby Observer", "Coldwater Chronicle", "Plateau Daily"};

    private BenchCorpus() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: BenchCorpus IN.jsonl N OUT.jsonl");
            System.exit(2);
        }
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> base = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                JsonNode n = json.readTree(line);
                if (n.hasNonNull("text") && !n.get("text").asText().isBlank()) {
                    base.add(n);
                }
            }
        }
        int n = Integer.parseInt(args[1]);
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[2]), StandardCharsets.UTF_8)) {
            for (int i = 0; i < n; i++) {
                int copy = i / base.size();
                JsonNode src = base.get(i % base.size());
                String id = src.hasNonNull("id") ? src.get("id").asText() : String.valueOf(i % base.size());
                ObjectNode o = json.createObjectNode();
                o.put("url", "https://bench.example/" + id + "/" + copy);
                o.put("source", OUTLETS[(i * 7 + copy) % OUTLETS.length]);
                o.put("title", src.hasNonNull("title") ? src.get("title").asText() + " (" + copy + ")" : null);
                o.put("date", "2024-" + String.format("%02d-%02d", 1 + i % 12, 1 + (i / 12) % 28));
                o.put("text", vary(src.get("text").asText(), copy));
                out.write(json.writeValueAsString(o));
                out.newLine();
            }
        }
    }

    /** Copy {@code k} of {@code text}: first sentence kept, the rest shuffled with seed k, an edition line appended. */
    static String vary(String text, int k) {
        List<String> sentences = new ArrayList<>(Arrays.asList(text.split("(?<=[.!?]) +(?=\\S)")));
        if (k > 0 && sentences.size() > 2) {
            Collections.shuffle(sentences.subList(1, sentences.size()), new Random(k));
        }
        StringBuilder sb = new StringBuilder();
        for (int s = 0; s < sentences.size(); s++) {
            sb.append(sentences.get(s).strip()).append(s % 4 == 3 ? "\n\n" : " ");
        }
        return sb.toString().strip() + "\n\nThis is edition " + k + " of the report.";
    }
}
