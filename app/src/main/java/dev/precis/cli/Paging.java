package dev.precis.cli;

import picocli.CommandLine.Option;

/** The {@code --limit N --offset N} options of the list commands. */
final class Paging {

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "At most N (default 20).")
    int limit;

    @Option(names = "--offset", paramLabel = "N", defaultValue = "0", description = "Skip the first N.")
    int offset;

    /** Refuses a limit below 1 or a negative offset. */
    void check() {
        if (limit < 1 || offset < 0) {
            throw new IllegalArgumentException("--limit must be at least 1 and --offset at least 0");
        }
    }
}
