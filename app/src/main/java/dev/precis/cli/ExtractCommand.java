package dev.precis.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.article.Article;
import dev.precis.fetch.PageFetcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code precis extract}: the article of a web page (or text file), with its metadata. */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Extract the article from web pages, files or standard input.",
                "Title, byline, date, source and the body as paragraphs, without menus, share bars, captions,",
                "related links or other page furniture."})
final class ExtractCommand implements Callable<Integer> {

    @Parameters(paramLabel = "INPUT", arity = "0..*",
            description = "Files (.html, .html.gz, .htm, .txt, .md), http(s) URLs, or - for standard input (default: -).")
    List<String> inputs = List.of("-");

    @Option(names = "--url", paramLabel = "URL", description = "The page's address, for file and standard input: resolves relative links.")
    String url;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text, markdown or json.")
    Format format;

    @Mixin
    FetchOptions fetch;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PageFetcher fetcher = fetch.fetcher();
        boolean several = inputs.size() > 1;
        return Batch.each(inputs, spec, (input, out) -> print(out, input, InputArticles.load(input, url, fetcher), several));
    }

    private void print(PrintWriter out, String input, Article a, boolean several) {
        switch (format) {
            case json -> {
                ObjectNode o = Json.object();
                o.put("input", input);
                o.put("url", a.url());
                o.put("title", a.title());
                ArrayNode byline = o.putArray("byline");
                a.byline().forEach(byline::add);
                o.put("published", a.published());
                o.put("source", a.source());
                o.put("language", a.language());
                o.put("image", a.image());
                o.put("text", a.text());
                ArrayNode paragraphs = o.putArray("paragraphs");
                a.paragraphs().forEach(paragraphs::add);
                out.println(Json.line(o));
            }
            case markdown -> {
                if (several) {
                    out.println("<!-- " + input + " -->");
                }
                if (a.title() != null) {
                    out.println("# " + a.title());
                    out.println();
                }
                List<String> facts = facts(a);
                if (!facts.isEmpty()) {
                    out.println("*" + String.join(" · ", facts) + "*");
                    out.println();
                }
                for (String p : a.paragraphs()) {
                    out.println(p.replace("\n", "  \n"));
                    out.println();
                }
            }
            case text -> {
                if (several) {
                    out.println("== " + input);
                }
                if (a.title() != null) {
                    out.println(a.title());
                }
                List<String> facts = facts(a);
                if (!facts.isEmpty()) {
                    out.println(String.join(" · ", facts));
                }
                if (a.title() != null || !facts.isEmpty()) {
                    out.println();
                }
                out.println(a.text());
                if (several) {
                    out.println();
                }
            }
        }
    }

    private static List<String> facts(Article a) {
        List<String> facts = new ArrayList<>();
        if (!a.byline().isEmpty()) {
            facts.add("By " + String.join(", ", a.byline()));
        }
        if (a.published() != null) {
            facts.add(a.published());
        }
        if (a.source() != null) {
            facts.add(a.source());
        }
        if (a.url() != null) {
            facts.add(a.url());
        }
        return facts;
    }
}
