package dev.precis.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.store.Store;
import dev.precis.store.StoryMemberRow;
import dev.precis.store.StoryRow;
import dev.precis.stories.StoryGrouper;
import dev.precis.stories.StorySentence;
import dev.precis.stories.StorySummarizer;
import dev.precis.storydesk.StoryDesk;
import dev.precis.storydesk.StoryDetails;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code precis stories list|show|rebuild}: the stories the store keeps. */
@Command(name = "stories", mixinStandardHelpOptions = true,
        description = {"List the stored stories, show one, or regroup every article from scratch.",
                "Articles are grouped into stories as they are stored (ingest, poll, serve)."},
        subcommands = {StoriesCommand.ListStories.class, StoriesCommand.Show.class, StoriesCommand.Rebuild.class})
final class StoriesCommand extends CommandGroup {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Stories, latest report first.")
    static final class ListStories implements Callable<Integer> {
        @Mixin
        Paging paging;
        @Option(names = "--json", description = "One JSON object per story, then a summary object as the last line.")
        boolean json;
        @Mixin
        StoreOptions storeOptions;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            paging.check();
            PrintWriter out = spec.commandLine().getOut();
            try (Store store = storeOptions.open()) {
                List<StoryRow> stories = store.stories(paging.limit, paging.offset);
                for (StoryRow s : stories) {
                    List<StoryMemberRow> members = store.storyMembers(s.id());
                    Set<String> outlets = new LinkedHashSet<>();
                    members.forEach(m -> {
                        if (m.source() != null) {
                            outlets.add(m.source());
                        }
                    });
                    long distinct = members.stream().filter(m -> m.duplicateOf() == null).count();
                    String label = label(s, members);
                    if (json) {
                        ObjectNode o = Json.object();
                        o.put("id", s.id()).put("label", label).put("articles", members.size()).put("distinct", distinct);
                        outlets.forEach(o.putArray("outlets")::add);
                        s.keyphrases().forEach(o.putArray("keyphrases")::add);
                        o.put("first_seen", s.firstSeen()).put("last_seen", s.lastSeen());
                        out.println(Json.line(o));
                    } else {
                        out.println(String.format(Locale.ROOT, "%d  %s  — %s, %s  %s", s.id(), label,
                                count(members.size(), "article") + (distinct < members.size()
                                        ? " (" + (members.size() - distinct) + " near-duplicate" + (members.size() - distinct == 1 ? "" : "s") + ")" : ""),
                                count(outlets.size(), "outlet"), day(s.lastSeen())));
                    }
                }
                long total = store.stats().stories();
                if (json) {
                    out.println(Json.line(Json.object().put("stories", stories.size()).put("offset", paging.offset).put("total", total)));
                } else if (stories.isEmpty()) {
                    out.println(total == 0 ? "no stories yet (ingest articles first)" : "no stories after the first " + paging.offset);
                }
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = {"One story: its articles, a summary across outlets, who said what and related stories.",
                    "Near-duplicates (one report re-posted by several outlets) are listed once with every source."})
    static final class Show implements Callable<Integer> {
        @Parameters(paramLabel = "ID", description = "Story id (see 'stories list').")
        String id;
        @Option(names = "--sentences", paramLabel = "N", defaultValue = "" + StorySummarizer.DEFAULT_SENTENCES,
                description = "Sentences in the summary (default ${DEFAULT-VALUE}).")
        int sentences;
        @Option(names = "--json", description = "As one JSON object.")
        boolean json;
        @Mixin
        StoreOptions storeOptions;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if (!id.matches("\\d{1,18}")) {
                throw new BadInputException(id, "not a story id (a whole number)");
            }
            if (sentences < 1 || sentences > 50) {
                throw new IllegalArgumentException("--sentences must be from 1 to 50");
            }
            PrintWriter out = spec.commandLine().getOut();
            try (Store store = storeOptions.open()) {
                StoryDetails d = StoryDetails.load(store, Long.parseLong(id), sentences)
                        .orElseThrow(() -> new BadInputException(id, "no story with this id"));
                if (json) {
                    out.println(Json.line(json(d)));
                } else {
                    text(d, out);
                }
            }
            return ExitCodes.OK;
        }

        private static ObjectNode json(StoryDetails d) {
            ObjectNode o = Json.object();
            o.put("id", d.story().id());
            if (d.wasMerged()) {
                o.put("merged_from", d.requestedId());
            }
            o.put("label", d.label()).put("articles_total", d.articleCount())
                    .put("first_seen", d.story().firstSeen()).put("last_seen", d.story().lastSeen());
            d.story().keyphrases().forEach(o.putArray("keyphrases")::add);
            d.outlets().forEach(o.putArray("outlets")::add);
            ArrayNode arts = o.putArray("articles");
            for (StoryDetails.Entry e : d.articles()) {
                ObjectNode a = member(arts.addObject(), e.article());
                e.sources().forEach(a.putArray("sources")::add);
                ArrayNode copies = a.putArray("copies");
                e.copies().forEach(c -> member(copies.addObject(), c));
            }
            ArrayNode sum = o.putArray("summary");
            for (StorySentence s : d.summary()) {
                sum.addObject().put("text", s.text()).put("article", Long.parseLong(s.articleId())).put("source", s.source())
                        .put("sentence", s.sentence()).put("start", s.span().start()).put("end", s.span().end());
            }
            ArrayNode speakers = o.putArray("speakers");
            for (StoryDetails.Speaker sp : d.speakers()) {
                ObjectNode p = speakers.addObject().put("name", sp.name());
                ArrayNode st = p.putArray("statements");
                for (StoryDetails.Quote q : sp.statements()) {
                    st.addObject().put("text", q.statement().text()).put("speaker", q.statement().speaker())
                            .put("kind", q.statement().kind()).put("article", q.articleId()).put("source", q.source())
                            .put("start", q.statement().start()).put("end", q.statement().end());
                }
            }
            ArrayNode related = o.putArray("related");
            d.related().forEach(r -> related.addObject().put("id", r.id()).put("label", r.label()).put("last_seen", r.lastSeen()));
            return o;
        }

