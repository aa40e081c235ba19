package dev.precis.cli;

import picocli.CommandLine.Command;

/** {@code precis train}: fits the learned parts of Precis to data. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Fit learned weights to evaluation data and report cross-validated figures.",
        subcommands = {TrainSummarizerCommand.class})
final class TrainCommand extends CommandGroup {
}
