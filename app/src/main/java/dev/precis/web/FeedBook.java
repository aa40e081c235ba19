package dev.precis.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reader's list of subscribed feeds and which articles came from each. This in-memory
 * book stands in until the store keeps feeds; the feed poller (see {@code ServeCommand}) records
 * fetch results into it through {@link #record}.
 */
public final class FeedBook {

    private final Map<Long, Newsroom.Feed> feeds = new LinkedHashMap<>();
    private final Map<Long, List<String>> articles = new LinkedHashMap<>();
    private long nextId = 1;

    /** Subscribes; an already subscribed URL returns its existing feed. */
    public synchronized Newsroom.Feed add(String url, String title) {
        for (Newsroom.Feed f : feeds.values()) {
            if (f.url().equals(url)) {
                return f;
            }
        }
        Newsroom.Feed f = new Newsroom.Feed(nextId++, url, title, null, null, null, 0);
        feeds.put(f.id(), f);
        articles.put(f.id(), new ArrayList<>());
        return f;
    }

    /** Unsubscribes; false when there was no such feed. */
    public synchronized boolean remove(long id) {
        articles.remove(id);
        return feeds.remove(id) != null;
    }

    /** Every feed, in subscription order. */
    public synchronized List<Newsroom.Feed> list() {
        return List.copyOf(feeds.values());
    }

    /** Article ids from feed {@code id}, newest first. */
    public synchronized List<String> articles(long id) {
        return List.copyOf(articles.getOrDefault(id, List.of()));
    }

    /**
     * Records one fetch of feed {@code id}: its title (if learned), an error (or null), when to
     * fetch next, and the ids of articles it brought (newest first).
     */
    public synchronized void record(long id, String title, String error, Instant next, List<String> newArticles) {
        Newsroom.Feed f = feeds.get(id);
        if (f == null) {
            return;
        }
        List<String> ids = articles.get(id);
        for (int i = newArticles.size() - 1; i >= 0; i--) {
            if (!ids.contains(newArticles.get(i))) {
                ids.add(0, newArticles.get(i));
            }
        }
        feeds.put(id, new Newsroom.Feed(id, f.url(), title != null ? title : f.title(), Instant.now().toString(),
                next == null ? null : next.toString(), error, ids.size()));
    }
}
