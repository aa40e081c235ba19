package dev.precis.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Runs one extractor over benchmark pages and scores it with {@link ExtractionEval}: one untimed
 * warm-up pass (so the JIT has compiled the extractor, as in a long-running process), then
 * {@link #TIMED_PASSES} timed passes; a page's time is its fastest pass (the least disturbed by
 * other work on the machine), and the outputs of the first timed pass are scored.
 *
 * @param result   corpus figures
 * @param pages    per-page scores, in page order
 * @param outputs  the extracted bodies, in page order
 * @param millis    wall time per page (fastest timed pass), in page order
 * @param cpuMillis CPU time of the running thread per page (fastest timed pass), in page order:
 *                  unlike wall time, it does not grow when other processes share the machine
 */
public record ExtractionRun(ExtractionEval.Result result, List<ExtractionEval.PageScore> pages,
                            List<String> outputs, double[] millis, double[] cpuMillis) {

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    /** Timed passes per run. */
    public static final int TIMED_PASSES = 3;

    /** Runs {@code extractor} (html, url → body text) over the pages. */
    public static ExtractionRun of(List<ExtractionPages.Page> pages, BiFunction<String, String, String> extractor) {
        return of(pages, extractor, 1, TIMED_PASSES);
    }

    /** Runs with chosen numbers of warm-up and timed passes. */
    public static ExtractionRun of(List<ExtractionPages.Page> pages, BiFunction<String, String, String> extractor,
                                   int warmups, int passes) {
        for (int w = 0; w < warmups; w++) {
            for (ExtractionPages.Page page : pages) {
                safe(extractor, page);
            }
        }
        List<ExtractionEval.PageScore> scores = new ArrayList<>(pages.size());
        List<String> outputs = new ArrayList<>(pages.size());
        double[] millis = new double[pages.size()];
        double[] cpu = new double[pages.size()];
        Arrays.fill(millis, Double.MAX_VALUE);
        Arrays.fill(cpu, Double.MAX_VALUE);
        for (int pass = 0; pass < Math.max(1, passes); pass++) {
            for (int i = 0; i < pages.size(); i++) {
                ExtractionPages.Page page = pages.get(i);
                long c0 = THREADS.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                String text = safe(extractor, page);
                millis[i] = Math.min(millis[i], (System.nanoTime() - t0) / 1e6);
                cpu[i] = Math.min(cpu[i], (THREADS.getCurrentThreadCpuTime() - c0) / 1e6);
                if (pass == 0) {
                    outputs.add(text);
                    scores.add(ExtractionEval.page(page.gold(), text));
                }
            }
        }
        return new ExtractionRun(ExtractionEval.corpus(scores), scores, outputs, millis, cpu);
    }

    private static String safe(BiFunction<String, String, String> extractor, ExtractionPages.Page page) {
        try {
            String s = extractor.apply(page.html(), page.url());
            return s == null ? "" : s;
        } catch (RuntimeException | StackOverflowError e) {
            return "";
        }
    }

    /** Median milliseconds per page (wall time). */
    public double medianMillis() {
        return percentile(millis, 0.5);
    }

    /** 95th-percentile milliseconds per page (wall time). */
    public double p95Millis() {
        return percentile(millis, 0.95);
    }

    /** Median CPU milliseconds per page. */
    public double medianCpuMillis() {
        return percentile(cpuMillis, 0.5);
    }

    /** 95th-percentile CPU milliseconds per page. */
    public double p95CpuMillis() {
        return percentile(cpuMillis, 0.95);
    }

    private static double percentile(double[] values, double q) {
        if (values.length == 0) {
            return 0;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }
}
