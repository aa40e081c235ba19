package dev.precis.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.eval.SummaryEval;
import dev.precis.summary.Length;
import dev.precis.summary.Summarizers;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code precis eval summaries}: ROUGE and speed of a summarizer on a dataset. */
@Command(name = "summaries", mixinStandardHelpOptions = true,
        description = {"ROUGE-1/2/L/Lsum F1 (stemmed, mean per article, 95%% bootstrap intervals) and speed of a",
                "summarizer on a JSONL dataset with text and references. The text is taken verbatim as the body."})
final class EvalSummariesCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "JSONL with text and references.")
    Path data;

    @Option(names = "--algorithm", paramLabel = "NAME", defaultValue = Summarizers.DEFAULT,
            description = "precis (default), lead, textrank or lexrank.")
    String algorithm;

    @ArgGroup(exclusive = true)
    SummarizeCommand.LengthOption length;

    @Option(names = "--threads", paramLabel = "N", description = "Threads (default: all cores).")
    Integer threads;

    @Option(names = "--json", description = "Print one JSON object as the last line.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var summarizer = Summarizers.byName(algorithm);
        Length chosen = length == null ? Length.sentences(3) : length.toLength();
        List<SummaryEval.Example> examples = SummaryEval.examples(DataFile.jsonl(data));
        if (examples.isEmpty()) {
            throw new BadInputException(data.toString(), "has no records with text and references");
        }
        int cores = threads != null ? Math.max(1, threads) : Runtime.getRuntime().availableProcessors();
        SummaryEval.Result r = SummaryEval.run(examples, summarizer, chosen, cores);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode o = Json.object();
            o.put("articles", r.articles());
            o.put("algorithm", r.algorithm());
            put(o, "rouge1", r.rouge1());
            put(o, "rouge2", r.rouge2());
            put(o, "rougeL", r.rougeL());
            put(o, "rougeLsum", r.rougeLsum());
            o.putObject("ms_per_article").put("median", r.medianMs()).put("p95", r.p95Ms());
            o.put("articles_per_second", r.articlesPerSecond());
            out.println(Json.line(o));
        } else {
            out.printf("algorithm   %s, %s%n", r.algorithm(), describe(chosen));
            out.printf("articles    %d%n", r.articles());
            out.println("measure     F1 x100   95% interval     P x100   R x100");
            row(out, "ROUGE-1", r.rouge1());
            row(out, "ROUGE-2", r.rouge2());
            row(out, "ROUGE-L", r.rougeL());
            row(out, "ROUGE-Lsum", r.rougeLsum());
            out.printf("ms/article  median %.3f, p95 %.3f (text to summary)%n", r.medianMs(), r.p95Ms());
            out.printf("throughput  %.0f articles/s on %d threads%n", r.articlesPerSecond(), r.threads());
        }
        return ExitCodes.OK;
    }

    private static void put(ObjectNode o, String key, SummaryEval.Measure m) {
        ObjectNode m1 = o.putObject(key);
        m1.put("p", m.precision()).put("r", m.recall()).put("f1", m.f1());
        m1.putArray("f1_ci95").add(m.f1Low()).add(m.f1High());
    }

    private static void row(PrintWriter out, String name, SummaryEval.Measure m) {
        out.printf("%-11s %6.2f   [%5.2f, %5.2f]   %6.2f   %6.2f%n", name, 100 * m.f1(), 100 * m.f1Low(),
                100 * m.f1High(), 100 * m.precision(), 100 * m.recall());
    }

    private static String describe(Length l) {
        return switch (l) {
            case Length.Sentences s -> s.n() + " sentences";
            case Length.Words w -> w.n() + " words";
            case Length.Ratio r -> "ratio " + r.ratio();
        };
    }
}
