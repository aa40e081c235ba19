package dev.precis.cli;

import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.List;

/**
 * Runs a content command over each input in turn: a bad input prints its one-line error and the
 * rest go on; the exit code says whether any failed.
 */
final class Batch {

    /** The work for one input. */
    @FunctionalInterface
    interface Job {
        void run(String input, PrintWriter out);
    }

    private Batch() {
    }

    static int each(List<String> inputs, CommandSpec spec, Job job) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int failed = 0;
        for (String input : inputs) {
            try {
                job.run(input, out);
            } catch (BadInputException e) {
                failed++;
                err.println("precis: " + e.getMessage());
            }
            out.flush();
        }
        return failed == 0 ? 0 : ExitCodes.BAD_INPUT;
    }
}
