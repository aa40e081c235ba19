package dev.precis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.eval.ClusterScores;
import dev.precis.eval.PrfScore;
import dev.precis.eval.StoryEval;
import dev.precis.stories.StoryGrouper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code precis eval stories}: online story grouping against gold story clusters. */
@Command(name = "stories", mixinStandardHelpOptions = true,
        description = {"Replays a story clustering set (JSONL with title, text, date, source, url, cluster)",
                "through the online story grouping in date order (assignments, merges and regroups, as ingest",
                "runs them) and scores B-cubed and pairwise P/R/F1."})
final class EvalStoriesCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "JSONL story clustering set.")
    Path data;

    @Option(names = "--json", description = "Print one JSON object as the last line.")
    boolean json;

    @Option(names = "--threshold", paramLabel = "T", description = "Join threshold (default: the grouper's).")
    Double threshold;

    @Option(names = "--window-days", paramLabel = "DAYS", description = "Time window in days (default: the grouper's).")
    Integer windowDays;

    @Option(names = "--merge-threshold", paramLabel = "T", description = "Merge threshold (default: the grouper's).")
    Double mergeThreshold;

    @Option(names = "--meaning-weight", paramLabel = "W",
            description = "Weight of the sentence-encoder view against the term views (default: the grouper's; 0: terms alone).")
    Double meaningWeight;

    @Option(names = "--regroup-every", paramLabel = "N",
            description = "Least assignments between two regroups of the live stories (default: the grouper's; 0: never).")
    Integer regroupEvery;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<JsonNode> records = DataFile.jsonl(data);
        StoryGrouper.Options options = StoryGrouper.Options.defaults();
        if (threshold != null) {
            options = options.withThreshold(threshold);
        }
        if (windowDays != null) {
            options = options.withWindowDays(windowDays);
        }
        if (mergeThreshold != null) {
            options = options.withMergeThreshold(mergeThreshold);
        }
        if (meaningWeight != null) {
            options = options.withMeaningWeight(meaningWeight);
        }
        if (regroupEvery != null) {
            options = options.withRegroupEvery(regroupEvery);
        }
        StoryEval.Result r = StoryEval.run(records, options);
        ClusterScores s = r.scores();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode o = Json.object();
            o.put("articles", r.articles());
            prf(o.putObject("bcubed"), s.bcubed());
            prf(o.putObject("pairwise"), s.pairwise());
            ObjectNode clusters = o.putObject("clusters");
            clusters.put("predicted", s.predicted());
            clusters.put("gold", s.gold());
            ObjectNode ms = o.putObject("ms_per_article");
            ms.put("median", r.medianMs());
            ms.put("p95", r.p95Ms());
            o.putObject("encode_ms_per_article").put("median", r.medianEncodeMs());
            ObjectNode regroups = o.putObject("regroups");
            regroups.put("count", r.regroups());
            regroups.put("seconds", r.regroupSeconds());
            regroups.put("ms_per_article", r.articles() == 0 ? 0 : 1000 * r.regroupSeconds() / r.articles());
            out.println(Json.line(o));
        } else {
            out.printf("articles         %d%n", r.articles());
            out.printf("B-cubed          P %.4f  R %.4f  F1 %.4f%n", s.bcubed().precision(), s.bcubed().recall(), s.bcubed().f1());
            out.printf("pairwise         P %.4f  R %.4f  F1 %.4f%n", s.pairwise().precision(), s.pairwise().recall(), s.pairwise().f1());
            out.printf("clusters         %d predicted, %d gold%n", s.predicted(), s.gold());
            out.printf("ms per article   median %.3f  p95 %.3f (assignment)%n", r.medianMs(), r.p95Ms());
            out.printf("                 median %.3f (encoding headline and lead, done at ingest)%n", r.medianEncodeMs());
            out.printf("regroups         %d, %.1f s together (%.3f ms per article)%n", r.regroups(), r.regroupSeconds(),
                    r.articles() == 0 ? 0 : 1000 * r.regroupSeconds() / r.articles());
        }
        return 0;
    }

    private static void prf(ObjectNode o, PrfScore score) {
        o.put("p", score.precision());
        o.put("r", score.recall());
        o.put("f1", score.f1());
    }
}
