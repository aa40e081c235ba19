package dev.precis.feeds;

/**
 * What polling one feed did.
 *
 * @param feedId     the feed's store id
 * @param url        the feed's URL
 * @param outcome    updated (new document read), not modified (304), or failed
 * @param message    one line for the user: counts, or what went wrong
 * @param entries    entries read from the document
 * @param added      new articles stored
 * @param linked     articles already stored (from another feed, or the same content) now linked to this feed too
 * @param pages      article pages fetched for full text
 */
public record FeedReport(long feedId, String url, Outcome outcome, String message, int entries, int added,
                         int linked, int pages) {

    /** How a poll of one feed ended. */
    public enum Outcome { UPDATED, NOT_MODIFIED, FAILED }
}
