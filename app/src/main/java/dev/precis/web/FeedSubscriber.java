package dev.precis.web;

import dev.precis.article.Article;
import dev.precis.digest.Digester;
import dev.precis.feeds.FeedDiscovery;
import dev.precis.feeds.FeedEntry;
import dev.precis.feeds.FeedFormatException;
import dev.precis.feeds.FeedParser;
import dev.precis.feeds.ParsedFeed;
import dev.precis.fetch.FetchException;
import dev.precis.fetch.FetchedPage;
import dev.precis.fetch.PageFetcher;
import dev.precis.store.AddOutcome;
import dev.precis.store.AnalyzedArticle;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Subscribes to a feed the way a reader expects when they press "Add feed": fetches the address
 * through the guarded {@link PageFetcher} (private hosts refused unless allowed), finds the feed
 * behind an HTML page ({@code <link rel=alternate>}), parses it, and stores the entries that carry
 * their text — so the reader sees the feed's articles at once. Later rounds are the poller's.
 */
public final class FeedSubscriber {

    private final PageFetcher fetcher;
    private final FeedParser parser = new FeedParser();
    private final Digester digester = Reader.digester();

    public FeedSubscriber(PageFetcher fetcher) {
        this.fetcher = fetcher;
    }

    Newsroom.Feed subscribe(String url, String title, StoreNewsroom room) {
        String feedUrl = url;
        ParsedFeed feed;
        try {
            FetchedPage page = fetcher.fetch(url);
            try {
                feed = parser.parse(page.body(), page.contentType(), page.url());
            } catch (FeedFormatException notAFeed) {
                if (!page.isHtml()) {
                    throw new IllegalArgumentException("not a feed: " + notAFeed.getMessage());
                }
                List<String> found = FeedDiscovery.feeds(new String(page.body(), StandardCharsets.UTF_8), page.url());
                if (found.isEmpty()) {
                    throw new IllegalArgumentException("this page is not a feed and links to none");
                }
                feedUrl = found.get(0);
                FetchedPage linked = fetcher.fetch(feedUrl);
                feed = parser.parse(linked.body(), linked.contentType(), linked.url());
            }
        } catch (FetchException e) {
            throw new IllegalArgumentException("cannot fetch " + url + ": " + e.getMessage());
        } catch (FeedFormatException e) {
            throw new IllegalArgumentException("not a feed: " + e.getMessage());
        }
        String name = title != null && !title.isBlank() ? title : feed.title();
        Newsroom.Feed added = room.feedBook().add(feedUrl, name);
        List<AnalyzedArticle> batch = new ArrayList<>();
        for (FeedEntry e : feed.entries()) {
            Article a = article(e, name);
            if (a != null) {
                batch.add(AnalyzedArticle.of(a, digester));
            }
        }
        List<String> ids = new ArrayList<>();
        if (!batch.isEmpty()) {
            for (AddOutcome o : room.store().add(batch)) {
                if (o.kind() != AddOutcome.Kind.REJECTED) {
                    ids.add(String.valueOf(o.id()));
                }
            }
        }
        room.feedBook().record(added.id(), name, null, Instant.now().plus(feed.ttl() == null
                ? java.time.Duration.ofHours(1) : feed.ttl()), ids);
        room.refresh();
        return room.feeds().stream().filter(f -> f.id() == added.id()).findFirst().orElse(added);
    }

    /** An entry with text as an article (paragraphs from its HTML), or null when it has none. */
    private static Article article(FeedEntry e, String source) {
        if (e.content() == null || e.content().isBlank()) {
            return null;
        }
        Document doc = Jsoup.parseBodyFragment(e.content());
        List<String> paragraphs = new ArrayList<>();
        for (Element p : doc.select("p")) {
            if (!p.text().isBlank()) {
                paragraphs.add(p.text().strip());
            }
        }
        if (paragraphs.isEmpty()) {
            paragraphs.add(doc.text().strip());
        }
        String text = String.join("\n\n", paragraphs);
        if (text.isBlank()) {
            return null;
        }
        return new Article(null, e.url(), source, e.title(), e.authors(),
                e.published() == null ? null : e.published().toString(), null, null, text);
    }
}
