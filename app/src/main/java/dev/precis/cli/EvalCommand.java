package dev.precis.cli;

import picocli.CommandLine.Command;

/** {@code precis eval}: quality and speed measurements on datasets. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Measure quality and speed on evaluation datasets (see the README of each data folder).",
        subcommands = {EvalSentencesCommand.class, EvalRougeCommand.class, EvalSummariesCommand.class,
                EvalExtractionCommand.class, EvalStatementsCommand.class, EvalStoriesCommand.class})
final class EvalCommand extends CommandGroup {
}
