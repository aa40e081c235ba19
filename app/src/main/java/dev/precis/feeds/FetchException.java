package dev.precis.feeds;

/** A fetch that failed or was refused; the message is a short status line naming the problem. */
public final class FetchException extends Exception {

    public FetchException(String message) {
        super(message);
    }
}
