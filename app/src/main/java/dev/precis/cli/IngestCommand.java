package dev.precis.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.store.Store;
import dev.precis.stories.StoryGrouper;
import dev.precis.storydesk.StoryDesk;
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

/** {@code precis ingest}: reads, analyzes and stores articles, each at most once. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Store articles with their digests (summary, statements, fingerprint).",
                "Inputs: files (.txt, .md, .html, .jsonl, also .gz), folders",
                "(recursively), JSONL records (fields of 'extract --format json', or {\"url\",\"html\"}), URLs, or - for",
                "standard input. Each article is analyzed once and stored with its digest in one transaction;",
                "the same URL or the same content is never stored twice, so an interrupted ingest can be re-run.",
                "Stored articles are grouped into stories (see 'precis stories') in input order."})
final class IngestCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PATH|URL|-", arity = "1..*", description = "What to ingest.")
    List<String> inputs;

    @Mixin
    StoreOptions storeOptions;

    @Mixin
    FetchOptions fetch;

    @Option(names = "--threads", paramLabel = "N", description = "Analysis threads (default: one per core).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--batch", paramLabel = "N", defaultValue = "500", description = "Articles per transaction at most (default 500).")
    int batch;

    @Option(names = "--verbose", description = "Print 'added ID INPUT' for each article once its transaction has committed.")
    boolean verbose;

    @Option(names = "--json", description = "Print the tally as one JSON object on the last line.")
    boolean json;

    @Option(names = "--no-stories", description = "Store without grouping into stories; they are grouped at the next "
            + "ingest, poll or serve, or by 'stories rebuild'.")
    boolean noStories;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (threads < 1 || batch < 1) {
            throw new IllegalArgumentException("--threads and --batch must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> expanded = IngestSources.expandAll(inputs);
        try (Store store = storeOptions.open()) {
            Progress progress = new Progress(err, "ingest", IngestSources.estimate(expanded), Progress.onTerminal());
            StoryDesk desk = noStories ? null : new StoryDesk(store, StoryGrouper.Options.defaults(), threads);
            IngestRun.Tally t = new IngestRun(store, threads, batch, out, err, verbose, fetch.fetcher(), desk).run(expanded, progress);
            long seen = t.added() + t.duplicates() + t.failed();
            double rate = t.seconds() > 0 ? seen / t.seconds() : 0;
            out.println(String.format(Locale.ROOT, "ingest: %d added, %d duplicates, %d failed in %.1f s (%.0f articles/s) into %s",
                    t.added(), t.duplicates(), t.failed(), t.seconds(), rate, store.describe()));
            if (!t.failures().isEmpty()) {
                StringBuilder sb = new StringBuilder("failed:");
                t.failures().forEach((k, v) -> sb.append(' ').append(v).append(" × ").append(k).append(';'));
                out.println(sb.substring(0, sb.length() - 1));
            }
            StoryDesk.Loaded l = t.loaded();
            if (l != null) {
                out.println(String.format(Locale.ROOT, "stories: restored %d articles of %d live stories and grouped %d "
                                + "stored without a story in %.1f s; grouping took %.1f s%s; %d stories now",
                        l.restored(), l.stories(), l.caughtUp(), l.seconds(), t.groupSeconds(),
                        t.groupFailure() == null ? "" : " (stopped: " + t.groupFailure() + ")", store.stats().stories()));
            }
            if (json) {
                ObjectNode o = Json.object();
                o.put("added", t.added()).put("duplicates", t.duplicates()).put("failed", t.failed())
                        .put("seconds", Math.round(t.seconds() * 1000) / 1000.0)
                        .put("articles_per_second", Math.round(rate * 10) / 10.0)
                        .put("write_seconds", Math.round(t.writeSeconds() * 1000) / 1000.0)
                        .put("write_cpu_seconds", Math.round(t.writeCpuSeconds() * 1000) / 1000.0);
                if (l != null) {
                    o.putObject("stories").put("restored", l.restored()).put("live_stories", l.stories())
                            .put("caught_up", l.caughtUp()).put("load_seconds", Math.round(l.seconds() * 1000) / 1000.0)
                            .put("group_seconds", Math.round(t.groupSeconds() * 1000) / 1000.0)
                            .put("group_cpu_seconds", Math.round(t.groupCpuSeconds() * 1000) / 1000.0)
                            .put("stopped", t.groupFailure());
                }
                ObjectNode f = o.putObject("failures");
                t.failures().forEach(f::put);
                out.println(Json.line(o));
            }
            return t.failed() == 0 ? ExitCodes.OK : ExitCodes.BAD_INPUT;
        }
    }
}
