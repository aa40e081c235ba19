package dev.precis.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The feed part of the store contract, on every implementation: a SQLite file and a PostgreSQL server. */
abstract class AbstractFeedStoreTest {

    @TempDir
    Path tmp;

    Store store;

    /** Opens a fresh, empty store. */
    abstract Store openFresh();

    @BeforeEach
    void setUp() {
        store = openFresh();
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void subscribesOncePerUrlAndKeepsPollingState() {
        FeedRecord a = store.addFeed("https://gazette.example/feed", "Gazette", "https://gazette.example/");
        FeedRecord again = store.addFeed("https://gazette.example/feed", "Other title", null);
        assertEquals(a.id(), again.id());
        assertEquals("Gazette", again.title());
        assertTrue(a.isDue(Instant.now()), "a new feed is due at once");
        assertEquals(Duration.ofHours(1), a.interval());
        store.addFeed("https://post.example/rss", null, null);
        assertEquals(2, store.feeds().size());

        Instant fetched = Instant.parse("2024-03-05T10:00:00Z");
        FeedRecord polled = new FeedRecord(a.id(), a.url(), "Gazette", a.siteUrl(), "\"v7\"",
                "Tue, 05 Mar 2024 09:00:00 GMT", Duration.ofMinutes(30), fetched.plus(Duration.ofMinutes(30)), fetched,
                "HTTP 503", 3, 99, a.addedAt());
        store.updateFeed(polled);
        FeedRecord back = store.feed(a.id()).orElseThrow();
        assertEquals(new FeedRecord(a.id(), a.url(), "Gazette", a.siteUrl(), "\"v7\"", "Tue, 05 Mar 2024 09:00:00 GMT",
                Duration.ofMinutes(30), fetched.plus(Duration.ofMinutes(30)), fetched, "HTTP 503", 3, 0, a.addedAt()),
                back, "everything but the article count, which links keep");
        assertFalse(back.isDue(fetched));
        assertTrue(back.isDue(fetched.plus(Duration.ofHours(1))));
    }

    @Test
    void linksAnArticleToEveryFeedItCameFromOnce() {
        long pier = store.add(List.of(StoreFixtures.analyzed(StoreFixtures.PIER))).getFirst().id();
        long one = store.addFeed("https://gazette.example/feed", null, null).id();
        long two = store.addFeed("https://aggregator.example/feed", null, null).id();
        assertEquals(pier, store.articleIdByUrl("https://GAZETTE.example/pier?utm_medium=rss").orElseThrow());
        assertTrue(store.articleIdByUrl("https://gazette.example/other").isEmpty());
        store.linkFeedArticle(one, pier, "guid-1");
        store.linkFeedArticle(one, pier, "guid-1");
        store.linkFeedArticle(two, pier, "urn:two:9");
        assertEquals(List.of(one, two), store.feedsOfArticle(pier));
        assertEquals(Set.of("guid-1"), store.feedEntryIds(one));
        assertEquals(1, store.feed(one).orElseThrow().articleCount());
        assertEquals(1, store.feed(two).orElseThrow().articleCount());

        assertTrue(store.removeFeed(one));
        assertFalse(store.removeFeed(one));
        assertEquals(List.of(two), store.feedsOfArticle(pier));
        assertTrue(store.article(pier).isPresent(), "articles stay when their feed goes");
        assertEquals(1, store.stats().feeds());
    }

    @Test
    void storesEntriesWithTheirFeedLinksInOneTransaction() {
        FeedRecord feed = store.addFeed("https://gazette.example/feed", null, null);
        List<AddOutcome> out = store.addFromFeed(feed.id(), List.of(StoreFixtures.analyzed(StoreFixtures.PIER),
                StoreFixtures.analyzed(StoreFixtures.ORCHID), StoreFixtures.analyzed(StoreFixtures.PIER)), List.of("e1", "e2", "e3"));
        assertEquals(List.of(AddOutcome.Kind.ADDED, AddOutcome.Kind.ADDED, AddOutcome.Kind.DUPLICATE),
                out.stream().map(AddOutcome::kind).toList());
        assertEquals(Set.of("e1", "e2"), store.feedEntryIds(feed.id()), "a duplicate within the batch keeps the first entry's link");
        assertEquals(List.of(feed.id()), store.feedsOfArticle(out.get(1).id()));
        assertEquals(2, store.feed(feed.id()).orElseThrow().articleCount());

        // the feed is gone (removed while it was being polled): its link cannot be made, so nothing is stored
        FeedRecord gone = store.addFeed("https://post.example/rss", null, null);
        assertTrue(store.removeFeed(gone.id()));
        assertThrows(StoreException.class, () -> store.addFromFeed(gone.id(),
                List.of(StoreFixtures.analyzed(StoreFixtures.FERRY)), List.of("f1")));
        assertEquals(2, store.stats().articles(), "no article without its feed link");
        assertTrue(store.articleIdByUrl(StoreFixtures.FERRY.url()).isEmpty());
        assertEquals(AddOutcome.Kind.ADDED, store.add(List.of(StoreFixtures.analyzed(StoreFixtures.FERRY))).getFirst().kind(),
                "the store goes on after the failed transaction");
    }
}
