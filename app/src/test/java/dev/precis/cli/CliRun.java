package dev.precis.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
<<<<<<< HEAD

/** Runs the command line in-process and keeps what it printed. */
record CliRun(int exit, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }
=======
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

    /** The non-empty lines of standard error. */
    public List<String> errLines() {
        return err.lines().filter(l -> !l.isBlank()).toList();
    }
>>>>>>> store
}
