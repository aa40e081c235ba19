package dev.precis.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.article.Article;
import dev.precis.article.html.HtmlExtractor;
import dev.precis.eval.ExtractionEval;
import dev.precis.eval.ExtractionPages;
import dev.precis.eval.ExtractionRun;
import org.jsoup.Jsoup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;

/** {@code precis eval extraction}: article-body extraction on the Zyte benchmark layout. */
@Command(name = "extraction", mixinStandardHelpOptions = true,
        description = {"Article-body extraction scored as the Zyte article-extraction benchmark does:",
                "token 4-gram shingles, precision over non-empty outputs, recall over all pages, F1 of the means."})
final class EvalExtractionCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Folder with ground-truth.json and html/.")
    Path data;

    @Option(names = "--json", description = "Print one JSON object as the last line.")
    boolean json;

    @Option(names = "--extractor", paramLabel = "NAME", defaultValue = "precis",
            description = "precis (default) or body-text (jsoup's body().text(), the trivial baseline).")
    String extractor;

    @Option(names = "--show-pages", paramLabel = "N", defaultValue = "0",
            description = "List the N pages with the lowest F1.")
    int showPages;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<ExtractionPages.Page> pages;
        try {
            pages = ExtractionPages.load(data);
        } catch (IOException e) {
            throw new BadInputException(data.toString(), e.getMessage());
        }
        List<Article> articles = new ArrayList<>();
        HtmlExtractor html = new HtmlExtractor();
        BiFunction<String, String, String> fn = switch (extractor) {
            case "precis" -> (page, url) -> {
                Article a = html.extract(page, url);
                articles.add(a);
                return a.text();
            };
            case "body-text" -> (page, url) -> Jsoup.parse(page, url).body().text();
            default -> throw new IllegalArgumentException("unknown extractor '" + extractor + "' (precis, body-text)");
        };
        ExtractionRun run = ExtractionRun.of(pages, fn);
        List<Article> timed = articles.size() >= pages.size() ? articles.subList(0, pages.size()) : List.of();
        double title = share(timed, a -> a.title() != null);
        double byline = share(timed, a -> !a.byline().isEmpty());
        double published = share(timed, a -> a.published() != null);
        ExtractionEval.Result r = run.result();
        PrintWriter out = spec.commandLine().getOut();
        if (showPages > 0) {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < pages.size(); i++) {
                order.add(i);
            }
            order.sort((a, b) -> Double.compare(f1(run.pages().get(a)), f1(run.pages().get(b))));
            for (int k = 0; k < Math.min(showPages, order.size()); k++) {
                int i = order.get(k);
                ExtractionEval.PageScore s = run.pages().get(i);
                out.printf("%.3f  p=%.3f r=%.3f  %s  %s%n", f1(s), s.precision(), s.recall(), pages.get(i).id(), pages.get(i).url());
            }
        }
        out.printf("pages       %d (%s)%n", r.pages(), extractor);
        out.printf("F1          %.3f ± %.3f%n", r.f1(), r.f1Std());
        out.printf("precision   %.3f ± %.3f%n", r.precision(), r.precisionStd());
        out.printf("recall      %.3f ± %.3f%n", r.recall(), r.recallStd());
        out.printf("accuracy    %.3f ± %.3f%n", r.accuracy(), r.accuracyStd());
        out.printf("ms/page     median %.2f, p95 %.2f (wall); CPU median %.2f, p95 %.2f%n", run.medianMillis(),
                run.p95Millis(), run.medianCpuMillis(), run.p95CpuMillis());
        if (!timed.isEmpty()) {
            out.printf("metadata    title %.3f, byline %.3f, published %.3f (share of pages)%n", title, byline, published);
        }
        if (json) {
            ObjectNode o = Json.object();
            o.put("pages", r.pages());
            o.put("f1", r.f1());
            o.put("precision", r.precision());
            o.put("recall", r.recall());
            o.put("accuracy", r.accuracy());
            o.put("f1_std", r.f1Std());
            o.putObject("ms_per_page").put("median", run.medianMillis()).put("p95", run.p95Millis());
            o.putObject("cpu_ms_per_page").put("median", run.medianCpuMillis()).put("p95", run.p95CpuMillis());
            if (!timed.isEmpty()) {
                o.putObject("metadata").put("title", title).put("byline", byline).put("published", published);
            }
            out.println(Json.line(o));
        }
        return 0;
    }

    private static double f1(ExtractionEval.PageScore s) {
        double p = s.precision();
        double r = s.recall();
        return p + r > 0 ? 2 * p * r / (p + r) : 0;
    }

    private static double share(List<Article> articles, java.util.function.Predicate<Article> has) {
        if (articles.isEmpty()) {
            return 0;
        }
        return (double) articles.stream().filter(has).count() / articles.size();
    }
}
