package dev.precis.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.eval.SummarizerTrainer;
import dev.precis.eval.SummaryEval;
import dev.precis.summary.Length;
import dev.precis.summary.PrecisSummarizer;
import dev.precis.summary.SentenceFeatures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code precis train summarizer}: fits the weights of the default summarizer. */
@Command(name = "summarizer", mixinStandardHelpOptions = true,
        description = {"Fit the weights of the default summarizer (precis) to datasets with reference summaries.",
                "The objective is the weighted mean over files of the mean (ROUGE-1 F1 + ROUGE-2 F1) / 2.",
                "Reports figures on the whole data and by k-fold cross-validation, and writes the weights."})
final class TrainSummarizerCommand implements Callable<Integer> {

    static final String DEFAULT_OUT = "core/src/main/resources/dev/precis/summary/" + PrecisSummarizer.WEIGHTS_RESOURCE;

    @Option(names = "--data", required = true, paramLabel = "FILE[@LENGTH]",
            description = {"JSONL with text and references; repeatable. After @, comma-separated settings:"
                    + " the length the file is judged at (sentences=N, default 3; words=N; ratio=R) and weight=W,"
                    + " its weight in the objective (default 1). E.g. bbc-dev.jsonl@ratio=0.4,weight=0.5."})
    List<String> data;

    @Option(names = "--out", paramLabel = "PATH", defaultValue = DEFAULT_OUT,
            description = "Where to write the weights (default: ${DEFAULT-VALUE}); - for standard output.")
    String out;

    @Option(names = "--folds", paramLabel = "K", defaultValue = "5", description = "Cross-validation folds (default 5; 0 for none).")
    int folds;

    @Option(names = "--without", paramLabel = "FEATURE", split = ",",
            description = "Features to hold at weight 0, for ablations.")
    List<String> without = List.of();

    @Option(names = "--json", description = "Print one JSON object as the last line.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<SummarizerTrainer.Dataset> datasets = new ArrayList<>();
        for (String spec1 : data) {
            int at = spec1.lastIndexOf('@');
            String file = at < 0 ? spec1 : spec1.substring(0, at);
            Length length = Length.sentences(3);
            double weight = 1;
            if (at >= 0) {
                for (String setting : spec1.substring(at + 1).split(",")) {
                    if (setting.startsWith("weight=")) {
                        weight = number(spec1, setting.substring(7));
                    } else {
                        length = length(spec1, setting);
                    }
                }
            }
            List<SummaryEval.Example> examples = SummaryEval.examples(DataFile.jsonl(Path.of(file)));
            if (examples.isEmpty()) {
                throw new BadInputException(file, "has no records with text and references");
            }
            datasets.add(new SummarizerTrainer.Dataset(Path.of(file).getFileName().toString(), examples, length, weight));
        }
        PrintWriter console = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        var trainer = new SummarizerTrainer(Set.copyOf(without), Runtime.getRuntime().availableProcessors(),
                line -> err.println("train: " + line));
        SummarizerTrainer.Report report = trainer.run(datasets, folds);
        write(report);
        if (json) {
            ObjectNode o = Json.object();
            ObjectNode w = o.putObject("weights");
            for (int k = 0; k < SentenceFeatures.COUNT; k++) {
                w.put(SentenceFeatures.NAMES.get(k), report.weights()[k]);
            }
            o.put("objective", report.objective());
            figures(o.putArray("full"), report.full());
            figures(o.putArray("cross_validated"), report.crossValidated());
            o.put("folds", folds);
            console.println(Json.line(o));
        } else {
            console.println(describe(report));
        }
        return ExitCodes.OK;
    }

    private String describe(SummarizerTrainer.Report report) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < SentenceFeatures.COUNT; k++) {
            sb.append(String.format(Locale.ROOT, "%-22s %9.4f%n", SentenceFeatures.NAMES.get(k), report.weights()[k]));
        }
        sb.append(String.format(Locale.ROOT, "objective %.5f%n", report.objective()));
        sb.append("dataset               articles   R1     R2     RLsum  (F1 x100)\n");
        for (var f : report.full()) {
            sb.append(row("full", f));
        }
        for (var f : report.crossValidated()) {
            sb.append(row(folds + "-fold CV", f));
        }
        return sb.toString().stripTrailing();
    }

    private static String row(String kind, SummarizerTrainer.Figures f) {
        return String.format(Locale.ROOT, "%-10s %-16s %4d  %6.2f %6.2f %6.2f%n", kind, f.dataset(), f.articles(),
                100 * f.rouge1(), 100 * f.rouge2(), 100 * f.rougeLsum());
    }

    private static void figures(ArrayNode array, List<SummarizerTrainer.Figures> figures) {
        for (var f : figures) {
            ObjectNode o = array.addObject();
            o.put("dataset", f.dataset()).put("articles", f.articles());
            o.putObject("rouge1").put("f1", f.rouge1());
            o.putObject("rouge2").put("f1", f.rouge2());
            o.putObject("rougeLsum").put("f1", f.rougeLsum());
        }
    }

    private void write(SummarizerTrainer.Report report) {
        String header = "Weights of the default summarizer, written by: precis train summarizer --data "
                + String.join(" --data ", data.stream().map(d -> Path.of(d).getFileName().toString()).toList())
                + (without.isEmpty() ? "" : " --without " + String.join(",", without)) + "\n"
                + describe(report);
        try {
            if (out.equals("-")) {
                Writer w = spec.commandLine().getOut();
                PrecisSummarizer.writeWeights(report.weights(), header, w);
                w.flush();
                return;
            }
            Path path = Path.of(out);
            if (path.getParent() != null) {
                Files.createDirectories(path.getParent());
            }
            try (Writer w = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
                PrecisSummarizer.writeWeights(report.weights(), header, w);
            }
        } catch (IOException e) {
            throw new BadInputException(out, "cannot write the weights: " + e.getMessage());
        }
    }

    private static double number(String spec, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new BadInputException(spec, "'" + value + "' is not a number");
        }
    }

    private static Length length(String spec, String text) {
        int eq = text.indexOf('=');
        if (eq < 0) {
            throw new BadInputException(spec, "length must be sentences=N, words=N or ratio=R");
        }
        String kind = text.substring(0, eq);
        String value = text.substring(eq + 1);
        try {
            return switch (kind) {
                case "sentences" -> Length.sentences(Integer.parseInt(value));
                case "words" -> Length.words(Integer.parseInt(value));
                case "ratio" -> Length.ratio(Double.parseDouble(value));
                default -> throw new BadInputException(spec, "length must be sentences=N, words=N or ratio=R");
            };
        } catch (NumberFormatException e) {
            throw new BadInputException(spec, "'" + value + "' is not a number");
        }
    }
}
