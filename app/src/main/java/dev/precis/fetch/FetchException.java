package dev.precis.fetch;

import dev.precis.text.PortableText;

/** A page could not be fetched or was refused; the message is one line saying why. */
public final class FetchException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean hostUnreachable;

    /** A failure with its one-line reason. */
    public FetchException(String reason) {
        this(reason, false);
    }

    /**
     * A failure with its one-line reason; {@code hostUnreachable} when the host could not be reached or
     * stopped answering (connection refused or reset, a timeout) rather than answered with something
     * unwanted.
     */
    public FetchException(String reason, boolean hostUnreachable) {
        super(PortableText.line(reason));
        this.hostUnreachable = hostUnreachable;
    }

    /**
     * Whether the host could not be reached or stopped answering, so that asking it again at once would
     * most likely fail the same way (after the same wait).
     */
    public boolean hostUnreachable() {
        return hostUnreachable;
    }
}
