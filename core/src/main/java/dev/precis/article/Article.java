package dev.precis.article;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One news article as extraction produces it and the store keeps it.
 *
 * <p>{@link #text()} is the body, paragraphs separated by a blank line; every offset Precis
 * reports (summary sentences, statements) is a UTF-16 index into exactly this string. Fields a
 * source does not give are {@code null} (or an empty byline).
 *
 * @param id        stable identifier, or {@code null} before the article is stored
 * @param url       canonical URL, if known
 * @param source    outlet or site name ("The Daily Ledger"), if known
 * @param title     headline, if known
 * @param byline    author names, possibly empty
 * @param published publication time as ISO-8601 (date or date-time), if known
 * @param language  ISO 639-1 language code, if known
 * @param image     lead image URL, if known
 * @param text      the body
 */
public record Article(String id, String url, String source, String title, List<String> byline,
                      String published, String language, String image, String text) {

    public Article {
        Objects.requireNonNull(text, "text");
        byline = byline == null ? List.of() : List.copyOf(byline);
    }

    /** An article with only a body, as the evaluation commands use dataset texts. */
    public static Article ofText(String text) {
        return new Article(null, null, null, null, List.of(), null, null, null, text);
    }

    /** An article whose body is the given paragraphs joined by blank lines. */
    public static Article ofParagraphs(String title, List<String> paragraphs) {
        return new Article(null, null, null, title, List.of(), null, null, null, String.join("\n\n", paragraphs));
    }

    /** The body's paragraphs: the blocks between blank lines, trimmed, none empty. */
    public List<String> paragraphs() {
        List<String> out = new ArrayList<>();
        for (String block : text.split("\\n\\s*\\n")) {
            String p = block.strip();
            if (!p.isEmpty()) {
                out.add(p);
            }
        }
        return out;
    }

    /** A copy with another id. */
    public Article withId(String newId) {
        return new Article(newId, url, source, title, byline, published, language, image, text);
    }

    /** A copy with another URL. */
    public Article withUrl(String newUrl) {
        return new Article(id, newUrl, source, title, byline, published, language, image, text);
    }
}
