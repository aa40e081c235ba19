package dev.precis.feeds;

import dev.precis.text.PortableText;

/** A document that is not a usable feed (or OPML file); the message is a short status line for the user. */
public final class FeedFormatException extends Exception {

    public FeedFormatException(String message) {
        super(PortableText.line(message));
    }
}