        private static ObjectNode member(ObjectNode o, StoryMemberRow m) {
            return o.put("id", m.articleId()).put("title", m.title()).put("source", m.source()).put("published", m.published())
                    .put("url", m.url());
        }

        private static void text(StoryDetails d, PrintWriter out) {
            out.println("Story " + d.story().id() + ": " + d.label());
            if (d.wasMerged()) {
                out.println("(story " + d.requestedId() + " was merged into this one)");
            }
            out.println(count(d.articleCount(), "article") + " from " + count(d.outlets().size(), "outlet") + ", "
                    + day(d.story().firstSeen()) + (day(d.story().firstSeen()).equals(day(d.story().lastSeen())) ? "" : " to " + day(d.story().lastSeen())));
            if (!d.story().keyphrases().isEmpty()) {
                out.println("Keyphrases: " + String.join(", ", d.story().keyphrases()));
            }
            out.println();
            out.println("Summary:");
            int n = 1;
            for (StorySentence s : d.summary()) {
                out.println("  " + n++ + ". " + s.text() + "  [" + (s.source() == null ? "unknown outlet" : s.source())
                        + ", article " + s.articleId() + "]");
            }
            if (d.summary().isEmpty()) {
                out.println("  (no sentence long enough to summarize)");
            }
            out.println();
            out.println("Articles:");
            for (StoryDetails.Entry e : d.articles()) {
                StoryMemberRow m = e.article();
                out.println("  " + m.articleId() + "  " + day(m.time()) + "  " + (m.title() == null ? "(untitled)" : m.title())
                        + (m.source() == null ? "" : "  — " + m.source()));
                if (!e.copies().isEmpty()) {
                    StringBuilder sb = new StringBuilder("      same article from: ");
                    for (int i = 0; i < e.copies().size(); i++) {
                        StoryMemberRow c = e.copies().get(i);
                        sb.append(i == 0 ? "" : ", ").append(c.source() == null ? "unknown outlet" : c.source())
                                .append(" (article ").append(c.articleId()).append(", ").append(day(c.time())).append(')');
                    }
                    out.println(sb);
                }
            }
            out.println();
            out.println("Who said what:");
            for (StoryDetails.Speaker sp : d.speakers()) {
                out.println("  " + sp.name());
                for (StoryDetails.Quote q : sp.statements()) {
                    out.println("    - " + ("indirect".equals(q.statement().kind()) ? "(reported) " : "") + q.statement().text()
                            + "  [" + (q.source() == null ? "unknown outlet" : q.source()) + ", article " + q.articleId() + "]");
                }
            }
            if (d.speakers().isEmpty()) {
                out.println("  (no statements found)");
            }
            if (!d.related().isEmpty()) {
                out.println();
                out.println("Related stories:");
                d.related().forEach(r -> out.println("  " + r.id() + "  " + (r.label() == null ? "(untitled)" : r.label())
                        + "  " + day(r.lastSeen())));
            }
        }
    }

    @Command(name = "rebuild", mixinStandardHelpOptions = true,
            description = {"Regroup every stored article from scratch, in date order, and replace all stories.",
                    "The new stories replace the old ones in one transaction: until then readers see the old ones,",
                    "and an interrupted rebuild changes nothing."})
    static final class Rebuild implements Callable<Integer> {
        @Option(names = "--threads", paramLabel = "N", description = "Analysis threads (default: one per core).")
        int threads = Runtime.getRuntime().availableProcessors();
        @Option(names = "--json", description = "Print the tally as one JSON object on the last line.")
        boolean json;
        @Mixin
        StoreOptions storeOptions;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if (threads < 1) {
                throw new IllegalArgumentException("--threads must be at least 1");
            }
            PrintWriter out = spec.commandLine().getOut();
            try (Store store = storeOptions.open()) {
                StoryDesk.Rebuilt r;
                try {
                    r = StoryDesk.rebuild(store, StoryGrouper.Options.defaults(), threads);
                } catch (dev.precis.store.StoryConflictException e) {
                    throw new IllegalArgumentException("articles were grouped by another process during the rebuild; "
                            + "nothing was changed: run it again");
                }
                out.println(String.format(Locale.ROOT, "stories rebuild: %d articles into %d stories (%d merges, %d near-duplicates) in %.1f s in %s",
                        r.articles(), r.stories(), r.merges(), r.duplicates(), r.seconds(), store.describe()));
                if (json) {
                    out.println(Json.line(Json.object().put("articles", r.articles()).put("stories", r.stories())
                            .put("merges", r.merges()).put("duplicates", r.duplicates())
                            .put("seconds", Math.round(r.seconds() * 1000) / 1000.0)));
                }
            }
            return ExitCodes.OK;
        }
    }

    static String label(StoryRow s, List<StoryMemberRow> members) {
        if (s.label() != null && !s.label().isBlank()) {
            return s.label();
        }
        return members.stream().map(StoryMemberRow::title).filter(t -> t != null && !t.isBlank()).findFirst().orElse("(untitled)");
    }

    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** The day of an ISO time, or the text as it is. */
    static String day(String time) {
        return time != null && time.length() >= 10 && time.charAt(4) == '-' ? time.substring(0, 10) : String.valueOf(time);
    }
}
