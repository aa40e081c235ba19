package dev.precis.feeds;

import dev.precis.article.Article;
import dev.precis.article.html.HtmlExtractor;
import dev.precis.article.html.PageDecoder;
import dev.precis.digest.Digester;
import dev.precis.fetch.FetchException;
import dev.precis.fetch.FetchResponse;
import dev.precis.fetch.PageFetcher;
import dev.precis.store.AddOutcome;
import dev.precis.store.AnalyzedArticle;
import dev.precis.store.FeedRecord;
import dev.precis.store.Store;
import dev.precis.storydesk.StoryDesk;
import dev.precis.storydesk.StoryInput;
import dev.precis.text.Doc;
import dev.precis.text.PortableText;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Polls feed subscriptions and stores their new entries as articles, politely and safely.
 *
 * <p>Each round fetches the feeds that are due (or all), every feed on its own virtual thread, while a
 * {@link HostGate} keeps to one request at a time per host with a pause between. A feed is fetched with
 * {@code If-None-Match}/{@code If-Modified-Since} from its last answer, so an unchanged feed costs one
 * 304. New entries whose content is only a teaser get their linked page fetched (when robots.txt allows)
 * and extracted, keeping the feed's title, date and author where the page lacks them. Articles go the way
 * of {@code ingest} (extract → digest → store) in one transaction per feed, with their links to the feed; an article already stored,
 * from another feed or under another URL with the same text, is linked to this feed instead of stored
 * twice; with a {@link StoryDesk}, the new articles are then grouped into stories. The next poll is
 * scheduled by {@link PollSchedule}: the feed's interval stretched to its TTL or
 * {@code Cache-Control: max-age}, exponential backoff after errors, {@code Retry-After} honoured. Any
 * failure stays with its feed, as a one-line status; the other feeds go on. A host that hangs, resets or
 * trickles costs at most the fetcher's time limit per round: the fetch ends at its deadline whatever the
 * host does, and for one more time limit after that the host's other feeds fail at once ("not tried")
 * instead of each waiting out the limit again.
 *
 * <p>{@link #start} runs rounds in the background (the web server's {@code serve} uses this), {@link #stop}
 * ends them.
 */
public final class FeedPoller implements AutoCloseable {

    /**
     * How the poller behaves.
     *
     * @param hostDelay        pause between two requests to one host
     * @param schedule         intervals and backoff
     * @param defaultInterval  the interval of a feed that asks for none
     * @param maxEntries       entries read from one feed document
     * @param fullText         whether teaser entries get their page fetched
     */
    public record Settings(Duration hostDelay, PollSchedule schedule, Duration defaultInterval, int maxEntries,
                           boolean fullText) {

        /** 1 s between requests to a host, default schedule, 1 h interval, 1000 entries, full text on. */
        public static final Settings DEFAULT = new Settings(HostGate.DEFAULT_DELAY, PollSchedule.DEFAULT,
                Duration.ofHours(1), FeedParser.DEFAULT_MAX_ENTRIES, true);

        /** The same settings with another pause between requests to one host. */
        public Settings withHostDelay(Duration delay) {
            return new Settings(delay, schedule, defaultInterval, maxEntries, fullText);
        }
    }

    static final String FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json, "
            + "application/json;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5";
    private static final String PAGE_ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5";

    private final Store store;
    private final StoryDesk desk;
    private final PageFetcher fetcher;
    private final Settings settings;
    private final HostGate gate;
    private final FeedParser parser;
    private final RobotsRules robots;
    /**
     * Parsing, extraction and digesting run here, on as many platform threads as there are cores, so that
     * the virtual threads waiting on hosts are never starved of carriers by computation.
     */
    private final ExecutorService analysis = Executors.newFixedThreadPool(
            Math.max(1, Runtime.getRuntime().availableProcessors()),
            Thread.ofPlatform().daemon().name("precis-feed-analysis-", 0).factory());
    private final ThreadLocal<Digester> digesters = ThreadLocal.withInitial(Digester::new);
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger conditional = new AtomicInteger();
    private final AtomicInteger notModified = new AtomicInteger();
    private Thread background;

    /** A host that did not answer: why, and until when ({@link System#nanoTime}) it is not asked again. */
    private record Silence(String reason, long until) {
    }

    private final java.util.concurrent.ConcurrentHashMap<String, Silence> silent = new java.util.concurrent.ConcurrentHashMap<>();

    /** A poller with the given settings; its articles are stored without grouping into stories. */
    public FeedPoller(Store store, PageFetcher fetcher, Settings settings) {
        this(store, fetcher, settings, (host, start, end) -> { });
    }

    /** A poller whose new articles are grouped into stories by {@code desk} (over the same store) as they are stored. */
    public FeedPoller(StoryDesk desk, PageFetcher fetcher, Settings settings) {
        this(desk.store(), fetcher, settings, (host, start, end) -> { }, desk);
    }

    /** A poller that also tells {@code listener} of every request it makes (for timelines). */
    public FeedPoller(Store store, PageFetcher fetcher, Settings settings, HostGate.Listener listener) {
        this(store, fetcher, settings, listener, null);
    }

    private FeedPoller(Store store, PageFetcher fetcher, Settings settings, HostGate.Listener listener, StoryDesk desk) {
        this.desk = desk;
        this.store = store;
        this.fetcher = fetcher;
        this.settings = settings;
        this.gate = new HostGate(settings.hostDelay(), listener);
        this.parser = new FeedParser(settings.maxEntries());
        this.robots = new RobotsRules(url -> request(url, RobotsRules.headers()), gate);
    }

    /** Polls the feeds that are due now. */
    public PollRound pollDue() throws InterruptedException {
        Instant now = Instant.now();
        return poll(store.feeds().stream().filter(f -> f.isDue(now)).toList());
    }

    /** Polls every feed, due or not. */
    public PollRound pollAll() throws InterruptedException {
        return poll(store.feeds());
    }

    /** Polls the given feeds side by side, within the politeness limits. */
    public PollRound poll(List<FeedRecord> feeds) throws InterruptedException {
        long start = System.nanoTime();
        int r0 = requests.get();
        int c0 = conditional.get();
        int n0 = notModified.get();
        List<FeedReport> reports = new ArrayList<>(feeds.size());
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<FeedReport>> futures = new ArrayList<>();
            for (FeedRecord f : feeds) {
                futures.add(threads.submit(() -> poll(f)));
            }
            for (int i = 0; i < futures.size(); i++) {
                try {
                    reports.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    FeedRecord f = feeds.get(i);
                    reports.add(new FeedReport(f.id(), f.url(), FeedReport.Outcome.FAILED,
                            "internal error: " + e.getCause(), 0, 0, 0, 0));
                }
            }
        }
        return new PollRound(reports, Duration.ofNanos(System.nanoTime() - start), requests.get() - r0,
                conditional.get() - c0, notModified.get() - n0);
    }

    /** Polls one feed and saves its new state; never throws for a feed's own problems. */
    public FeedReport poll(FeedRecord feed) throws InterruptedException {
        Instant now = Instant.now();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", FEED_ACCEPT);
        if (feed.etag() != null) {
            headers.put("If-None-Match", feed.etag());
        }
        if (feed.lastModified() != null) {
            headers.put("If-Modified-Since", feed.lastModified());
        }
        if (headers.size() > 1) {
            conditional.incrementAndGet();
        }
        FetchResponse response;
        try {
            response = request(feed.url(), headers);
        } catch (FetchException e) {
            return failed(feed, now, e.getMessage(), null);
        }
        Duration maxAge = PollSchedule.maxAge(response.header("cache-control"));
        if (response.status() == 304) {
            notModified.incrementAndGet();
            store.updateFeed(new FeedRecord(feed.id(), feed.url(), feed.title(), feed.siteUrl(), feed.etag(),
                    feed.lastModified(), feed.interval(), settings.schedule().afterSuccess(now, feed.interval(), null, maxAge),
                    now, null, 0, feed.articleCount(), feed.addedAt()));
            return new FeedReport(feed.id(), feed.url(), FeedReport.Outcome.NOT_MODIFIED, "not modified", 0, 0, 0, 0);
        }
        if (response.status() < 200 || response.status() >= 300) {
            String why = "HTTP " + response.status();
            return failed(feed, now, why, PollSchedule.retryAfter(response.header("retry-after"), now));
        }
        ParsedFeed parsed;
        try {
            parsed = analysis.submit(() -> parser.parse(response.body(), response.header("content-type"),
                    response.url())).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof FeedFormatException bad) {
                return failed(feed, now, bad.getMessage(), null);
            }
            return failed(feed, now, "cannot read the feed: " + e.getCause(), null);
        }
        try {
            FeedReport report = store(feed, parsed);
            // The interval kept is the one this answer asked for, so that 304s later keep to it.
            Instant next = settings.schedule().afterSuccess(now, settings.defaultInterval(), parsed.ttl(), maxAge);
            store.updateFeed(new FeedRecord(feed.id(), feed.url(), feed.title() != null ? feed.title() : parsed.title(),
                    feed.siteUrl() != null ? feed.siteUrl() : parsed.siteUrl(), PortableText.of(response.header("etag")),
                    PortableText.of(response.header("last-modified")), Duration.between(now, next), next, now, null, 0,
                    feed.articleCount(), feed.addedAt()));
            return report;
        } catch (RuntimeException e) {
            return failed(feed, now, "cannot store entries: " + e.getMessage(), null);
        }
    }

    private FeedReport failed(FeedRecord feed, Instant now, String why, Duration retryAfter) {
        int errors = feed.errorCount() + 1;
        store.updateFeed(new FeedRecord(feed.id(), feed.url(), feed.title(), feed.siteUrl(), feed.etag(),
                feed.lastModified(), feed.interval(), settings.schedule().afterError(now, errors, retryAfter), now,
                PortableText.of(why), errors, feed.articleCount(), feed.addedAt()));
        return new FeedReport(feed.id(), feed.url(), FeedReport.Outcome.FAILED, why, 0, 0, 0, 0);
    }

    /** Turns the new entries into stored (or linked) articles. */
    private FeedReport store(FeedRecord feed, ParsedFeed parsed) throws InterruptedException {
        Set<String> seen = store.feedEntryIds(feed.id());
        String outlet = feed.title() != null ? feed.title() : parsed.title();
        List<FeedEntry> fresh = new ArrayList<>();
        List<AnalyzedArticle> batch = new ArrayList<>();
        List<StoryInput> stories = new ArrayList<>();
        int linked = 0;
        int pages = 0;
        int skipped = 0;
        int robotsDenied = 0;
        List<String> pageProblems = new ArrayList<>();
        for (FeedEntry e : parsed.entries()) {
            if (seen.contains(e.id())) {
                continue;
            }
            if (e.url() != null) {
                var known = store.articleIdByUrl(e.url());
                if (known.isPresent()) {
                    store.linkFeedArticle(feed.id(), known.getAsLong(), e.id());
                    linked++;
                    continue;
                }
            }
            Article page = null;
            List<String> paragraphs = EntryText.paragraphs(e.content());
            if (settings.fullText() && e.url() != null && Teaser.isTeaser(String.join("\n\n", paragraphs))) {
                if (!robots.allows(e.url())) {
                    robotsDenied++;
                } else {
                    try {
                        page = fullText(e.url());
                        pages++;
                    } catch (FetchException ex) {
                        // left for a later poll rather than stored as a teaser for good
                        pageProblems.add(ex.getMessage());
                        continue;
                    }
                }
            }
            Article article = article(e, outlet, paragraphs, page);
            if (article == null) {
                skipped++;
                continue;
            }
            Object[] analyzed = compute(() -> {
                Doc doc = Doc.of(article.text());
                AnalyzedArticle a = AnalyzedArticle.of(article, doc, digesters.get());
                return new Object[]{a, desk == null ? null : StoryInput.of(a.article(), doc)};
            });
            batch.add((AnalyzedArticle) analyzed[0]);
            stories.add((StoryInput) analyzed[1]);
            fresh.add(e);
        }
        int added = 0;
        if (!batch.isEmpty()) {
            List<String> entryIds = fresh.stream().map(FeedEntry::id).toList();
            List<AddOutcome> outcomes = desk == null ? store.addFromFeed(feed.id(), batch, entryIds)
                    : desk.addFromFeed(feed.id(), batch, entryIds, stories);
            for (AddOutcome o : outcomes) {
                if (o.kind() == AddOutcome.Kind.REJECTED) {
                    skipped++;
                    continue;
                }
                if (o.kind() == AddOutcome.Kind.ADDED) {
                    added++;
                } else {
                    linked++;
                }
            }
        }
        StringBuilder message = new StringBuilder();
        message.append(parsed.entries().size()).append(parsed.entries().size() == 1 ? " entry" : " entries");
        if (parsed.totalEntries() > parsed.entries().size()) {
            message.append(" (first ").append(parsed.entries().size()).append(" of ").append(parsed.totalEntries())
                    .append(" read)");
        }
        message.append(", ").append(added).append(" new");
        if (linked > 0) {
            message.append(", ").append(linked).append(" already stored");
        }
        if (pages > 0) {
            message.append(", ").append(pages).append(pages == 1 ? " page" : " pages").append(" fetched");
        }
        if (skipped > 0) {
            message.append(", ").append(skipped).append(" without text skipped");
        }
        if (robotsDenied > 0) {
            message.append(", ").append(robotsDenied).append(" pages disallowed by robots.txt (feed text kept)");
        }
        if (!pageProblems.isEmpty()) {
            message.append(", ").append(pageProblems.size()).append(" full-text fetches failed, left for later (")
                    .append(pageProblems.get(0)).append(")");
        }
        return new FeedReport(feed.id(), feed.url(), FeedReport.Outcome.UPDATED, message.toString(),
                parsed.entries().size(), added, linked, pages);
    }

    /** The article behind a teaser, or {@code null} when the page has no article. */
    private Article fullText(String url) throws FetchException, InterruptedException {
        FetchResponse r = request(url, Map.of("Accept", PAGE_ACCEPT));
        if (r.status() < 200 || r.status() >= 300) {
            throw new FetchException("HTTP " + r.status() + " for " + url);
        }
        Article a = compute(() -> new HtmlExtractor().extract(PageDecoder.decode(r.body(), r.header("content-type")),
                r.url()));
        return a.text().isBlank() ? null : a;
    }

    /** Runs computation on the analysis threads; its failures surface as they are. */
    private <T> T compute(java.util.concurrent.Callable<T> work) throws InterruptedException {
        try {
            return analysis.submit(work).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * The article of an entry: the page's when there is one, with the feed's title, date, author and
     * outlet filling what the page lacks; else the entry's own text.
     */
    static Article article(FeedEntry e, String outlet, List<String> paragraphs, Article page) {
        String published = e.published() == null ? null : e.published().toString();
        if (page != null) {
            return new Article(null, e.url(), page.source() != null ? page.source() : outlet,
                    page.title() != null ? page.title() : e.title(),
                    page.byline().isEmpty() ? e.authors() : page.byline(),
                    page.published() != null ? page.published() : published, page.language(), page.image(),
                    page.text());
        }
        if (paragraphs.isEmpty()) {
            return null;
        }
        return new Article(null, e.url(), outlet, e.title(), e.authors(), published, null, null,
                String.join("\n\n", paragraphs));
    }

    /**
     * One request through the politeness gate, unless the host did not answer a moment ago: then the
     * request fails at once instead of waiting out the fetch time limit again, so a host that hangs
     * costs a round one time limit, not one per feed it serves.
     */
    private FetchResponse request(String url, Map<String, String> headers) throws FetchException, InterruptedException {
        String host;
        try {
            host = URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            throw new FetchException("not a URL: " + url);
        }
        checkAnswering(host);
        HostGate.Pass pass = gate.enter(host);
        try {
            checkAnswering(host);
        } catch (FetchException e) {
            pass.abandon();
            throw e;
        }
        try (pass) {
            requests.incrementAndGet();
            return fetcher.get(url, headers);
        } catch (FetchException e) {
            if (e.hostUnreachable()) {
                silent.put(key(host), new Silence(e.getMessage(), System.nanoTime() + fetcher.timeout().toNanos()));
            }
            throw e;
        }
    }

    /** Fails when {@code host} did not answer within the last fetch time limit. */
    private void checkAnswering(String host) throws FetchException {
        Silence s = silent.get(key(host));
        if (s == null) {
            return;
        }
        if (System.nanoTime() - s.until() >= 0) {
            silent.remove(key(host), s);
            return;
        }
        throw new FetchException("not tried: " + host + " did not answer a moment ago (" + s.reason() + ")");
    }

    private static String key(String host) {
        return host == null ? "" : host.toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Starts polling in the background: a round of due feeds now, then whenever {@code tick} has passed.
     * Does nothing when already started.
     */
    public synchronized void start(Duration tick) {
        if (background != null) {
            return;
        }
        background = Thread.ofPlatform().daemon().name("precis-feed-poller").start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    pollDue();
                    Thread.sleep(tick.toMillis());
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    // a store failure ends this round only; the next one tries again
                    try {
                        Thread.sleep(tick.toMillis());
                    } catch (InterruptedException stop) {
                        return;
                    }
                }
            }
        });
    }

    /** Stops background polling, abandoning a round in progress, and waits for it to end. */
    public void stop() throws InterruptedException {
        Thread t;
        synchronized (this) {
            t = background;
            background = null;
        }
        if (t != null) {
            t.interrupt();
            t.join();
        }
    }

    /** Whether background polling is running. */
    public synchronized boolean isRunning() {
        return background != null;
    }

    /** Stops background polling and releases the analysis threads; the poller cannot be used after. */
    @Override
    public void close() throws InterruptedException {
        stop();
        analysis.shutdownNow();
    }
}
