package dev.precis.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precis.eval.Datasets;
import dev.precis.summary.Length;
import dev.precis.summary.Summarizer;
import dev.precis.summary.Summarizers;
import dev.precis.summary.Summary;
import dev.precis.text.Doc;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.util.Statistics;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Time to summarize one news article, analysis included (text → {@link Doc} → three-sentence
 * summary), one thread, over the article texts of a JSONL dataset (cnndm-dev by default). Each
 * call takes the next article in file order, so the sample distribution (median, p95) is over
 * real articles. The {@code algorithm} parameter runs {@code precis} and {@code lead} in the same
 * run, so their ratio is measured on the same machine state.
 *
 * <p>Run: {@code java -jar bench/target/precis-bench.jar Summarize} (see bench/README.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class SummarizeBenchmark {

    /** JSONL file whose {@code text} fields are summarized; relative paths resolve from the working folder. */
    @Param("../shared/data/summarization/cnndm-dev.jsonl")
    public String data;

    /** Summarizer name. */
    @Param({"precis", "lead"})
    public String algorithm;

    private List<String> texts;
    private Summarizer summarizer;
    private final Length length = Length.sentences(3);
    private int next;

    @Setup(Level.Trial)
    public void load() throws IOException {
        String path = System.getProperty("precis.bench.data", data);
        texts = new ArrayList<>();
        for (JsonNode record : Datasets.readJsonl(Path.of(path))) {
            String text = Datasets.text(record, "text");
            if (text != null) {
                texts.add(text);
            }
        }
        if (texts.isEmpty()) {
            throw new IllegalStateException(path + " holds no texts");
        }
        summarizer = Summarizers.byName(algorithm);
    }

    /**
     * Runs the benchmark for both algorithms and prints median and p95 per article and the
     * precis/lead ratio. Argument: the JSONL file (default as {@link #data}).
     */
    public static void main(String[] args) throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder().include(SummarizeBenchmark.class.getName() + ".summarize");
        if (args.length > 0) {
            options = options.param("data", args[0]);
        }
        Map<String, Statistics> byAlgorithm = new TreeMap<>();
        for (RunResult r : new Runner(options.build()).run()) {
            byAlgorithm.put(r.getParams().getParam("algorithm"), r.getPrimaryResult().getStatistics());
        }
        for (var e : byAlgorithm.entrySet()) {
            System.out.printf(Locale.ROOT, "%-8s median %7.1f us   p95 %7.1f us   samples %d%n", e.getKey(),
                    e.getValue().getPercentile(50), e.getValue().getPercentile(95), e.getValue().getN());
        }
        Statistics precis = byAlgorithm.get("precis");
        Statistics lead = byAlgorithm.get("lead");
        if (precis != null && lead != null) {
            System.out.printf(Locale.ROOT, "precis/lead  median %.2fx   p95 %.2fx%n",
                    precis.getPercentile(50) / lead.getPercentile(50), precis.getPercentile(95) / lead.getPercentile(95));
        }
    }

    /** Analyzes and summarizes the next article. */
    @Benchmark
    public Summary summarize() {
        String text = texts.get(next);
        next = next + 1 == texts.size() ? 0 : next + 1;
        return summarizer.summarize(Doc.of(text), length);
    }
}
