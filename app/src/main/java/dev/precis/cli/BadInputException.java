package dev.precis.cli;

/**
 * An input the program cannot use; its message is the one line shown to the user, naming the
 * input and the problem.
 */
public final class BadInputException extends RuntimeException {

    public BadInputException(String input, String problem) {
        super(input + ": " + problem);
    }
}
