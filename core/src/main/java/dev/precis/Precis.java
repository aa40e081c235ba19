package dev.precis;

import dev.precis.article.Article;
import dev.precis.article.PlainTextReader;
import dev.precis.statements.Statement;
import dev.precis.statements.StatementExtractor;
import dev.precis.article.html.HtmlExtractor;
import dev.precis.summary.Summary;
import dev.precis.summary.SummaryOptions;
import dev.precis.text.Doc;

/**
 * The front door of the library: one-line calls for the common jobs, fluent options for the
 * rest.
 *
 * <pre>{@code
 * Summary gist = Precis.summarize(text);              // three sentences, default algorithm
 * Summary short = Precis.summarizer().words(50).summarize(text);
 * Article a = Precis.read(scrapedText);               // title, paragraphs, page chrome removed
 * List<Statement> who = Precis.statements(text);      // who said what, with offsets
 * Article page = Precis.extract(html, url);           // the article of a web page, with metadata
 * }</pre>
 */
public final class Precis {

    private static final HtmlExtractor EXTRACTOR = new HtmlExtractor();

    private Precis() {
    }

    /** A three-sentence extractive summary of {@code text}; offsets refer to {@code text}. */
    public static Summary summarize(String text) {
        return SummaryOptions.defaults().summarize(text);
    }

    /** Summary settings to adjust fluently, starting from the defaults. */
    public static SummaryOptions summarizer() {
        return SummaryOptions.defaults();
    }

    /** Reads plain text as an article: detects the title, splits paragraphs, drops page chrome. */
    public static Article read(String text) {
        return new PlainTextReader().read(text);
    }

    /** The statements of {@code text} (who said what); offsets refer to {@code text}. */
    public static java.util.List<Statement> statements(String text) {
        return new StatementExtractor().statements(Doc.of(text));
    }

    /**
     * The article of a web page: title, byline, date, source, canonical URL, language, lead image,
     * and the body as paragraphs without menus, share bars, captions or related links. The text is
     * empty when the page holds no article ({@link HtmlExtractor#extractPage} says why).
     *
     * @param html    the page
     * @param pageUrl the page's address, for relative links (may be null)
     */
    public static Article extract(String html, String pageUrl) {
        return EXTRACTOR.extract(html, pageUrl);
    }

    /** Analyzes {@code text} into sentences and tokens with offsets. */
    public static Doc analyze(String text) {
        return Doc.of(text);
    }
}
