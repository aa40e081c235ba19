package dev.precis.cli;

/** Exit codes of the command line. */
final class ExitCodes {
    static final int OK = 0;
    /** An input could not be used. */
    static final int BAD_INPUT = 2;
    /** A check failed (quality gate below its floor, conformance mismatch). */
    static final int CHECK_FAILED = 3;
    /** Something unexpected went wrong inside the program. */
    static final int INTERNAL = 70;

    private ExitCodes() {
    }
}
