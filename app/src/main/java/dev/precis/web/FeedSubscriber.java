package dev.precis.web;

import dev.precis.feeds.FeedFinder;
import dev.precis.feeds.FeedFormatException;
import dev.precis.feeds.FeedPoller;
import dev.precis.feeds.FeedReport;
import dev.precis.fetch.FetchException;
import dev.precis.fetch.PageFetcher;
import dev.precis.store.FeedRecord;
import dev.precis.storydesk.StoryDesk;

import java.time.Duration;

/**
 * Subscribes to a feed the way a reader expects when they press "Add feed": finds the feed at or
 * behind the address ({@link FeedFinder}, through the guarded {@link PageFetcher}: private hosts
 * refused unless allowed), stores the subscription and polls it once with the {@link FeedPoller},
 * so its articles are there at once. Later rounds are the background poller's.
 */
public final class FeedSubscriber implements AutoCloseable {

    private final FeedFinder finder;
    private final FeedPoller poller;

    /** Subscribes and polls into the desk's store, grouping new articles into stories. */
    public FeedSubscriber(StoryDesk desk, PageFetcher fetcher) {
        this.finder = new FeedFinder(fetcher);
        this.poller = new FeedPoller(desk, fetcher, FeedPoller.Settings.DEFAULT);
    }

    /** The poller, to run in the background while serving. */
    public FeedPoller poller() {
        return poller;
    }

    Newsroom.Feed subscribe(String url, String title, StoreNewsroom room) {
        FeedFinder.Found found;
        try {
            found = finder.find(url);
        } catch (FetchException e) {
            throw new IllegalArgumentException("cannot fetch " + url + ": " + e.getMessage());
        } catch (FeedFormatException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        String name = title != null && !title.isBlank() ? title : found.feed().title();
        FeedRecord record = room.store().addFeed(found.url(), name, found.feed().siteUrl());
        try {
            FeedReport report = poller.poll(record);
            if (report.outcome() == FeedReport.Outcome.FAILED) {
                System.err.println("precis: first poll of " + found.url() + " failed: " + report.message());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        room.refresh();
        return room.store().feed(record.id()).map(StoreNewsroom::feed)
                .orElseThrow(() -> new IllegalArgumentException("the feed was removed meanwhile"));
    }

    /** Starts background polling: due feeds now, then every {@code tick}. */
    public void startPolling(Duration tick) {
        poller.start(tick);
    }

    @Override
    public void close() throws InterruptedException {
        poller.close();
    }
}
