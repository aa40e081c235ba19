package dev.precis.cli;

import dev.precis.store.Store;
import dev.precis.store.StoreStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code precis stats}: counts and sizes of the store. */
@Command(name = "stats", mixinStandardHelpOptions = true, description = "Counts and sizes of the store.")
final class StatsCommand implements Callable<Integer> {

    @Option(names = "--json", description = "As one JSON object on the last line.")
    boolean json;

    @Mixin
    StoreOptions storeOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Store store = storeOptions.open()) {
            StoreStats s = store.stats();
            if (json) {
                out.println(Json.line(Json.object().put("store", s.store()).put("articles", s.articles()).put("stories", s.stories())
                        .put("feeds", s.feeds()).put("statements", s.statements()).put("bytes", s.bytes())
                        .put("bytes_per_article", s.bytesPerArticle())));
            } else {
                out.println("store:      " + s.store());
                out.println("articles:   " + s.articles());
                out.println("stories:    " + s.stories());
                out.println("feeds:      " + s.feeds());
                out.println("statements: " + s.statements());
                out.println("size:       " + s.bytes() + " bytes (" + s.bytesPerArticle() + " per article)");
            }
            return ExitCodes.OK;
        }
    }
}
