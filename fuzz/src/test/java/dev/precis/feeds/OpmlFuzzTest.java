package dev.precis.feeds;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * OPML subscription lists as an upload delivers them (bytes read as UTF-8, as the reader's import
 * does). The one expected rejection is {@link FeedFormatException}. Checked: feed and site URLs
 * are http(s) URLs, and writing the subscriptions out and reading them back gives the
 * same list.
 */
class OpmlFuzzTest {

    @FuzzTest
    @DictionaryEntries({"<?xml version=\"1.0\"?>", "<?xml version=\"1.1\"?>", "<opml version=\"2.0\">", "<head>",
            "<title>", "<body>", "<outline", " text=\"", " title=\"", " type=\"rss\"", " xmlUrl=\"", " htmlUrl=\"",
            "\"/>", "</outline>", "</body>", "</opml>", "https://", "http://", "<!DOCTYPE", "<!ENTITY", "&#", "&amp;",
            "&#10;", "&#x1;"})
    void read(byte[] upload) {
        List<Opml.Subscription> subscriptions;
        try {
            subscriptions = Opml.read(new String(upload, StandardCharsets.UTF_8));
        } catch (FeedFormatException notOpml) {
            return;
        }
        for (Opml.Subscription s : subscriptions) {
            if (!s.feedUrl().toLowerCase(Locale.ROOT).matches("(?s)https?:.*")
                    || s.siteUrl() != null && !s.siteUrl().toLowerCase(Locale.ROOT).matches("(?s)https?:.*")) {
                throw new AssertionError("not an http(s) URL: " + s);
            }
        }
        List<Opml.Subscription> back;
        try {
            back = Opml.read(Opml.write("Subscriptions", subscriptions));
        } catch (FeedFormatException e) {
            throw new AssertionError("exported OPML does not read back: " + e.getMessage(), e);
        }
        if (!back.equals(subscriptions)) {
            throw new AssertionError("exported " + subscriptions + ", read back " + back);
        }
    }
}
