package dev.precis.feeds;

import java.time.Instant;
import java.util.List;

/**
 * One entry of a feed, as the feed itself gives it, whatever its format.
 *
 * @param id        the entry's stable id (guid, Atom id, JSON Feed id), or its link when it has none
 * @param url       the linked article page, or {@code null}
 * @param title     the headline, or {@code null}
 * @param authors   author names, possibly empty
 * @param published publication (or, failing that, update) time, or {@code null} when absent or unreadable
 * @param content   the entry's body as HTML (full content when the feed has it, else its summary), or {@code null}
 */
public record FeedEntry(String id, String url, String title, List<String> authors, Instant published,
                        String content) {

    public FeedEntry {
        authors = authors == null ? List.of() : List.copyOf(authors);
    }
}
