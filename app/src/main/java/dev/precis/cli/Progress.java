package dev.precis.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress of a long command on standard error: a bar with rate and ETA redrawn in place on a
 * terminal, or a plain line every few seconds when output goes to a file or pipe.
 */
final class Progress {

    private static final long TERMINAL_EVERY_NANOS = 200_000_000L;
    private static final long PLAIN_EVERY_NANOS = 5_000_000_000L;
    private static final int BAR = 28;

    private final PrintWriter err;
    private final String label;
    private final long total;
    private final boolean terminal;
    private final long started = System.nanoTime();
    private long lastShown = started;
    private boolean drawn;

    Progress(PrintWriter err, String label, long total, boolean terminal) {
        this.err = err;
        this.label = label;
        this.total = total;
        this.terminal = terminal;
    }

    /** Whether standard error is an interactive terminal. */
    static boolean onTerminal() {
        Console c = System.console();
        if (c == null) {
            return false;
        }
        try {
            // Java 22+ returns a console even when redirected; it then says whether it is a terminal
            return (Boolean) Console.class.getMethod("isTerminal").invoke(c);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    /** Reports {@code done} items finished; redraws when due. */
    void update(long done) {
        long now = System.nanoTime();
        if (now - lastShown < (terminal ? TERMINAL_EVERY_NANOS : PLAIN_EVERY_NANOS)) {
            return;
        }
        lastShown = now;
        double secs = (now - started) / 1e9;
        double rate = secs > 0 ? done / secs : 0;
        String eta = total > 0 && rate > 0 && done <= total ? " ETA " + clock((total - done) / rate) : "";
        String count = total > 0 ? done + "/" + total : String.valueOf(done);
        String rateText = String.format(Locale.ROOT, "%.0f/s", rate);
        if (terminal) {
            String bar = "";
            if (total > 0) {
                int filled = (int) Math.min(BAR, BAR * done / total);
                bar = "[" + "#".repeat(filled) + "-".repeat(BAR - filled) + "] "
                        + String.format(Locale.ROOT, "%3d%% ", Math.min(100, 100 * done / total));
            }
            err.print("\r" + label + " " + bar + count + "  " + rateText + eta + "   ");
            drawn = true;
        } else {
            err.println("precis: " + label + ": " + count + " done, " + rateText + eta);
        }
        err.flush();
    }

    /** Clears the bar so the next output starts on a clean line. */
    void finish() {
        if (drawn) {
            err.print("\r" + " ".repeat(BAR + label.length() + 60) + "\r");
            err.flush();
        }
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
