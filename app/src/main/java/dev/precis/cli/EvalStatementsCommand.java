package dev.precis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.eval.PrfScore;
import dev.precis.eval.StatementEval;
import dev.precis.statements.CueLexicon;
import dev.precis.statements.StatementExtractor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code precis eval statements}: who-said-what extraction against gold quotes. */
@Command(name = "statements", mixinStandardHelpOptions = true,
        description = {"Statement extraction scored with the Gender Gap Tracker quote metric: lenient (overlap >= 0.3",
                "of the gold span) and strict (>= 0.8) P/R/F1, speaker match and cue match (e.g. ggt.jsonl, polnear.jsonl).",
                "Also the speaker match against each gold speaker span re-anchored to its words nearest the gold cue",
                "(speaker_match_anchored), since the GGT speaker offsets often point at another mention."})
final class EvalStatementsCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "JSONL with text and quotes.")
    Path data;

    @Option(names = "--json", description = "Print one JSON object as the last line.")
    boolean json;

    @Option(names = "--speech-only", description = {"Score only gold attributions whose cue is a speech cue of the lexicon",
            "(PolNeAR also attributes beliefs and intentions: \"think\", \"wants\")."})
    boolean speechOnly;

    @Option(names = "--show-misses", description = "List missed gold quotes, lenient-only matches, extra predictions and speaker mismatches.")
    boolean showMisses;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<JsonNode> records = DataFile.jsonl(data);
        CueLexicon lexicon = CueLexicon.english();
        StatementEval.Result r = StatementEval.run(records, new StatementExtractor(lexicon),
                speechOnly ? lexicon::isSpeechCue : cue -> true);
        PrintWriter out = spec.commandLine().getOut();
        if (showMisses) {
            r.misses().forEach(out::print);
        }
        StatementEval.Counts c = r.counts();
        if (json) {
            ObjectNode o = Json.object();
            o.put("articles", r.articles());
            put(o.putObject("lenient"), c.lenientScore());
            put(o.putObject("strict"), c.strictScore());
            o.put("speaker_match", c.speakerMatch());
            o.put("cue_match", c.cueMatch());
            o.put("speaker_match_anchored", c.speakerMatchAnchored());
            o.putObject("ms_per_article").put("median", r.msMedian()).put("p95", r.msP95());
            out.println(Json.line(o));
        } else {
            out.printf("articles       %d (gold quotes %d, predicted %d)%n", r.articles(), c.gold(), c.predicted());
            print(out, "lenient", c.lenientScore());
            print(out, "strict", c.strictScore());
            out.printf("speaker match  %.3f (of %d)%n", c.speakerMatch(), c.speakerJudged());
            out.printf("  anchored     %.3f (gold speaker re-anchored to its words nearest the cue)%n",
                    c.speakerMatchAnchored());
            out.printf("cue match      %.3f (of %d)%n", c.cueMatch(), c.cueJudged());
            out.printf("ms/article     median %.3f  p95 %.3f%n", r.msMedian(), r.msP95());
        }
        return 0;
    }

    private static void put(ObjectNode o, PrfScore s) {
        o.put("p", s.precision()).put("r", s.recall()).put("f1", s.f1());
    }

    private static void print(PrintWriter out, String name, PrfScore s) {
        out.printf("%-14s P %.3f  R %.3f  F1 %.3f%n", name, s.precision(), s.recall(), s.f1());
    }
}
