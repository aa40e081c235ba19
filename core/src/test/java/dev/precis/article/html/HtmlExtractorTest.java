package dev.precis.article.html;

import dev.precis.article.Article;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlExtractorTest {

    private final HtmlExtractor extractor = new HtmlExtractor();

    private static final String BODY = """
            <p>The harbour board voted on Tuesday to close the old ferry pier, ending a service that has
            carried commuters across the bay for more than ninety years, officials said.</p>
            <p>Repairs would have cost far more than the pier earns in a decade, the board's chair, Mina
            Okafor, told reporters after the vote, adding that a new landing would open next spring.</p>
            <h2>What happens next</h2>
            <p>Commuters will be offered bus passes at a reduced fare until the new landing opens, and the
            ferry company has promised to keep its staff on the payroll, according to the union.</p>
            <ul><li>Buses run every ten minutes at peak hours.</li><li>Night buses replace the last ferry.</li></ul>
            <p>The decision follows two years of public meetings, in which residents argued for and against
            the plan, and a report that found the pier's piles were rotting faster than expected.</p>
            """;

    private static String page(String head, String article) {
        return "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\">" + head + "</head><body>"
                + "<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a> <a href=\"/sport\">Sport</a></nav>"
                + "<div class=\"layout\"><main><article>" + article + "</article></main>"
                + "<aside class=\"sidebar\"><h3>Most read</h3><ul><li><a href=\"/a\">Another story entirely here</a></li>"
                + "<li><a href=\"/b\">Yet another story somewhere else</a></li></ul></aside></div>"
                + "<footer><p>Copyright 2024 The Harbour Times. All rights reserved.</p></footer></body></html>";
    }

    @Test
    void metadataFromJsonLdGraph() {
        String head = """
                <title>Old ferry pier to close | The Harbour Times</title>
                <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
                  {"@type":"WebSite","name":"The Harbour Times"},
                  {"@type":"NewsArticle","headline":"Old ferry pier to close after 90 years",
                   "author":[{"@type":"Person","name":"Ana Lima"},{"@type":"Person","name":"Tom Reyes"}],
                   "datePublished":"2024-03-05T09:30:00+01:00",
                   "publisher":{"@type":"Organization","name":"The Harbour Times"},
                   "image":{"@type":"ImageObject","url":"https://example.org/pier.jpg"}}]}</script>
                <link rel="canonical" href="/news/pier">
                """;
        Article a = extractor.extract(page(head, "<h1>Old ferry pier to close after 90 years</h1>" + BODY),
                "https://example.org/news/pier?utm=x");
        assertEquals("Old ferry pier to close after 90 years", a.title());
        assertEquals(List.of("Ana Lima", "Tom Reyes"), a.byline());
        assertEquals("2024-03-05T09:30:00+01:00", a.published());
        assertEquals("The Harbour Times", a.source());
        assertEquals("https://example.org/news/pier", a.url());
        assertEquals("en", a.language());
        assertEquals("https://example.org/pier.jpg", a.image());
    }

    @Test
    void metadataFromOpenGraphMetaAndTime() {
        String head = """
                <meta property="og:title" content="Old ferry pier to close - The Harbour Times">
                <meta property="og:site_name" content="The Harbour Times">
                <meta property="og:image" content="/img/pier.jpg">
                <meta name="author" content="By Ana Lima and Tom Reyes">
                """;
        Article a = extractor.extract(page(head, "<time datetime=\"2024-03-05\">5 March</time>" + BODY),
                "https://example.org/news/pier");
        assertEquals("Old ferry pier to close", a.title());
        assertEquals(List.of("Ana Lima", "Tom Reyes"), a.byline());
        assertEquals("2024-03-05", a.published());
        assertEquals("https://example.org/img/pier.jpg", a.image());
    }

    @Test
    void bylineFromPageElements() {
        Article a = extractor.extract(page("<title>Pier</title>",
                "<div class=\"byline\">By <a rel=\"author\" href=\"/ana\">Ana Lima</a></div>" + BODY), null);
        assertEquals(List.of("Ana Lima"), a.byline());
        assertFalse(a.text().contains("Ana Lima"), a.text());
    }

    @Test
    void bodyKeepsHeadingsAndListItemsAsParagraphs() {
        Article a = extractor.extract(page("<title>Pier</title>", BODY), null);
        List<String> paragraphs = a.paragraphs();
        assertTrue(paragraphs.get(0).startsWith("The harbour board voted"), paragraphs.get(0));
        assertTrue(paragraphs.contains("What happens next"), paragraphs.toString());
        assertTrue(paragraphs.contains("Buses run every ten minutes at peak hours."), paragraphs.toString());
        assertTrue(paragraphs.contains("Night buses replace the last ferry."), paragraphs.toString());
        assertEquals(7, paragraphs.size(), paragraphs.toString());
        assertFalse(a.text().contains("Most read"));
        assertFalse(a.text().contains("Copyright"));
        assertFalse(a.text().contains("Sport"));
    }

    @Test
    void pageChromeInsideTheArticleIsRemoved() {
        String chrome = """
                <h1>Old ferry pier to close</h1>
                <p class="dateline">Published: March 5, 2024</p>
                <p>By Ana Lima</p>
                <div class="share-bar"><a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">Email</a></div>
                <figure><img src="pier.jpg"><figcaption>The pier at dawn. Photo: Ana Lima</figcaption></figure>
                """ + BODY + """
                <p>Advertisement</p>
                <div class="newsletter-signup"><p>Sign up for our morning newsletter and get the news first.</p></div>
                <p>Related: <a href="/x">Council approves new bus lanes for the harbour district</a></p>
                <div class="related-links"><h3>Related</h3><ul><li><a href="/y">Bus lanes approved</a></li></ul></div>
                <p><a href="/prev">Previous Article</a></p><p><a href="/prev">Council approves bus lanes</a></p>
                """;
        Article a = extractor.extract(page("<title>Old ferry pier to close</title>", chrome), null);
        String text = a.text();
        for (String gone : List.of("Old ferry pier to close", "Published", "By Ana Lima", "Facebook", "Photo",
                "Advertisement", "newsletter", "Related", "Bus lanes approved", "Previous Article", "Council approves")) {
            assertFalse(text.contains(gone), () -> "'" + gone + "' left in: " + text);
        }
        assertTrue(text.startsWith("The harbour board voted"), text);
        assertTrue(text.endsWith("rotting faster than expected."), text);
    }

    @Test
    void pageOfSeveralArticlesGivesTheOneWithTheHeadline() {
        String other = "<p>" + "A different story about the airport runway, its noise and its neighbours, told at length. ".repeat(8) + "</p>";
        String html = "<html><head><meta property=\"og:title\" content=\"Old ferry pier to close\"></head><body>"
                + "<article><h1>Old ferry pier to close</h1>" + BODY + "</article>"
                + "<section class=\"more\"><article><h2>Runway plans</h2>" + other + other + "</article>"
                + "<article><h2>Runway noise</h2>" + other + other + "</article></section></body></html>";
        Article a = extractor.extract(html, null);
        assertTrue(a.text().startsWith("The harbour board voted"), a.text());
        assertFalse(a.text().contains("airport runway"), a.text());
    }

    @Test
    void bodyWithoutParagraphTagsStillFound() {
        String html = "<html><body><div id=\"x\">" + "Line of the article text that goes on, and on, for a while. ".repeat(3)
                + "<br><br>" + "Second block of text, also long enough to count as a paragraph here. ".repeat(3)
                + "</div><div><a href=\"/\">Home</a></div></body></html>";
        Extraction x = extractor.extractPage(html, null);
        assertTrue(x.found());
        assertTrue(x.article().text().startsWith("Line of the article"), x.article().text());
        assertTrue(x.article().text().contains("Second block"), x.article().text());
    }

    @Test
    void truncatedHtmlStillGivesTheText() {
        String html = page("<title>Pier</title>", BODY);
        Article a = extractor.extract(html.substring(0, html.indexOf("rotting") + 7), null);
        assertTrue(a.text().startsWith("The harbour board voted"), a.text());
        assertTrue(a.text().endsWith("were rotting"), a.text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"<div>", "<div class=\"x\">", "<article>", "<section class=\"author\">",
            "<div aria-hidden=\"true\">", "<h2><div>", "<ul><li>"})
    void deeplyNestedTagsNeitherOverflowNorHang(String open) {
        int depth = 100_000;
        StringBuilder html = new StringBuilder("<html><head><title>Deep</title></head><body>");
        html.append(open.repeat(depth));
        html.append("<p>").append("Deep inside the nesting there is some text that reads like a sentence, with commas. ".repeat(4)).append("</p>");
        html.append("</div>".repeat(depth));
        html.append("</body></html>");
        Extraction x = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> extractor.extractPage(html.toString(), null));
        assertTrue(x.article().text().contains("Deep inside the nesting"), x.article().text());
    }

    @Test
    void pageWithoutArticleGivesEmptyTextAndReason() {
        Extraction x = extractor.extractPage("<html><head><title>Home</title></head><body><nav><a href=\"/\">Home</a></nav></body></html>", null);
        assertEquals("", x.article().text());
        assertEquals("no article text found", x.emptyReason());
        assertEquals("Home", x.article().title());
    }

    @Test
    void emptyAndNonHtmlInputsGiveReasons() {
        assertEquals("not HTML", extractor.extractPage("", null).emptyReason());
        assertEquals("not HTML", extractor.extractPage("just some words, no markup at all", null).emptyReason());
        assertEquals("not HTML", extractor.extractPage("\u0000\u0001\u0002PK\u0003\u0004 binary", null).emptyReason());
        assertNull(extractor.extractPage(page("<title>Pier</title>", BODY), null).emptyReason());
    }

    @Test
    void oversizedPageIsRefusedWithReason() {
        String huge = "<html><body><p>" + "x".repeat(HtmlExtractor.MAX_CHARS) + "</p></body></html>";
        Extraction x = extractor.extractPage(huge, null);
        assertFalse(x.found());
        assertTrue(x.emptyReason().contains("larger than"), x.emptyReason());
    }

    @Test
    void liveBlogEntriesAreAllKeptButTeasersAreNot() {
        StringBuilder html = new StringBuilder("<html><head><title>Storm live: updates</title></head><body><main>");
        for (int i = 1; i <= 4; i++) {
            html.append("<article class=\"entry\"><h3>Update ").append(i).append("</h3><p>Entry number ").append(i)
                    .append(" of the live coverage: the wind reached the coast, trees fell on the main road, and crews, ")
                    .append("working through the night, cleared the way for the ambulances by morning.</p></article>");
        }
        html.append("<article class=\"teaser\"><h3><a href=\"/other\">Another story</a></h3><p>Read about something else,")
                .append(" and then something else again, on another page of this site.</p></article>");
        html.append("</main></body></html>");
        Article a = extractor.extract(html.toString(), null);
        for (int i = 1; i <= 4; i++) {
            assertTrue(a.text().contains("Entry number " + i + " of the live coverage"), a.text());
        }
        assertFalse(a.text().contains("something else"), a.text());
    }

    @Test
    void bodyCutIntoChunksBetweenRailsIsJoined() {
        String chunk = "<div class=\"grid\"><div class=\"body__chunk\"><p>%s part of the story goes on about the pier,"
                + " the vote, the money and the buses, and then a little more, for good measure.</p><p>%s part, second"
                + " paragraph, with more words about the commuters and the ferry company.</p></div>"
                + "<div class=\"rail\"><a href=\"/x\">Advert link</a></div></div>";
        String html = "<html><body><div class=\"chunks\">" + chunk.formatted("First", "First")
                + "<div class=\"promo\"><a href=\"/sub\">Subscribe</a></div>" + chunk.formatted("Second", "Second")
                + chunk.formatted("Third", "Third") + "</div><footer>About us</footer></body></html>";
        Article a = extractor.extract(html, null);
        assertTrue(a.text().startsWith("First part of the story"), a.text());
        assertTrue(a.text().contains("Second part of the story"), a.text());
        assertTrue(a.text().contains("Third part, second paragraph"), a.text());
        assertFalse(a.text().contains("Advert link"), a.text());
    }

    @Test
    void dateFromTheUrlAndBylineFromABodyLineWhenMetadataHasNone() {
        Article a = extractor.extract("<html><body><article><p>By Ana Lima and Tom Reyes</p>" + BODY
                + "<p>Subscribe to continue reading this article.</p></article></body></html>",
                "https://example.org/2024/03/05/pier-closes/");
        assertEquals("2024-03-05", a.published());
        assertEquals(List.of("Ana Lima", "Tom Reyes"), a.byline());
        assertTrue(a.text().startsWith("The harbour board voted"), a.text());
        assertFalse(a.text().contains("Subscribe"), a.text());
    }

    @Test
    void facadeExtractsTheSameArticle() {
        String html = page("<title>Pier</title>", BODY);
        assertEquals(extractor.extract(html, "https://example.org/pier"), dev.precis.Precis.extract(html, "https://example.org/pier"));
    }
}
