package dev.precis.feeds;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds the feeds an HTML page announces with {@code <link rel="alternate" type="application/rss+xml">}
 * (or Atom, or JSON Feed), so that a user can subscribe by giving a site's address.
 */
public final class FeedDiscovery {

    private static final List<String> FEED_TYPES = List.of("application/rss+xml", "application/atom+xml",
            "application/feed+json", "application/json", "application/rdf+xml", "application/xml", "text/xml");

    private FeedDiscovery() {
    }

    /** The absolute URLs of the feeds the page links to, in page order (RSS/Atom before generic types). */
    public static List<String> feeds(String html, String pageUrl) {
        Document page = Jsoup.parse(html, pageUrl == null ? "" : pageUrl);
        List<String> found = new ArrayList<>();
        List<Element> alternates = page.select("link[rel~=(?i)\\balternate\\b][href][type]");
        for (int rank = 0; rank < FEED_TYPES.size(); rank++) {
            for (Element link : alternates) {
                String type = link.attr("type").toLowerCase(Locale.ROOT).strip();
                if (type.startsWith(FEED_TYPES.get(rank))) {
                    String url = FeedParser.resolve(pageUrl, link.attr("href"));
                    if (url != null && !found.contains(url)) {
                        found.add(url);
                    }
                }
            }
        }
        return found;
    }
}
