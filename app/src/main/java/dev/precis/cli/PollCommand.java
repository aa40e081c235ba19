package dev.precis.cli;

import dev.precis.feeds.FeedPoller;
import dev.precis.feeds.FeedReport;
import dev.precis.feeds.PollRound;
import dev.precis.store.Store;
import dev.precis.storydesk.StoryDesk;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code precis poll}: one polling round over the feed subscriptions. */
@Command(name = "poll", mixinStandardHelpOptions = true,
        description = {"Poll the feeds that are due (or all) once: fetch, read new entries, store their articles.",
                "New articles are grouped into stories as they are stored.",
                "Prints one status line per feed; exits 2 when any feed failed."})
final class PollCommand implements Callable<Integer> {

    @Option(names = "--all", description = "Poll every feed, not only the ones that are due.")
    boolean all;

    @Option(names = "--delay", paramLabel = "SECONDS", defaultValue = "1",
            description = "Pause between two requests to one host (default: ${DEFAULT-VALUE}).")
    double delaySeconds;

    @Option(names = "--no-full-text", description = "Store teaser entries as they are instead of fetching their page.")
    boolean noFullText;

    @Option(names = "--json", description = "One JSON object per feed, then a summary object on the last line.")
    boolean json;

    @Mixin
    StoreOptions storeOptions;

    @Mixin
    FetchOptions fetch;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (delaySeconds < 0 || Double.isNaN(delaySeconds)) {
            throw new BadInputException("--delay", "must be zero or more seconds");
        }
        PrintWriter out = spec.commandLine().getOut();
        FeedPoller.Settings d = FeedPoller.Settings.DEFAULT;
        FeedPoller.Settings settings = new FeedPoller.Settings(Duration.ofMillis(Math.round(delaySeconds * 1000)),
                d.schedule(), d.defaultInterval(), d.maxEntries(), !noFullText);
        try (Store store = storeOptions.open();
             FeedPoller poller = new FeedPoller(new StoryDesk(store), fetch.fetcher(), settings)) {
            PollRound round = all ? poller.pollAll() : poller.pollDue();
            for (FeedReport f : round.feeds()) {
                if (json) {
                    out.println(Json.line(Json.object().put("feed", f.feedId()).put("url", f.url())
                            .put("outcome", f.outcome().name().toLowerCase(java.util.Locale.ROOT))
                            .put("message", f.message()).put("entries", f.entries()).put("added", f.added())
                            .put("linked", f.linked()).put("pages", f.pages())));
                } else {
                    out.println("feed " + f.feedId() + " " + f.url() + ": " + f.message());
                }
            }
            long failed = round.count(FeedReport.Outcome.FAILED);
            String summary = round.feeds().size() + " feeds polled in " + round.elapsed().toMillis() / 1000.0 + " s: "
                    + round.count(FeedReport.Outcome.UPDATED) + " updated, "
                    + round.count(FeedReport.Outcome.NOT_MODIFIED) + " not modified, " + failed + " failed; "
                    + round.added() + " new articles; " + round.requests() + " requests ("
                    + round.conditional() + " conditional, " + round.notModified() + " answered 304)";
            if (json) {
                out.println(Json.line(Json.object().put("feeds", round.feeds().size())
                        .put("updated", round.count(FeedReport.Outcome.UPDATED))
                        .put("not_modified", round.count(FeedReport.Outcome.NOT_MODIFIED)).put("failed", failed)
                        .put("added", round.added()).put("requests", round.requests())
                        .put("conditional", round.conditional()).put("answered_304", round.notModified())
                        .put("seconds", round.elapsed().toMillis() / 1000.0)));
            } else {
                out.println(summary);
            }
            return failed == 0 ? ExitCodes.OK : ExitCodes.BAD_INPUT;
        }
    }
}
