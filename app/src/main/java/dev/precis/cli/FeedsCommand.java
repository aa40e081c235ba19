package dev.precis.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.feeds.FeedFinder;
import dev.precis.feeds.FeedFormatException;
import dev.precis.feeds.Opml;
import dev.precis.fetch.FetchException;
import dev.precis.store.FeedRecord;
import dev.precis.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code precis feeds add|list|remove|import|export}: feed subscriptions. */
@Command(name = "feeds", mixinStandardHelpOptions = true,
        description = "Subscribe to feeds (RSS, Atom, JSON Feed), list them with their status, import or export OPML.",
        subcommands = {FeedsCommand.Add.class, FeedsCommand.ListFeeds.class, FeedsCommand.Remove.class,
                FeedsCommand.Import.class, FeedsCommand.Export.class})
final class FeedsCommand extends CommandGroup {

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Subscribe to feeds; a web page's URL subscribes to the feed it announces.")
    static final class Add implements Callable<Integer> {
        @Parameters(paramLabel = "URL", arity = "1..*", description = "Feed URLs, or pages that link to their feed.")
        List<String> urls;

        @Mixin
        StoreOptions storeOptions;

        @Mixin
        FetchOptions fetch;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            FeedFinder finder = new FeedFinder(fetch.fetcher());
            try (Store store = storeOptions.open()) {
                return Batch.each(urls, spec, (url, out) -> {
                    FeedFinder.Found found;
                    try {
                        found = finder.find(url);
                    } catch (FeedFormatException | FetchException e) {
                        throw new BadInputException(url, e.getMessage());
                    }
                    FeedRecord f = store.addFeed(found.url(), found.feed().title(), found.feed().siteUrl());
                    out.println(f.id() + "\t" + f.url() + "\t" + (f.title() == null ? "" : f.title())
                            + "\t" + found.feed().format() + ", " + found.feed().totalEntries()
                            + (found.feed().totalEntries() == 1 ? " entry" : " entries"));
                });
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Feeds with their status: last fetch, next fetch, last error, article count.")
    static final class ListFeeds implements Callable<Integer> {
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
                List<FeedRecord> feeds = store.feeds();
                if (json) {
                    ObjectNode all = Json.object();
                    all.put("count", feeds.size());
                    ArrayNode list = all.putArray("feeds");
                    for (FeedRecord f : feeds) {
                        list.addObject().put("id", f.id()).put("url", f.url()).put("title", f.title())
                                .put("site_url", f.siteUrl()).put("articles", f.articleCount())
                                .put("last_fetch", text(f.lastFetch())).put("next_fetch", text(f.nextFetch()))
                                .put("last_error", f.lastError()).put("error_count", f.errorCount())
                                .put("interval_seconds", f.interval().toSeconds());
                    }
                    out.println(Json.line(all));
                    return ExitCodes.OK;
                }
                out.println("ID\tARTICLES\tLAST FETCH\tNEXT FETCH\tSTATUS\tFEED");
                for (FeedRecord f : feeds) {
                    String status = f.lastFetch() == null ? "never fetched"
                            : f.lastError() == null ? "ok" : "error x" + f.errorCount() + ": " + f.lastError();
                    out.println(f.id() + "\t" + f.articleCount() + "\t" + orDash(f.lastFetch()) + "\t"
                            + (f.nextFetch() == null ? "now" : f.nextFetch().toString()) + "\t" + status + "\t"
                            + (f.title() == null ? f.url() : f.title() + " <" + f.url() + ">"));
                }
                return ExitCodes.OK;
            }
        }

        private static String text(Instant t) {
            return t == null ? null : t.toString();
        }

        private static String orDash(Instant t) {
            return t == null ? "-" : t.toString();
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Unsubscribe from feeds by id; their articles stay.")
    static final class Remove implements Callable<Integer> {
        @Parameters(paramLabel = "ID", arity = "1..*", description = "Feed ids, as feeds list shows them.")
        List<String> ids;

        @Mixin
        StoreOptions storeOptions;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (Store store = storeOptions.open()) {
                return Batch.each(ids, spec, (id, out) -> {
                    long n;
                    try {
                        n = Long.parseLong(id.strip());
                    } catch (NumberFormatException e) {
                        throw new BadInputException(id, "not a feed id (a number, as feeds list shows)");
                    }
                    if (!store.removeFeed(n)) {
                        throw new BadInputException(id, "no such feed");
                    }
                    out.println("removed feed " + n);
                });
            }
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Subscribe to every feed of an OPML file (as feed readers export them).")
    static final class Import implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "The OPML file, or - for standard input.")
        String file;

        @Mixin
        StoreOptions storeOptions;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            List<Opml.Subscription> subs;
            try {
                subs = Opml.read(Input.load(file).text());
            } catch (FeedFormatException e) {
                throw new BadInputException(file, e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            try (Store store = storeOptions.open()) {
                int before = store.feeds().size();
                for (Opml.Subscription s : subs) {
                    store.addFeed(s.feedUrl(), s.title(), s.siteUrl());
                }
                int added = store.feeds().size() - before;
                out.println("imported " + added + " feeds (" + (subs.size() - added) + " already subscribed) from " + file);
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Print the subscriptions as OPML 2.0.")
    static final class Export implements Callable<Integer> {
        @Mixin
        StoreOptions storeOptions;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            List<Opml.Subscription> subs = new ArrayList<>();
            try (Store store = storeOptions.open()) {
                for (FeedRecord f : store.feeds()) {
                    subs.add(new Opml.Subscription(f.url(), f.title(), f.siteUrl()));
                }
            }
            spec.commandLine().getOut().print(Opml.write("Precis subscriptions", subs));
            return ExitCodes.OK;
        }
    }
}
