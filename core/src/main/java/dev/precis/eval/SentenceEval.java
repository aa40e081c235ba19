package dev.precis.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precis.text.SentenceSplitter;
import dev.precis.text.Span;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures sentence splitting against datasets whose reference summaries are sentences of the
 * article (BBC News Summary): the share of reference sentences that equal, both trimmed, exactly
 * one sentence of the split. Reference sentences that do not occur verbatim in the text cannot be
 * judged and are counted apart.
 */
public final class SentenceEval {

    /**
     * The figures.
     *
     * @param articles           articles read
     * @param referenceSentences reference sentences judged
     * @param excluded           reference sentences not found verbatim in their article
     * @param exact              share of judged sentences that match one split sentence exactly
     * @param misses             a few reference sentences that were not matched, for diagnosis
     */
    public record Result(int articles, int referenceSentences, int excluded, double exact, List<String> misses) {
    }

    private SentenceEval() {
    }

    /** Scores {@code splitter} on records with {@code text} and {@code references}. */
    public static Result run(List<JsonNode> records, SentenceSplitter splitter) {
        int judged = 0;
        int excluded = 0;
        int matched = 0;
        List<String> misses = new ArrayList<>();
        for (JsonNode record : records) {
            String text = Datasets.text(record, "text");
            if (text == null) {
                continue;
            }
            Map<String, Integer> split = new HashMap<>();
            for (Span s : splitter.split(text)) {
                split.merge(s.of(text).strip(), 1, Integer::sum);
            }
            for (JsonNode ref : record.path("references")) {
                for (String line : ref.asText().split("\n")) {
                    String sentence = line.strip();
                    if (sentence.isEmpty()) {
                        continue;
                    }
                    if (!text.contains(sentence)) {
                        excluded++;
                        continue;
                    }
                    judged++;
                    if (split.getOrDefault(sentence, 0) >= 1) {
                        matched++;
                    } else if (misses.size() < 50) {
                        misses.add(Datasets.text(record, "id") + ": " + sentence);
                    }
                }
            }
        }
        return new Result(records.size(), judged, excluded, judged == 0 ? 0 : (double) matched / judged, misses);
    }
}
