package dev.precis.bench;

import de.l3s.boilerpipe.extractors.ArticleExtractor;
import dev.precis.article.html.HtmlExtractor;
import dev.precis.eval.ExtractionPages;
import dev.precis.eval.ExtractionRun;
import net.dankito.readability4j.Readability4J;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Precis's article extractor beside the best-known Java extractors, on the same pages with the
 * same scorer ({@link dev.precis.eval.ExtractionEval}, the Zyte benchmark metric) in one run:
 * readability4j 1.0.8 (a port of Mozilla's Readability.js, scored on {@code Article.getTextContent()})
 * and boilerpipe 1.2.2 ({@code ArticleExtractor}, Kohlschütter et al., "Boilerplate Detection using
 * Shallow Text Features", WSDM 2010).
 *
 * <p>Usage: {@code java -cp bench/target/precis-bench.jar dev.precis.bench.ExtractionShootout DIR}
 * where DIR holds {@code ground-truth.json} and {@code html/}. Each tool gets one warm-up pass,
 * then a timed pass; times are medians per page and ratios against Precis.
 */
public final class ExtractionShootout {

    private ExtractionShootout() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: ExtractionShootout DATA_DIR");
            System.exit(2);
        }
        List<ExtractionPages.Page> pages = ExtractionPages.load(Path.of(args[0]));
        HtmlExtractor precis = new HtmlExtractor();
        Map<String, BiFunction<String, String, String>> tools = new LinkedHashMap<>();
        tools.put("precis", (html, url) -> precis.extract(html, url).text());
        tools.put("readability4j 1.0.8", (html, url) -> new Readability4J(url, html).parse().getTextContent());
        tools.put("boilerpipe 1.2.2", (html, url) -> {
            try {
                return ArticleExtractor.INSTANCE.getText(html);
            } catch (Exception e) {
                return "";
            }
        });
        Map<String, ExtractionRun> runs = new LinkedHashMap<>();
        for (Map.Entry<String, BiFunction<String, String, String>> tool : tools.entrySet()) {
            runs.put(tool.getKey(), ExtractionRun.of(pages, tool.getValue()));
        }
        double base = runs.get("precis").medianMillis();
        System.out.printf("%d pages, one thread, one warm-up pass, a page's time the fastest of %d timed passes%n",
                pages.size(), ExtractionRun.TIMED_PASSES);
        double cpuBase = runs.get("precis").medianCpuMillis();
        System.out.printf("%-22s %7s %7s %7s %9s %10s %9s %8s %12s %8s%n", "tool", "F1", "P", "R", "accuracy",
                "median ms", "p95 ms", "x time", "median cpu", "x cpu");
        for (Map.Entry<String, ExtractionRun> e : runs.entrySet()) {
            ExtractionRun r = e.getValue();
            System.out.printf("%-22s %7.3f %7.3f %7.3f %9.3f %10.2f %9.2f %8.2f %12.2f %8.2f%n", e.getKey(),
                    r.result().f1(), r.result().precision(), r.result().recall(), r.result().accuracy(),
                    r.medianMillis(), r.p95Millis(), r.medianMillis() / base, r.medianCpuMillis(),
                    r.medianCpuMillis() / cpuBase);
        }
    }
}
