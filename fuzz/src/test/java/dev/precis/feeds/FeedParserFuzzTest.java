package dev.precis.feeds;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.util.List;
import java.util.Locale;

/**
 * Feed documents (RSS 0.9x/1.0/2.0, Atom 0.3/1.0, JSON Feed) as bytes off the wire, then what the
 * poller does next: each entry's content into paragraphs, and the feed as an OPML subscription.
 * The one expected rejection is {@link FeedFormatException}. Checked: at most the cap of entries
 * is kept, links are http(s) URLs or absent, every entry has an id, and a subscription
 * list written with the feed's title reads back the same.
 */
class FeedParserFuzzTest {

    private static final int CAP = 20;
    private static final FeedParser PARSER = new FeedParser(CAP);

    @FuzzTest
    @DictionaryEntries({"<?xml version=\"1.0\" encoding=\"", "?>", "<rss version=\"2.0\">", "<channel>", "<item>",
            "</item>", "<title>", "</title>", "<link>", "</link>", "<guid isPermaLink=\"false\">", "<description>",
            "<pubDate>", "<ttl>", "<author>", "<content:encoded>", "<![CDATA[", "]]>",
            "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"",
            "xmlns:sy=\"http://purl.org/rss/1.0/modules/syndication/\"", "<sy:updatePeriod>", "<sy:updateFrequency>",
            "<feed xmlns=\"http://www.w3.org/2005/Atom\">", "<entry>", "<link href=\"", "<id>", "<updated>",
            "<published>", "<content type=\"html\">", "<summary>",
            "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\">",
            "<!DOCTYPE", "<!ENTITY", "&#", "&amp;", "{\"version\":\"https://jsonfeed.org/version/1.1\"", "\"items\":[",
            "\"content_html\":", "\"content_text\":", "\"date_published\":", "\"authors\":[{\"name\":", "\"url\":",
            "\"id\":", "\\u0000", "\\ud800", "Tue, 05 Mar 24 10:00:00 GMT", "2024-03-05T10:00:00Z", "https://", "<p>"})
    void parse(byte[] body) {
        ParsedFeed feed;
        try {
            feed = PARSER.parse(body, "application/xml; charset=utf-8", "https://feeds.example.test/news/");
        } catch (FeedFormatException notAFeed) {
            return;
        }
        if (feed.entries().size() > CAP || feed.totalEntries() < feed.entries().size()) {
            throw new AssertionError(feed.entries().size() + " entries kept of " + feed.totalEntries() + ", cap " + CAP);
        }
        httpOrAbsent("site", feed.siteUrl());
        for (FeedEntry e : feed.entries()) {
            httpOrAbsent("entry", e.url());
            if (e.id() == null || e.id().isEmpty()) {
                throw new AssertionError("an entry without an id");
            }
            for (String paragraph : EntryText.paragraphs(e.content())) {
                if (paragraph.isBlank()) {
                    throw new AssertionError("a blank paragraph");
                }
            }
        }
        opmlRoundTrip(feed.title(), feed.siteUrl());
    }

    /** Export what a subscription to this feed would store, import it again: the same subscription. */
    private static void opmlRoundTrip(String title, String siteUrl) {
        Opml.Subscription sub = new Opml.Subscription("https://feeds.example.test/news/", title, siteUrl);
        List<Opml.Subscription> back;
        try {
            back = Opml.read(Opml.write("Subscriptions", List.of(sub)));
        } catch (FeedFormatException e) {
            throw new AssertionError("exported OPML does not read back: " + e.getMessage(), e);
        }
        if (!back.equals(List.of(sub))) {
            throw new AssertionError("exported " + sub + ", read back " + back);
        }
    }

    private static void httpOrAbsent(String what, String url) {
        if (url != null && !url.toLowerCase(Locale.ROOT).matches("(?s)https?:.*")) {
            throw new AssertionError(what + " URL is not http(s): " + url);
        }
    }
}
