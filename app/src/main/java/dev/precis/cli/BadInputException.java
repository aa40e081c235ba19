package dev.precis.cli;

import dev.precis.text.PortableText;

/**
 * An input the program cannot use; its message is the one line shown to the user, naming the
 * input and the problem, with any control character it quotes from the input escaped.
 */
public final class BadInputException extends RuntimeException {

    public BadInputException(String input, String problem) {
        super(PortableText.line(input + ": " + problem));
    }
}
