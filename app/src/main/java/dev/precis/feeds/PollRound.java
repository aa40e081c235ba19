package dev.precis.feeds;

import java.time.Duration;
import java.util.List;

/**
 * What one polling round did, with the request counts a politeness or efficiency check needs.
 *
 * @param feeds       one report per feed polled
 * @param elapsed     wall time of the round
 * @param requests    HTTP requests made (feeds, pages, robots.txt)
 * @param conditional feed requests sent with {@code If-None-Match} or {@code If-Modified-Since}
 * @param notModified 304 answers received
 */
public record PollRound(List<FeedReport> feeds, Duration elapsed, int requests, int conditional, int notModified) {

    public PollRound {
        feeds = List.copyOf(feeds);
    }

    /** Feeds whose poll ended with the given outcome. */
    public long count(FeedReport.Outcome outcome) {
        return feeds.stream().filter(f -> f.outcome() == outcome).count();
    }

    /** New articles stored in the round. */
    public int added() {
        return feeds.stream().mapToInt(FeedReport::added).sum();
    }
}
