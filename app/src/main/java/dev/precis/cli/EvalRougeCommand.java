package dev.precis.cli;

import dev.precis.eval.RougeConformance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code precis eval rouge-conformance}: checks the ROUGE scorer against reference outputs. */
@Command(name = "rouge-conformance", mixinStandardHelpOptions = true,
        description = {"Check the ROUGE scorer and Porter stemmer against the reference scorer's outputs",
                "(rouge-test-vectors.jsonl and porter-nltk-stems.tsv in the given folder)."})
final class EvalRougeCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Folder holding the two reference files.")
    Path data;

    @Option(names = "--json", description = "Print one JSON object as the last line.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!Files.isDirectory(data)) {
            throw new BadInputException(data.toString(), "is not a folder");
        }
        RougeConformance.Report report;
        try {
            report = RougeConformance.check(data);
        } catch (IOException e) {
            throw new BadInputException(data.toString(), "cannot read the reference files: " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        report.failures().stream().limit(20).forEach(f -> out.println("mismatch  " + f));
        if (json) {
            var o = Json.object();
            o.put("vectors_passed", report.vectorsPassed()).put("vectors", report.vectorsTotal());
            o.put("stems_passed", report.stemsPassed()).put("stems", report.stemsTotal());
            o.put("largest_deviation", report.largestDeviation()).put("passed", report.passed());
            out.println(Json.line(o));
        } else {
            out.println(report.summary());
        }
        return report.passed() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }
}
