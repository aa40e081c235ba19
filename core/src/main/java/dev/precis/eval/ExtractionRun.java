package dev.precis.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Runs one extractor over benchmark pages and scores it with {@link ExtractionEval}: one untimed
 * warm-up pass (so the JIT has compiled the extractor, as in a long-running process), then a
 * timed pass whose outputs are scored.
 *
 * @param result   corpus figures
 * @param pages    per-page scores, in page order
 * @param outputs  the extracted bodies, in page order
 * @param millis   wall time per page of the timed pass, in page order
 */
public record ExtractionRun(ExtractionEval.Result result, List<ExtractionEval.PageScore> pages,
                            List<String> outputs, double[] millis) {

    /** Runs {@code extractor} (html, url → body text) over the pages. */
    public static ExtractionRun of(List<ExtractionPages.Page> pages, BiFunction<String, String, String> extractor) {
        return of(pages, extractor, 1);
    }

    /** Runs with a chosen number of warm-up passes. */
    public static ExtractionRun of(List<ExtractionPages.Page> pages, BiFunction<String, String, String> extractor,
                                   int warmups) {
        for (int w = 0; w < warmups; w++) {
            for (ExtractionPages.Page page : pages) {
                safe(extractor, page);
            }
        }
        List<ExtractionEval.PageScore> scores = new ArrayList<>(pages.size());
        List<String> outputs = new ArrayList<>(pages.size());
        double[] millis = new double[pages.size()];
        for (int i = 0; i < pages.size(); i++) {
            ExtractionPages.Page page = pages.get(i);
            long t0 = System.nanoTime();
            String text = safe(extractor, page);
            millis[i] = (System.nanoTime() - t0) / 1e6;
            outputs.add(text);
            scores.add(ExtractionEval.page(page.gold(), text));
        }
        return new ExtractionRun(ExtractionEval.corpus(scores), scores, outputs, millis);
    }

    private static String safe(BiFunction<String, String, String> extractor, ExtractionPages.Page page) {
        try {
            String s = extractor.apply(page.html(), page.url());
            return s == null ? "" : s;
        } catch (RuntimeException | StackOverflowError e) {
            return "";
        }
    }

    /** Median milliseconds per page. */
    public double medianMillis() {
        return percentile(0.5);
    }

    /** 95th-percentile milliseconds per page. */
    public double p95Millis() {
        return percentile(0.95);
    }

    private double percentile(double q) {
        if (millis.length == 0) {
            return 0;
        }
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }
}
