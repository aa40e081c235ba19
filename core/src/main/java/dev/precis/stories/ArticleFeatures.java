package dev.precis.stories;

import dev.precis.article.Article;
import dev.precis.text.Doc;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * What story grouping may know of an article: what a feed gives (title, body text, day, outlet,
 * URL) and the text's analysis. Deliberately no article id, so that nothing but the content can
 * decide the grouping; the caller keeps the link between an article and its
 * {@link StoryAssignment}. The grouping reads the title, the analyzed text and the date; source
 * and URL are carried for callers (outlet tags) and are not used for similarity.
 *
 * @param title  headline, or {@code null}
 * @param text   body (or lead) as plain text
 * @param date   publication day, or {@code null} when unknown (see {@link StoryGrouper} on how
 *               undated articles are treated)
 * @param source outlet name, or {@code null}
 * @param url    URL, or {@code null}
 * @param doc     the analysis of {@code text}
 * @param meaning the {@link Meaning} of headline and lead, or {@code null} to group by terms alone
 */
public record ArticleFeatures(String title, String text, LocalDate date, String source, String url, Doc doc,
                              float[] meaning) {

    public ArticleFeatures {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(doc, "doc");
        if (meaning != null && meaning.length != Meaning.DIMENSIONS) {
            throw new IllegalArgumentException("meaning must have " + Meaning.DIMENSIONS + " dimensions, got "
                    + meaning.length);
        }
    }

    /** The features of a stored or extracted article, reusing its analysis; its meaning is encoded here. */
    public static ArticleFeatures of(Article article, Doc doc) {
        return new ArticleFeatures(article.title(), article.text(), day(article.published()),
                article.source(), article.url(), doc, Meaning.of(article.title(), article.text()));
    }

    /** Features from raw fields; the text is analyzed and its meaning encoded here. */
    public static ArticleFeatures of(String title, String text, LocalDate date, String source, String url) {
        String body = text == null ? "" : text;
        return new ArticleFeatures(title, body, date, source, url, Doc.of(body), Meaning.of(title, body));
    }

    /** The day of an ISO-8601 date or date-time ("2021-10-18", "2021-10-18T09:30:00Z"), or null. */
    public static LocalDate day(String iso) {
        if (iso == null || iso.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(iso.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
