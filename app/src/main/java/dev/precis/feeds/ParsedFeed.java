package dev.precis.feeds;

import java.time.Duration;
import java.util.List;

/**
 * What a feed document says: its title, home page, suggested refresh interval and entries.
 *
 * @param format       "rss_2.0", "atom_1.0", "json_1.1"... as detected
 * @param title        the feed's title, or {@code null}
 * @param siteUrl      the site the feed belongs to, or {@code null}
 * @param ttl          the refresh interval the feed asks for (RSS {@code <ttl>}), or {@code null}
 * @param entries      the entries kept, newest first as the feed lists them
 * @param totalEntries how many entries the document had (more than {@code entries.size()} when capped)
 */
public record ParsedFeed(String format, String title, String siteUrl, Duration ttl, List<FeedEntry> entries,
                         int totalEntries) {

    public ParsedFeed {
        entries = List.copyOf(entries);
    }
}
