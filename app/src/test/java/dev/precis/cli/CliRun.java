package dev.precis.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/**
 * The outcome of running the command line in-process.
 *
 * @param exit   exit code
 * @param out    standard output
 * @param err    standard error
 */
public record CliRun(int exit, String out, String err) {

    /** Runs {@code precis args...}. */
    public static CliRun of(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Runs {@code precis args...}. */
    public static CliRun of(String... args) {
        return of(List.of(args));
    }

    /** The non-empty lines of standard error. */
    public List<String> errLines() {
        return err.lines().filter(l -> !l.isBlank()).toList();
    }
}
