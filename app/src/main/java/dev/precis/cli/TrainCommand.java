package dev.precis.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code precis train}: fits the learned parts of Precis to data. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Fit learned weights to evaluation data and report cross-validated figures.",
        subcommands = {TrainSummarizerCommand.class})
final class TrainCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
