package dev.precis.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.article.Article;
import dev.precis.summary.Length;
import dev.precis.summary.Summarizers;
import dev.precis.summary.Summary;
import dev.precis.summary.SummaryOptions;
import dev.precis.summary.SummarySentence;
import dev.precis.text.Doc;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code precis summarize}: extractive summaries of articles. */
@Command(name = "summarize", mixinStandardHelpOptions = true,
        description = {"Summarize articles extractively, with each sentence's offsets.",
                "Every summary sentence is a sentence of the article, given with its offsets into the article text."})
final class SummarizeCommand implements Callable<Integer> {

    @Parameters(paramLabel = "INPUT", arity = "0..*", description = "Files (.txt, .md, .html, .html.gz), http(s) URLs, or - for standard input (default: -).")
    List<String> inputs = List.of("-");

    @ArgGroup(exclusive = true)
    LengthOption length;

    static final class LengthOption {
        @Option(names = "--sentences", paramLabel = "N", description = "At most N sentences (default 3).")
        Integer sentences;
        @Option(names = "--words", paramLabel = "N", description = "At most N words, never cutting a sentence.")
        Integer words;
        @Option(names = "--ratio", paramLabel = "R", description = "round(R x the article's sentences), at least 1; 0 < R <= 1.")
        Double ratio;

        Length toLength() {
            if (sentences != null) {
                return Length.sentences(sentences);
            }
            if (words != null) {
                return Length.words(words);
            }
            return Length.ratio(ratio);
        }
    }

    @Option(names = "--algorithm", paramLabel = "NAME", defaultValue = Summarizers.DEFAULT,
            description = "precis (default), lead, textrank or lexrank.")
    String algorithm;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text, markdown or json.")
    Format format;

    @picocli.CommandLine.Mixin
    FetchOptions fetch;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        SummaryOptions options = SummaryOptions.defaults().algorithm(algorithm);
        if (length != null) {
            options = options.length(length.toLength());
        }
        SummaryOptions chosen = options;
        dev.precis.fetch.PageFetcher fetcher = fetch.fetcher();
        return Batch.each(inputs, spec, (input, out) -> {
            Article article = InputArticles.load(input, null, fetcher);
            Summary summary = chosen.summarize(Doc.of(article.text()));
            print(out, input, article, summary, inputs.size() > 1);
        });
    }

    private void print(PrintWriter out, String input, Article article, Summary summary, boolean several) {
        switch (format) {
            case json -> {
                ObjectNode o = Json.object();
                o.put("input", input);
                o.put("title", article.title());
                o.put("algorithm", summary.algorithm());
                o.put("sentences_total", summary.sentencesTotal());
                ArrayNode list = o.putArray("summary");
                for (SummarySentence s : summary.sentences()) {
                    list.addObject().put("index", s.index()).put("text", s.text())
                            .put("start", s.start()).put("end", s.end()).put("score", s.score());
                }
                out.println(Json.line(o));
            }
            case markdown -> {
                if (several) {
                    out.println("<!-- " + input + " -->");
                }
                if (article.title() != null) {
                    out.println("## " + article.title());
                    out.println();
                }
                for (SummarySentence s : summary.sentences()) {
                    out.println("- " + s.text().replace('\n', ' '));
                }
                out.println();
            }
            case text -> {
                if (several) {
                    out.println("== " + input);
                }
                if (article.title() != null) {
                    out.println(article.title());
                    out.println();
                }
                for (SummarySentence s : summary.sentences()) {
                    out.println(s.text().replace('\n', ' '));
                }
                if (several) {
                    out.println();
                }
            }
        }
    }
}
