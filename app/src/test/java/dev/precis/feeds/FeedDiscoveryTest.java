package dev.precis.feeds;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FeedDiscoveryTest {

    @Test
    void findsAlternateFeedLinksResolvedAgainstThePage() {
        String html = """
                <html><head>
                <link rel="stylesheet" href="/s.css">
                <link rel="alternate" type="application/json" href="/api.json">
                <link rel="alternate" type="application/rss+xml" title="RSS" href="/feed.xml">
                <link rel="Alternate" type="application/atom+xml" href="https://other.test/atom">
                <link rel="alternate" hreflang="fr" href="/fr/">
                <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
                </head><body></body></html>""";
        assertEquals(List.of("http://site.test/feed.xml", "https://other.test/atom", "http://site.test/api.json"),
                FeedDiscovery.feeds(html, "http://site.test/news/"));
        assertEquals(List.of(), FeedDiscovery.feeds("<html><body>no feeds</body></html>", "http://site.test/"));
    }
}
