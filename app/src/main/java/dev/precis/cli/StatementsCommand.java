package dev.precis.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.article.Article;
import dev.precis.statements.Statement;
import dev.precis.statements.StatementExtractor;
import dev.precis.text.Doc;
import dev.precis.text.Span;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code precis statements}: who said what in each article. */
@Command(name = "statements", mixinStandardHelpOptions = true,
        description = {"Who said what: the statements of each article.",
                "Direct quotes and reported speech with speaker, role, cue and content, and their offsets into",
                "the article text."})
final class StatementsCommand implements Callable<Integer> {

    @Parameters(paramLabel = "INPUT", arity = "0..*",
            description = "Files (.txt, .md, .html, .html.gz), http(s) URLs, or - for standard input (default: -).")
    List<String> inputs = List.of("-");

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text, markdown or json.")
    Format format;

    @picocli.CommandLine.Mixin
    FetchOptions fetch;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        StatementExtractor extractor = new StatementExtractor();
        boolean several = inputs.size() > 1;
        dev.precis.fetch.PageFetcher fetcher = fetch.fetcher();
        return Batch.each(inputs, spec, (input, out) -> {
            Article article = InputArticles.load(input, null, fetcher);
            List<Statement> statements = extractor.statements(Doc.of(article.text()));
            print(out, input, article, statements, several);
        });
    }

    private void print(PrintWriter out, String input, Article article, List<Statement> statements, boolean several) {
        switch (format) {
            case json -> {
                ObjectNode o = Json.object();
                o.put("input", input);
                ArrayNode list = o.putArray("statements");
                for (Statement s : statements) {
                    ObjectNode n = list.addObject();
                    n.put("speaker", s.speaker());
                    n.put("role", s.role());
                    n.put("speaker_mention", s.speakerMention());
                    span(n, "speaker_span", s.speakerSpan());
                    n.put("cue", s.cue());
                    n.put("cue_lemma", s.cueLemma());
                    span(n, "cue_span", s.cueSpan());
                    n.put("content", s.content());
                    span(n, "content_span", s.contentSpan());
                    n.put("kind", s.kind().label());
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
                for (Statement s : statements) {
                    out.println("- **" + speaker(s) + "**" + role(s) + cue(s) + ": " + flat(s.content()));
                }
                out.println();
            }
            case text -> {
                if (several) {
                    out.println("== " + input);
                }
                for (Statement s : statements) {
                    out.println(speaker(s) + role(s) + cue(s) + ": " + flat(s.content()));
                }
                if (several) {
                    out.println();
                }
            }
        }
    }

    private static void span(ObjectNode n, String key, Span span) {
        if (span == null) {
            n.putNull(key);
        } else {
            n.putArray(key).add(span.start()).add(span.end());
        }
    }

    private static String speaker(Statement s) {
        return s.speaker() == null ? "(unattributed)" : s.speaker();
    }

    private static String role(Statement s) {
        return s.role() == null ? "" : " (" + s.role() + ")";
    }

    private static String cue(Statement s) {
        return " — " + (s.cue() == null ? "continues" : s.cue().replace('\n', ' '));
    }

    private static String flat(String s) {
        return s.replaceAll("\\s+", " ");
    }
}
