package dev.precis.feeds;

import dev.precis.article.html.PageDecoder;
import dev.precis.fetch.FetchException;
import dev.precis.fetch.FetchResponse;
import dev.precis.fetch.PageFetcher;

import java.util.List;
import java.util.Map;

/**
 * Finds the feed behind a URL a user gives: the URL itself when it serves a feed, else the first feed an
 * HTML page at that URL announces with {@code <link rel="alternate">}.
 */
public final class FeedFinder {

    /** A feed found: the URL to subscribe to and what it holds now. */
    public record Found(String url, ParsedFeed feed) {
    }

    private static final int MAX_CANDIDATES = 3;

    private final PageFetcher fetcher;
    private final FeedParser parser = new FeedParser();

    public FeedFinder(PageFetcher fetcher) {
        this.fetcher = fetcher;
    }

    /**
     * The feed at or announced by {@code url}.
     *
     * @throws FeedFormatException when neither the URL nor any feed its page links to is a feed
     * @throws FetchException      when the URL cannot be fetched
     */
    public Found find(String url) throws FeedFormatException, FetchException {
        FetchResponse r = get(url);
        try {
            return new Found(url, parser.parse(r.body(), r.header("content-type"), r.url()));
        } catch (FeedFormatException notAFeed) {
            if (!notAFeed.getMessage().equals("not a feed: an HTML page")) {
                throw notAFeed;
            }
            List<String> candidates = FeedDiscovery.feeds(PageDecoder.decode(r.body(), r.header("content-type")), r.url());
            if (candidates.isEmpty()) {
                throw new FeedFormatException("not a feed: an HTML page that links to no feed");
            }
            String last = null;
            for (String candidate : candidates.subList(0, Math.min(MAX_CANDIDATES, candidates.size()))) {
                try {
                    FetchResponse c = get(candidate);
                    return new Found(candidate, parser.parse(c.body(), c.header("content-type"), c.url()));
                } catch (FeedFormatException | FetchException e) {
                    last = candidate + ": " + e.getMessage();
                }
            }
            throw new FeedFormatException("the page links to no working feed (" + last + ")");
        }
    }

    private FetchResponse get(String url) throws FetchException {
        FetchResponse r = fetcher.get(url, Map.of("Accept", FeedPoller.FEED_ACCEPT + ", text/html;q=0.7"));
        if (r.status() < 200 || r.status() >= 300) {
            throw new FetchException("HTTP " + r.status());
        }
        return r;
    }
}
