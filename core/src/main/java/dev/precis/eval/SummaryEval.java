package dev.precis.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precis.summary.Length;
import dev.precis.summary.Summarizer;
import dev.precis.summary.Summary;
import dev.precis.summary.SummarySentence;
import dev.precis.text.Doc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Scores a summarizer on a dataset of articles with reference summaries, the way summarization
 * papers do: the dataset's {@code text} is the article body as given, the summary's sentences are
 * joined with newlines, and stemmed ROUGE F1 is averaged over articles. Each mean comes with a
 * 95 % percentile bootstrap interval (1,000 resamples of the articles, fixed seed, so reruns
 * print the same interval).
 *
 * <p>Speed is measured per article as the time from text to summary (analysis included), after an
 * untimed warm-up pass over the first {@value #WARM_UP} articles so the figures describe compiled
 * code rather than the JIT's first minutes. Articles run on all cores; throughput is articles over
 * the wall time of the timed run (summary and scoring).
 */
public final class SummaryEval {

    /** Bootstrap resamples for the confidence intervals. */
    public static final int RESAMPLES = 1000;
    private static final long SEED = 20_040_707L;
    /** Articles summarized, untimed, before timing starts. */
    public static final int WARM_UP = 100;

    /** One article to summarize and the summaries to compare with. */
    public record Example(String id, String text, List<String> references) {
        public Example {
            references = List.copyOf(references);
        }
    }

    /**
     * Mean precision, recall and F1 of one ROUGE measure over the articles, with the 95 %
     * bootstrap interval of the mean F1.
     */
    public record Measure(double precision, double recall, double f1, double f1Low, double f1High) {
    }

    /**
     * The figures of one run.
     *
     * @param articles          articles scored
     * @param algorithm         summarizer name
     * @param rouge1            ROUGE-1
     * @param rouge2            ROUGE-2
     * @param rougeL            ROUGE-L
     * @param rougeLsum         ROUGE-Lsum
     * @param medianMs          median milliseconds per article, text to summary
     * @param p95Ms             95th percentile of the same
     * @param articlesPerSecond articles over the wall time of the run (all cores)
     * @param threads           threads used
     */
    public record Result(int articles, String algorithm, Measure rouge1, Measure rouge2, Measure rougeL,
                         Measure rougeLsum, double medianMs, double p95Ms, double articlesPerSecond, int threads) {
    }

    private record Scored(RougeScores scores, long nanos) {
    }

    private SummaryEval() {
    }

    /**
     * The examples of JSONL records with {@code text} and {@code references} (a list of strings,
     * sentences separated by newlines). Records without text or references are skipped.
     */
    public static List<Example> examples(List<JsonNode> records) {
        List<Example> examples = new ArrayList<>(records.size());
        for (JsonNode record : records) {
            String text = Datasets.text(record, "text");
            List<String> references = new ArrayList<>();
            record.path("references").forEach(r -> references.add(r.asText()));
            if (text != null && !references.isEmpty()) {
                examples.add(new Example(Datasets.text(record, "id"), text, references));
            }
        }
        return examples;
    }

    /** Runs {@code summarizer} at {@code length} on every example, using {@code threads} threads. */
    public static Result run(List<Example> examples, Summarizer summarizer, Length length, int threads) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("no articles to evaluate");
        }
        Rouge rouge = new Rouge(true);
        int n = examples.size();
        Scored[] scored = new Scored[n];
        for (int i = 0; i < Math.min(n, WARM_UP); i++) {
            summarizer.summarize(Doc.of(examples.get(i).text()), length);
        }
        long wallStart = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> jobs = new ArrayList<>();
            int chunk = Math.max(1, n / (threads * 8));
            for (int from = 0; from < n; from += chunk) {
                int lo = from;
                int hi = Math.min(n, from + chunk);
                jobs.add(pool.submit(() -> {
                    for (int i = lo; i < hi; i++) {
                        scored[i] = scoreOne(examples.get(i), summarizer, length, rouge);
                    }
                }));
            }
            for (Future<?> job : jobs) {
                job.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("evaluation failed: " + e.getCause(), e.getCause());
        }
        double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
        double[] ms = new double[n];
        List<RougeScores> scores = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ms[i] = scored[i].nanos() / 1e6;
            scores.add(scored[i].scores());
        }
        Arrays.sort(ms);
        return new Result(n, summarizer.name(),
                measure(scores, RougeScores::r1), measure(scores, RougeScores::r2),
                measure(scores, RougeScores::rL), measure(scores, RougeScores::rLsum),
                percentile(ms, 0.5), percentile(ms, 0.95), n / wallSeconds, threads);
    }

    /** Summarizes one example (timed: analysis and summary) and scores it against its references. */
    private static Scored scoreOne(Example example, Summarizer summarizer, Length length, Rouge rouge) {
        long start = System.nanoTime();
        Summary summary = summarizer.summarize(Doc.of(example.text()), length);
        long nanos = System.nanoTime() - start;
        return new Scored(rouge.score(example.references(), lines(summary)), nanos);
    }

    /** The summary as ROUGE-Lsum wants it: one sentence a line, line breaks inside a sentence made spaces. */
    public static String lines(Summary summary) {
        StringBuilder sb = new StringBuilder();
        for (SummarySentence s : summary.sentences()) {
            if (!sb.isEmpty()) {
                sb.append('\n');
            }
            sb.append(s.text().replace('\n', ' '));
        }
        return sb.toString();
    }

    private static Measure measure(List<RougeScores> scores, java.util.function.Function<RougeScores, PrfScore> pick) {
        int n = scores.size();
        double p = 0;
        double r = 0;
        double[] f = new double[n];
        for (int i = 0; i < n; i++) {
            PrfScore s = pick.apply(scores.get(i));
            p += s.precision();
            r += s.recall();
            f[i] = s.f1();
        }
        double[] interval = bootstrap(f);
        return new Measure(p / n, r / n, mean(f), interval[0], interval[1]);
    }

    /** 95 % percentile bootstrap interval of the mean of {@code values}. */
    static double[] bootstrap(double[] values) {
        int n = values.length;
        SplittableRandom random = new SplittableRandom(SEED);
        double[] means = new double[RESAMPLES];
        for (int b = 0; b < RESAMPLES; b++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += values[random.nextInt(n)];
            }
            means[b] = sum / n;
        }
        Arrays.sort(means);
        return new double[]{percentile(means, 0.025), percentile(means, 0.975)};
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** Linear-interpolated percentile {@code q} of sorted values. */
    static double percentile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
