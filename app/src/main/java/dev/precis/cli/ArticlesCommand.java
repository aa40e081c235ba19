package dev.precis.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.article.Article;
import dev.precis.store.ArticleRow;
import dev.precis.store.Store;
import dev.precis.store.StoredArticle;
import dev.precis.summary.SummarySentence;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code precis articles list|show}: what the store holds. */
@Command(name = "articles", mixinStandardHelpOptions = true, description = "List stored articles or show one.",
        subcommands = {ArticlesCommand.ListArticles.class, ArticlesCommand.Show.class})
final class ArticlesCommand extends CommandGroup {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Stored articles, newest first.")
    static final class ListArticles implements Callable<Integer> {
        @Mixin
        Paging paging;
        @Option(names = "--json", description = "One JSON object per article.")
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
                for (ArticleRow r : store.articles(paging.limit, paging.offset)) {
                    if (json) {
                        out.println(Json.line(Json.object().put("id", r.id()).put("title", r.title()).put("source", r.source())
                                .put("published", r.published()).put("url", r.url()).put("added", r.addedAt())));
                    } else {
                        out.println(r.id() + "  " + (r.title() == null ? "(untitled)" : r.title())
                                + (r.source() == null ? "" : "  — " + r.source())
                                + (r.published() == null ? "" : "  " + r.published()));
                    }
                }
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "One article with its summary.")
    static final class Show implements Callable<Integer> {
        @Parameters(paramLabel = "ID", description = "Article id (see 'articles list').")
        long id;
        @Option(names = "--json", description = "As one JSON object.")
        boolean json;
        @Mixin
        StoreOptions storeOptions;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Store store = storeOptions.open()) {
                StoredArticle s = store.article(id).orElseThrow(() -> new BadInputException(String.valueOf(id), "no article with this id"));
                Article a = s.article();
                if (json) {
                    ObjectNode o = Json.object();
                    o.put("id", s.id()).put("title", a.title()).put("source", a.source()).put("url", a.url())
                            .put("published", a.published()).put("added", s.addedAt());
                    a.byline().forEach(o.putArray("byline")::add);
                    ArrayNode sum = o.putArray("summary");
                    for (SummarySentence ss : s.digest().summary().sentences()) {
                        sum.addObject().put("index", ss.index()).put("start", ss.start()).put("end", ss.end())
                                .put("score", ss.score()).put("text", ss.text());
                    }
                    s.digest().keyphrases().forEach(o.putArray("keyphrases")::add);
                    o.put("fingerprint", Long.toHexString(s.digest().fingerprint()));
                    o.put("text", a.text());
                    out.println(Json.line(o));
                    return ExitCodes.OK;
                }
                out.println(a.title() == null ? "(untitled)" : a.title());
                String meta = String.join("  ", java.util.stream.Stream.of(a.source(), String.join(", ", a.byline()), a.published(), a.url())
                        .filter(x -> x != null && !x.isBlank()).toList());
                if (!meta.isEmpty()) {
                    out.println(meta);
                }
                out.println();
                out.println("Summary:");
                s.digest().summary().sentences().forEach(ss -> out.println("  - " + ss.text()));
                out.println("Keyphrases: " + String.join(", ", s.digest().keyphrases()));
                out.println();
                out.println(a.text());
                return ExitCodes.OK;
            }
        }
    }

}
