package dev.precis.cli;

import dev.precis.article.Article;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;

/**
 * A minimal stand-in for article extraction from HTML, used by ingest until the real extractor
 * is wired in at {@link #extract}: the page title and the text of its paragraphs (or of the
 * whole body when it has none). It does not strip page chrome beyond that.
 */
final class HtmlFallbackExtractor {

    private HtmlFallbackExtractor() {
    }

    /** The article in {@code html}, fetched from {@code url} (may be {@code null}). */
    static Article extract(String html, String url) {
        Document doc = url == null ? Jsoup.parse(html) : Jsoup.parse(html, url);
        List<String> paragraphs = new ArrayList<>();
        for (Element p : doc.body().select("p")) {
            String t = p.text().strip();
            if (!t.isEmpty()) {
                paragraphs.add(t);
            }
        }
        if (paragraphs.isEmpty()) {
            String all = doc.body().text().strip();
            if (!all.isEmpty()) {
                paragraphs.add(all);
            }
        }
        String title = doc.title().isBlank() ? null : doc.title().strip();
        return new Article(null, url, null, title, List.of(), null, null, null, String.join("\n\n", paragraphs));
    }
}
