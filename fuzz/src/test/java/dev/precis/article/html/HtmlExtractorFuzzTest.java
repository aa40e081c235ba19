package dev.precis.article.html;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.precis.article.Article;
import org.jsoup.Jsoup;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Web page bytes through charset sniffing and gzip ({@link PageDecoder}) into the article
 * extractor. The one expected rejection is the decoder's {@link IllegalArgumentException} for
 * broken or oversized gzip data; the extractor itself must take any text. Checked: the body is its
 * paragraphs joined by blank lines, it is empty exactly when a reason says why, and no script or
 * style source ends up in it.
 */
class HtmlExtractorFuzzTest {

    private static final HtmlExtractor EXTRACTOR = new HtmlExtractor();

    @FuzzTest
    @DictionaryEntries({"<html>", "<head>", "<body>", "<article>", "<p>", "</p>", "<div class=\"", "\">", "</div>",
            "<h1>", "<script>", "</script>", "<style>", "<noscript>", "<template>", "<svg>", "<![CDATA[", "]]>",
            "<plaintext>", "<pre>", "<br>", "<a href=\"", "<meta property=\"og:title\" content=\"",
            "<meta charset=\"", "<meta name=\"author\" content=\"", "<link rel=\"canonical\" href=\"",
            "<script type=\"application/ld+json\">", "{\"@type\":\"NewsArticle\",\"headline\":\"", "\"author\":",
            "\"datePublished\":\"", "class=\"byline\"", "class=\"share\"", "<nav>", "<footer>", "<figcaption>",
            "&lt;", "&amp;", "&#", "utf-16", "windows-1252"})
    void extract(byte[] page) {
        String html;
        try {
            html = PageDecoder.decode(page, null);
        } catch (IllegalArgumentException brokenGzip) {
            return;
        }
        Extraction result = EXTRACTOR.extractPage(html, "https://news.example.test/2024/05/story.html");
        Article article = result.article();
        String text = article.text();
        if (text.isEmpty() != !result.found()) {
            throw new AssertionError("body empty = " + text.isEmpty() + " but reason = " + result.emptyReason());
        }
        if (!String.join("\n\n", article.paragraphs()).equals(text)) {
            throw new AssertionError("the body is not its paragraphs joined by blank lines");
        }
        if (!text.isEmpty()) {
            noScriptSource(html, text);
        }
    }

    /** Fails when the source of a script or style element, which a reader never sees, is in the body. */
    private static void noScriptSource(String html, String text) {
        Document doc = Jsoup.parse(html);
        String visible = squeeze(doc.text());
        String body = squeeze(text);
        for (Element e : doc.select("script, style")) {
            for (DataNode data : e.dataNodes()) {
                String source = squeeze(data.getWholeData());
                if (source.length() >= 12 && body.contains(source) && !visible.contains(source)) {
                    throw new AssertionError("the body holds the source of a <" + e.tagName() + ">: " + source);
                }
            }
        }
    }

    private static String squeeze(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }
}
