package dev.precis.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.store.SearchHit;
import dev.precis.store.SearchQuery;
import dev.precis.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code precis search}: full-text search over stored articles. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Search stored articles, best matches first, with highlighted snippets.",
                "Query: words (all must match), \"exact phrases\", AND, OR, NOT or -word, (groups), prefix*,",
                "source:NAME, since:DATE, until:DATE (2024, 2024-05 or 2024-05-01; inclusive)."})
final class SearchCommand implements Callable<Integer> {

    @Parameters(paramLabel = "QUERY", arity = "1..*", description = "The query (several words are joined).")
    List<String> query;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "At most N results (default 10).")
    int limit;

    @Option(names = "--json", description = "One JSON object per result, then a summary object as the last line.")
    boolean json;

    @Mixin
    StoreOptions storeOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (limit < 1) {
            throw new IllegalArgumentException("--limit must be at least 1");
        }
        String text = String.join(" ", query);
        SearchQuery q = SearchQuery.parse(text);
        PrintWriter out = spec.commandLine().getOut();
        try (Store store = storeOptions.open()) {
            long t0 = System.nanoTime();
            List<SearchHit> hits = store.search(q, limit);
            double ms = (System.nanoTime() - t0) / 1e6;
            if (json) {
                for (SearchHit h : hits) {
                    ObjectNode o = Json.object();
                    o.put("id", h.id()).put("title", h.title()).put("source", h.source()).put("published", h.published())
                            .put("url", h.url()).put("score", h.score()).put("snippet", h.snippet());
                    ArrayNode hl = o.putArray("highlights");
                    h.highlights().forEach(r -> hl.addArray().add(r[0]).add(r[1]));
                    out.println(Json.line(o));
                }
                ObjectNode s = Json.object();
                s.put("query", text).put("results", hits.size()).put("ms", Math.round(ms * 100) / 100.0);
                out.println(Json.line(s));
            } else {
                boolean tty = Progress.onTerminal();
                for (SearchHit h : hits) {
                    out.println(String.format(Locale.ROOT, "%d  %s%s%s", h.id(), h.title() == null ? "(untitled)" : h.title(),
                            h.source() == null ? "" : "  — " + h.source(), h.published() == null ? "" : "  " + h.published()));
                    out.println("    " + (tty ? h.snippet("\u001b[1m", "\u001b[0m") : h.snippet("[", "]")));
                }
                if (hits.isEmpty()) {
                    out.println("no articles match");
                }
            }
            return ExitCodes.OK;
        }
    }
}
