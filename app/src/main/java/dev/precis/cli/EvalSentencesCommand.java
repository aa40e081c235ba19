package dev.precis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.eval.SentenceEval;
import dev.precis.text.SentenceSplitter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code precis eval sentences}: sentence splitting against reference sentences. */
@Command(name = "sentences", mixinStandardHelpOptions = true,
        description = {"Share of reference summary sentences that equal exactly one sentence of the split",
                "(for datasets whose references are article sentences, e.g. bbc-dev.jsonl)."})
final class EvalSentencesCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "JSONL with text and references.")
    Path data;

    @Option(names = "--json", description = "Print one JSON object as the last line.")
    boolean json;

    @Option(names = "--show-misses", description = "List reference sentences that were not matched.")
    boolean showMisses;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<JsonNode> records = DataFile.jsonl(data);
        SentenceEval.Result r = SentenceEval.run(records, SentenceSplitter.english());
        PrintWriter out = spec.commandLine().getOut();
        if (showMisses) {
            r.misses().forEach(m -> out.println("miss  " + m));
        }
        if (json) {
            ObjectNode o = Json.object();
            o.put("articles", r.articles());
            o.put("reference_sentences", r.referenceSentences());
            o.put("excluded", r.excluded());
            o.put("exact", r.exact());
            out.println(Json.line(o));
        } else {
            out.printf("articles             %d%n", r.articles());
            out.printf("reference sentences  %d (judged)%n", r.referenceSentences());
            out.printf("excluded             %d (not verbatim in the text)%n", r.excluded());
            out.printf("exact                %.2f %%%n", 100 * r.exact());
        }
        return 0;
    }
}
