package dev.precis.article.html;

import dev.precis.article.Article;
import dev.precis.article.PageChrome;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Extracts the article from a web page: metadata ({@link PageMetadata}) and the body as
 * paragraphs, with headings and list items as paragraphs of their own, and captions, bylines,
 * datelines, share bars, "Related" blocks, newsletter prompts and "Previous/Next Article" links
 * left out.
 *
 * <p>The body is found by content scoring ({@link ContentScorer}, after Readability), first on a
 * page stripped of everything whose class or id names it as furniture, then, when that leaves
 * too little, on the page with only the never-content tags removed, and last from all paragraphs
 * of the page. Every walk over the tree is iterative, so a page of 100,000 nested tags costs no
 * stack; pages larger than {@link #MAX_CHARS} are refused with a reason.
 *
 * <p>Thread-safe; one instance can serve any number of pages.
 */
public final class HtmlExtractor {

    /** The largest page read, in characters; larger pages give an empty result with a reason. */
    public static final int MAX_CHARS = 16 * 1024 * 1024;
    private static final int ENOUGH = 250;
    private static final Pattern TAG = Pattern.compile("<\\s*(html|head|body|p|div|title|meta|article|span|a|br|h[1-6]|!doctype)\\b",
            Pattern.CASE_INSENSITIVE);

    private final PageChrome chrome;

    /** An extractor with the standard chrome rules. */
    public HtmlExtractor() {
        this(PageChrome.standard());
    }

    /** An extractor that drops paragraphs matching the given chrome rules. */
    public HtmlExtractor(PageChrome chrome) {
        this.chrome = chrome;
    }

    /** The article of {@code html}; relative links resolve against {@code baseUrl} (may be null). */
    public Article extract(String html, String baseUrl) {
        return extractPage(html, baseUrl).article();
    }

    /** The article of {@code html}, with the reason when no body was found. */
    public Extraction extractPage(String html, String baseUrl) {
        if (html.length() > MAX_CHARS) {
            return empty(baseUrl, "page is larger than " + (MAX_CHARS >> 20) + "M characters");
        }
        if (!TAG.matcher(html.length() > 65536 ? html.substring(0, 65536) : html).find()) {
            return empty(baseUrl, "not HTML");
        }
        String base = baseUrl == null ? "" : baseUrl;
        Document doc = Jsoup.parse(html, base);
        PageMetadata meta = PageMetadata.of(doc);
        String title = meta.title();
        Element body = doc.body();
        PageCleaner.always(body);
        PageCleaner.unlikely(body);
        Body found = body(body, title);
        if (length(found.paragraphs()) < ENOUGH) {
            Element loose = Jsoup.parse(html, base).body();
            PageCleaner.always(loose);
            Body second = body(loose, title);
            if (length(second.paragraphs()) > length(found.paragraphs())) {
                found = second;
            }
            if (found.paragraphs().isEmpty()) {
                found = new Body(new BodyText(new ContentScorer(loose), chrome, title).keepLinkBlocks()
                        .paragraphs(List.of(loose)), List.of());
            }
        }
        List<String> paragraphs = found.paragraphs();
        String url = meta.url() != null ? meta.url() : baseUrl;
        List<String> byline = meta.byline();
        if (byline.isEmpty() && !found.bylines().isEmpty()) {
            byline = PageMetadata.splitNames(found.bylines().get(0));
        }
        Article article = new Article(null, url, meta.source(), title, byline, meta.published(),
                meta.language(), meta.image(), String.join("\n\n", paragraphs));
        return new Extraction(article, paragraphs.isEmpty() ? "no article text found" : null);
    }

    private record Body(List<String> paragraphs, List<String> bylines) {
    }

    private Body body(Element root, String title) {
        ContentScorer scorer = new ContentScorer(root);
        List<Element> content = scorer.best(root, title);
        if (content.isEmpty()) {
            return new Body(List.of(), List.of());
        }
        BodyText text = new BodyText(scorer, chrome, title);
        return new Body(text.paragraphs(content), text.bylines());
    }

    private static int length(List<String> paragraphs) {
        int n = 0;
        for (String p : paragraphs) {
            n += p.length();
        }
        return n;
    }

    private static Extraction empty(String url, String reason) {
        return new Extraction(new Article(null, url, null, null, List.of(), null, null, null, ""), reason);
    }

}
