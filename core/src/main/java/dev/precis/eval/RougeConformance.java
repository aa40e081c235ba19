package dev.precis.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.precis.text.PorterStemmer;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks {@link Rouge} and {@link PorterStemmer} against expected outputs of the reference
 * implementations ({@code rouge-score} and NLTK), kept in the shared summarization data
 * directory rather than in the repository:
 * <ul>
 *   <li>{@code rouge-test-vectors.jsonl}: per case a {@code target} and {@code prediction},
 *       expected {@code p}/{@code r}/{@code f} of rouge1, rouge2, rougeL and rougeLsum without
 *       ({@code nostem}) and with ({@code stem}) stemming, and {@code target_tokens_stemmed}
 *       (the first 60 tokens of the stemmed target);</li>
 *   <li>{@code porter-nltk-stems.tsv}: {@code word<TAB>stem} lines after a header.</li>
 * </ul>
 * A vector passes when every score is within {@value #TOLERANCE} and the stemmed tokens are
 * equal. It is a separate runner, not a unit test, so that the build does not need the data.
 */
public final class RougeConformance {

    /** Largest accepted difference between an expected and a computed score. */
    public static final double TOLERANCE = 1e-9;

    private static final String VECTORS = "rouge-test-vectors.jsonl";
    private static final String STEMS = "porter-nltk-stems.tsv";
    private static final int FAILURES_KEPT = 10;
    private static final String[] MEASURES = {"rouge1", "rouge2", "rougeL", "rougeLsum"};
    /** The vectors list at most this many stemmed target tokens; longer targets are cut. */
    private static final int LISTED_TOKENS_CAP = 60;

    private RougeConformance() {
    }

    /**
     * What a check found.
     *
     * @param vectorsPassed  ROUGE test vectors that matched in every respect
     * @param vectorsTotal   ROUGE test vectors read
     * @param stemsPassed    words whose stem matched
     * @param stemsTotal     words read
     * @param largestDeviation largest |expected - computed| over all scores checked
     * @param failures       descriptions of the first few mismatches
     */
    public record Report(int vectorsPassed, int vectorsTotal, int stemsPassed, int stemsTotal,
                         double largestDeviation, List<String> failures) {

        /** Whether everything matched (and something was checked). */
        public boolean passed() {
            return vectorsPassed == vectorsTotal && stemsPassed == stemsTotal
                    && vectorsTotal > 0 && stemsTotal > 0;
        }

        /** One line, e.g. {@code rouge conformance: 38/38 vectors, 6070/6070 stems}. */
        public String summary() {
            return "rouge conformance: %d/%d vectors, %d/%d stems"
                    .formatted(vectorsPassed, vectorsTotal, stemsPassed, stemsTotal);
        }
    }

    /**
     * Runs both checks on the files in {@code summarizationDataDir}.
     *
     * @throws IOException if a file is missing or unreadable
     */
    public static Report check(Path summarizationDataDir) throws IOException {
        List<String> failures = new ArrayList<>();
        Rouge plain = new Rouge(false);
        Rouge stemming = new Rouge(true);
        ObjectMapper json = new ObjectMapper();

        int vectorsPassed = 0;
        int vectorsTotal = 0;
        double largestDeviation = 0;
        int lineNumber = 0;
        try (BufferedReader in = Files.newBufferedReader(summarizationDataDir.resolve(VECTORS), StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                vectorsTotal++;
                JsonNode vector = json.readTree(line);
                String where = "%s:%d (%s)".formatted(VECTORS, lineNumber, vector.path("case").asText());
                String target = vector.get("target").asText();
                String prediction = vector.get("prediction").asText();
                List<String> problems = new ArrayList<>();
                for (Rouge rouge : List.of(plain, stemming)) {
                    String mode = rouge.stems() ? "stem" : "nostem";
                    RougeScores scores = rouge.score(target, prediction);
                    PrfScore[] computed = {scores.r1(), scores.r2(), scores.rL(), scores.rLsum()};
                    for (int m = 0; m < MEASURES.length; m++) {
                        JsonNode expected = vector.path(mode).path(MEASURES[m]);
                        double[] want = {expected.path("p").asDouble(Double.NaN),
                                expected.path("r").asDouble(Double.NaN), expected.path("f").asDouble(Double.NaN)};
                        double[] got = {computed[m].precision(), computed[m].recall(), computed[m].f1()};
                        for (int k = 0; k < 3; k++) {
                            double deviation = Math.abs(want[k] - got[k]);
                            if (!(deviation <= TOLERANCE)) {
                                problems.add("%s %s %s expected %s got %s".formatted(
                                        mode, MEASURES[m], "prf".charAt(k), want[k], got[k]));
                            } else {
                                largestDeviation = Math.max(largestDeviation, deviation);
                            }
                        }
                    }
                }
                List<String> expectedTokens = new ArrayList<>();
                vector.path("target_tokens_stemmed").forEach(token -> expectedTokens.add(token.asText()));
                List<String> tokens = stemming.tokens(target);
                boolean tokensMatch = expectedTokens.size() < LISTED_TOKENS_CAP
                        ? tokens.equals(expectedTokens)
                        : tokens.size() >= expectedTokens.size()
                                && tokens.subList(0, expectedTokens.size()).equals(expectedTokens);
                if (!tokensMatch) {
                    problems.add("stemmed tokens expected " + expectedTokens + " got " + tokens);
                }
                if (problems.isEmpty()) {
                    vectorsPassed++;
                } else if (failures.size() < FAILURES_KEPT) {
                    failures.add(where + ": " + String.join("; ", problems));
                }
            }
        }

        int stemsPassed = 0;
        int stemsTotal = 0;
        lineNumber = 0;
        try (BufferedReader in = Files.newBufferedReader(summarizationDataDir.resolve(STEMS), StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNumber++;
                if (line.isBlank() || (lineNumber == 1 && line.startsWith("word\t"))) {
                    continue;
                }
                stemsTotal++;
                int tab = line.indexOf('\t');
                String word = tab < 0 ? line : line.substring(0, tab);
                String expected = tab < 0 ? "" : line.substring(tab + 1);
                String stem = PorterStemmer.stem(word);
                if (stem.equals(expected)) {
                    stemsPassed++;
                } else if (failures.size() < FAILURES_KEPT) {
                    failures.add("%s:%d: %s expected %s got %s".formatted(STEMS, lineNumber, word, expected, stem));
                }
            }
        }
        return new Report(vectorsPassed, vectorsTotal, stemsPassed, stemsTotal, largestDeviation, List.copyOf(failures));
    }

    /**
     * Prints the one-line result, then any failures; exits 1 on a mismatch, 2 on bad usage or
     * unreadable data.
     *
     * @param args the summarization data directory, e.g. {@code ../shared/data/summarization}
     */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: RougeConformance <summarization data dir>");
            System.exit(2);
        }
        Report report;
        try {
            report = check(Path.of(args[0]));
        } catch (IOException e) {
            System.err.println("rouge conformance: cannot read data: " + e);
            System.exit(2);
            return;
        }
        System.out.println(report.summary());
        report.failures().forEach(failure -> System.out.println("  " + failure));
        if (!report.passed()) {
            System.exit(1);
        }
    }
}
