package dev.precis.web;

import dev.precis.Precis;
import dev.precis.article.Article;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in sample articles of {@code precis demo}: fictional outlets, people and events
 * written for the project (resources {@code dev/precis/demo/}). Each file has header lines
 * ({@code Source:}, {@code URL:}, {@code Published:}), a blank line, then the page text as
 * scraped, page chrome included; the text goes through the same plain-text reader as
 * {@code precis ingest}, which strips the chrome.
 */
public final class DemoArticles {

    /** The note every demo page shows. */
    public static final String BANNER = "Sample content: the outlets, people and events in this demo are fictional.";

    private static final String ROOT = "/dev/precis/demo/";

    private DemoArticles() {
    }

    /** Every sample article, in file order. */
    public static List<Article> all() {
        List<Article> out = new ArrayList<>();
        for (String name : resource("index.txt").split("\n")) {
            if (!name.isBlank()) {
                out.add(parse(resource(name.strip())));
            }
        }
        return out;
    }

    /** One sample file as an article. */
    static Article parse(String file) {
        String text = file.replace("\r\n", "\n");
        int split = text.indexOf("\n\n");
        Map<String, String> header = new HashMap<>();
        for (String line : text.substring(0, split).split("\n")) {
            int colon = line.indexOf(':');
            header.put(line.substring(0, colon).strip().toLowerCase(), line.substring(colon + 1).strip());
        }
        Article a = Precis.read(text.substring(split + 2));
        return new Article(null, header.get("url"), header.get("source"), a.title(), a.byline(),
                header.get("published"), "en", null, a.text());
    }

    private static String resource(String name) {
        try (InputStream in = DemoArticles.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("missing demo resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
