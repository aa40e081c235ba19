package dev.precis.store;

import java.time.Duration;
import java.time.Instant;

/**
 * A feed subscription with its polling state, as the store keeps it.
 *
 * @param id           store id
 * @param url          the feed's URL
 * @param title        the feed's title, once known
 * @param siteUrl      the site the feed belongs to, once known
 * @param etag         the {@code ETag} of the last full response, for {@code If-None-Match}
 * @param lastModified the {@code Last-Modified} of the last full response, for {@code If-Modified-Since}
 * @param interval     the time between polls the feed was last given
 * @param nextFetch    when the feed is due, or {@code null} when it is due now (never fetched)
 * @param lastFetch    when it was last fetched, or {@code null}
 * @param lastError    what went wrong on the last fetch, or {@code null} when it went well
 * @param errorCount   consecutive failed fetches
 * @param articleCount stored articles that came from this feed
 * @param addedAt      when it was subscribed
 */
public record FeedRecord(long id, String url, String title, String siteUrl, String etag, String lastModified,
                         Duration interval, Instant nextFetch, Instant lastFetch, String lastError, int errorCount,
                         int articleCount, Instant addedAt) {

    /** Whether the feed should be fetched at {@code now}. */
    public boolean isDue(Instant now) {
        return nextFetch == null || !nextFetch.isAfter(now);
    }
}
