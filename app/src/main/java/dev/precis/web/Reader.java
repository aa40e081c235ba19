package dev.precis.web;

import dev.precis.article.Article;
import dev.precis.digest.Digester;
import dev.precis.fetch.PageFetcher;
import dev.precis.store.AnalyzedArticle;
import dev.precis.store.Store;
import dev.precis.storydesk.StoryDesk;
import dev.precis.storydesk.StoryInput;
import dev.precis.text.Doc;

import java.util.ArrayList;
import java.util.List;

/**
 * A running reader: a store, the newsroom over it and the web server, closed together. What
 * {@code precis demo} and {@code precis serve} start.
 */
public final class Reader implements AutoCloseable {

    private final Store store;
    private final StoreNewsroom newsroom;
    private final FeedSubscriber feeds;
    private final ReaderServer server;
    private final java.util.concurrent.ScheduledExecutorService refresher;

    /** How often the reader looks for articles stored by other processes (an ingest, a poll). */
    static final java.time.Duration REFRESH = java.time.Duration.ofSeconds(30);

    private Reader(Store store, StoreNewsroom newsroom, FeedSubscriber feeds, ReaderServer server) {
        this.store = store;
        this.newsroom = newsroom;
        this.feeds = feeds;
        this.server = server;
        this.refresher = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "precis-reader-refresh");
            t.setDaemon(true);
            return t;
        });
        refresher.scheduleWithFixedDelay(() -> {
            try {
                newsroom.refreshIfChanged();
            } catch (RuntimeException e) {
                System.err.println("precis: refreshing stories failed: " + e.getMessage());
            }
        }, REFRESH.toSeconds(), REFRESH.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
    }

    /**
     * Starts the reader over {@code store} (which it closes on {@link #close()}); feeds added in
     * the reader are fetched with private hosts refused unless {@code allowPrivateHosts} (or
     * {@code PRECIS_ALLOW_PRIVATE_HOSTS=1}).
     */
    public static Reader start(Store store, ReaderServer.Options options, boolean allowPrivateHosts) {
        StoryDesk desk = new StoryDesk(store);
        // groups what was stored without a story (by another process, or before a crash) before serving
        desk.load();
        FeedSubscriber feeds = new FeedSubscriber(desk, PageFetcher.standard(allowPrivateHosts));
        StoreNewsroom room = new StoreNewsroom(store);
        room.subscriber(feeds);
        ReaderServer server = new ReaderServer(room, options).start();
        return new Reader(store, room, feeds, server);
    }

    /** Adds the built-in sample articles to {@code store}, grouped into stories; returns how many were new. */
    public static int loadDemo(Store store) {
        Digester digester = new Digester();
        List<AnalyzedArticle> batch = new ArrayList<>();
        List<StoryInput> stories = new ArrayList<>();
        for (Article a : DemoArticles.all()) {
            Doc doc = Doc.of(a.text());
            AnalyzedArticle analyzed = AnalyzedArticle.of(a, doc, digester);
            batch.add(analyzed);
            stories.add(StoryInput.of(analyzed.article(), doc));
        }
        return (int) new StoryDesk(store).add(batch, stories).stream()
                .filter(o -> o.kind() == dev.precis.store.AddOutcome.Kind.ADDED).count();
    }

    public String url() {
        return server.url();
    }

    public int port() {
        return server.port();
    }

    /** The HTTP routes served, as {@code [METHOD, path]}. */
    public java.util.List<String[]> routes() {
        return server.routes();
    }

    public StoreNewsroom newsroom() {
        return newsroom;
    }

    /**
     * Polls the store's feeds in the background while the reader runs: due feeds now, then every
     * {@code tick}; new articles appear within {@link #REFRESH}.
     */
    public void pollFeeds(java.time.Duration tick) {
        feeds.startPolling(tick);
    }

    public Store store() {
        return store;
    }

    @Override
    public void close() {
        refresher.shutdownNow();
        server.close();
        try {
            feeds.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        store.close();
    }
}
