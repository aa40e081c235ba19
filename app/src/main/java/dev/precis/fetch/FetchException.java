package dev.precis.fetch;

import dev.precis.text.PortableText;

/** A page could not be fetched or was refused; the message is one line saying why. */
public final class FetchException extends Exception {

    private static final long serialVersionUID = 1L;

    /** A failure with its one-line reason. */
    public FetchException(String reason) {
        super(PortableText.line(reason));
    }
}
