package dev.precis.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The {@code precis} command line. */
@Command(name = "precis", mixinStandardHelpOptions = true, version = "precis 0.1.0",
        description = {"Precis: a self-hosted news digest engine.",
                "Extracts articles, summarizes them faithfully, shows who said what, and groups stories."},
        subcommands = {SummarizeCommand.class, ExtractCommand.class, StatementsCommand.class,
                IngestCommand.class, SearchCommand.class, ArticlesCommand.class, StoriesCommand.class, StatsCommand.class,
                FeedsCommand.class, PollCommand.class, DemoCommand.class, ServeCommand.class,
                EvalCommand.class, TrainCommand.class, CommandLine.HelpCommand.class})
public final class Main extends CommandGroup {

    /** Runs the command line and returns its exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof BadInputException) {
                commandLine.getErr().println("precis: " + ex.getMessage());
                return ExitCodes.BAD_INPUT;
            }
            if (ex instanceof IllegalArgumentException || ex instanceof dev.precis.store.StoreException) {
                commandLine.getErr().println("precis: " + ex.getMessage());
                return ExitCodes.BAD_INPUT;
            }
            commandLine.getErr().println("precis: internal error: " + ex);
            if (System.getenv("PRECIS_DEBUG") != null) {
                ex.printStackTrace(commandLine.getErr());
            }
            return ExitCodes.INTERNAL;
        });
        cli.setParameterExceptionHandler((ex, args1) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("precis: " + ex.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help'.");
            return ExitCodes.BAD_INPUT;
        });
        return cli.execute(args);
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = run(args, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
