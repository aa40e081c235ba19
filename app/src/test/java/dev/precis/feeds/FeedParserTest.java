package dev.precis.feeds;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeedParserTest {

    private final FeedParser parser = new FeedParser();

    private ParsedFeed parse(String doc) throws FeedFormatException {
        return parser.parse(doc.getBytes(StandardCharsets.UTF_8), "application/xml", "http://news.test/feed");
    }

    private String problem(String doc) {
        return assertThrows(FeedFormatException.class, () -> parse(doc)).getMessage();
    }

    @Test
    void readsRss20WithTtlContentAndRelativeLinks() throws Exception {
        ParsedFeed feed = parse("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
                     xmlns:dc="http://purl.org/dc/elements/1.1/">
                <channel><title>The Ledger</title><link>http://news.test/</link><ttl>90</ttl>
                <item><title>Bridge reopens</title><link>/2024/bridge</link><guid>b-1</guid>
                  <dc:creator>Ann Reporter</dc:creator>
                  <pubDate>Tue, 05 Mar 2024 09:30:00 GMT</pubDate>
                  <description>Short teaser</description>
                  <content:encoded><![CDATA[<p>The bridge reopened on Tuesday after repairs.</p>]]></content:encoded>
                </item></channel></rss>""");
        assertEquals("rss_2.0", feed.format());
        assertEquals("The Ledger", feed.title());
        assertEquals(Duration.ofMinutes(90), feed.ttl());
        FeedEntry e = feed.entries().get(0);
        assertEquals("b-1", e.id());
        assertEquals("http://news.test/2024/bridge", e.url());
        assertEquals(List.of("Ann Reporter"), e.authors());
        assertEquals(Instant.parse("2024-03-05T09:30:00Z"), e.published());
        assertTrue(e.content().contains("reopened on Tuesday"), e.content());
    }

    @Test
    void readsRss091AndRss10() throws Exception {
        ParsedFeed old = parse("""
                <rss version="0.91"><channel><title>Old</title><link>http://old.test/</link>
                <description>d</description><language>en</language>
                <item><title>One</title><link>http://old.test/1</link><description>Body one</description></item>
                </channel></rss>""");
        assertEquals("rss_0.91U", old.format());
        assertEquals("http://old.test/1", old.entries().get(0).url());
        ParsedFeed rdf = parse("""
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                         xmlns:dc="http://purl.org/dc/elements/1.1/">
                <channel rdf:about="http://rdf.test/"><title>RDF</title><link>http://rdf.test/</link>
                  <description>d</description></channel>
                <item rdf:about="http://rdf.test/a"><title>A</title><link>http://rdf.test/a</link>
                  <dc:date>2024-03-05T10:00:00+01:00</dc:date></item>
                </rdf:RDF>""");
        assertEquals("rss_1.0", rdf.format());
        assertNull(rdf.ttl());
        ParsedFeed sy = parse("""
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                         xmlns:sy="http://purl.org/rss/1.0/modules/syndication/">
                <channel rdf:about="http://rdf.test/"><title>RDF</title><link>http://rdf.test/</link>
                  <description>d</description><sy:updatePeriod>hourly</sy:updatePeriod>
                  <sy:updateFrequency>2</sy:updateFrequency></channel>
                </rdf:RDF>""");
        assertEquals(Duration.ofMinutes(30), sy.ttl());
        assertEquals(Instant.parse("2024-03-05T09:00:00Z"), rdf.entries().get(0).published());
    }

    @Test
    void readsAtom10AndAtom03() throws Exception {
        ParsedFeed atom = parse("""
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Atom</title><id>urn:x</id>
                <link href="http://atom.test/"/><updated>2024-03-05T10:00:00Z</updated>
                <entry><title>E</title><id>urn:e1</id><link href="http://atom.test/e1"/>
                  <author><name>Bo Writer</name></author><updated>2024-03-05T10:00:00Z</updated>
                  <published>2024-03-04T08:00:00Z</published>
                  <content type="html">&lt;p&gt;Full text here.&lt;/p&gt;</content></entry></feed>""");
        assertEquals("atom_1.0", atom.format());
        FeedEntry e = atom.entries().get(0);
        assertEquals("urn:e1", e.id());
        assertEquals(List.of("Bo Writer"), e.authors());
        assertEquals(Instant.parse("2024-03-04T08:00:00Z"), e.published());
        assertTrue(e.content().contains("Full text here."));
        ParsedFeed atom03 = parse("""
                <feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old Atom</title>
                <link rel="alternate" type="text/html" href="http://old-atom.test/"/>
                <modified>2024-03-05T10:00:00Z</modified>
                <entry><title>F</title><link rel="alternate" type="text/html" href="http://old-atom.test/f"/>
                  <id>tag:f</id><issued>2024-03-05T10:00:00Z</issued><modified>2024-03-05T10:00:00Z</modified>
                </entry></feed>""");
        assertEquals("atom_0.3", atom03.format());
        assertEquals("http://old-atom.test/f", atom03.entries().get(0).url());
    }

    @Test
    void readsJsonFeed10And11() throws Exception {
        ParsedFeed v11 = parse("""
                {"version":"https://jsonfeed.org/version/1.1","title":"JF","home_page_url":"http://jf.test/",
                 "items":[{"id":"1","url":"http://jf.test/1","title":"One","content_text":"Para one.\\n\\nPara two.",
                           "date_published":"2024-03-05T10:00:00+02:00","authors":[{"name":"Cy"}]}]}""");
        assertEquals("json_1.1", v11.format());
        FeedEntry e = v11.entries().get(0);
        assertEquals(Instant.parse("2024-03-05T08:00:00Z"), e.published());
        assertEquals(List.of("Cy"), e.authors());
        assertEquals("<p>Para one.</p><p>Para two.</p>", e.content());
        ParsedFeed v10 = parse("""
                {"version":"https://jsonfeed.org/version/1","title":"JF",
                 "items":[{"id":"2","external_url":"http://other.test/2","content_html":"<p>x</p>",
                           "author":{"name":"Di"}}]}""");
        assertEquals("json_1", v10.format());
        assertEquals(List.of("Di"), v10.entries().get(0).authors());
        assertEquals("http://other.test/2", v10.entries().get(0).url());
        assertTrue(problem("{\"title\":\"not a feed\"}").startsWith("not a feed"));
        assertTrue(problem("{\"version\":").startsWith("malformed JSON"));
    }

    @Test
    void refusesExternalEntities(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET");
        String doc = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                + "<rss version=\"2.0\"><channel><title>&xxe;</title><item><title>&xxe;</title></item></channel></rss>";
        String message = problem(doc);
        assertTrue(message.startsWith("refused: the document declares a DOCTYPE"), message);
        assertFalse(message.contains("TOP-SECRET"));
    }

    @Test
    void refusesBillionLaughsQuickly() {
        StringBuilder doc = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        doc.append("<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">");
        for (int i = 2; i <= 9; i++) {
            doc.append("<!ENTITY lol").append(i).append(" \"")
                    .append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        doc.append("]><rss version=\"2.0\"><channel><title>&lol9;</title></channel></rss>");
        long start = System.nanoTime();
        String message = problem(doc.toString());
        assertTrue(message.startsWith("refused"), message);
        // A generous bound that only an expanding parser (10^9 "lol"s) could miss.
        assertTrue(System.nanoTime() - start < 5_000_000_000L);
    }

    @Test
    void aJsonFeedWhoseItemsAreNoListIsNoFeed() throws Exception {
        assertEquals("not a feed: the JSON Feed's \"items\" is not a list",
                problem("{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":{\"title\":\"One\"}}"));
        assertEquals(0, parse("{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"Empty\"}").entries().size());
        assertEquals(2, parse("{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[null, 7]}").entries().size());
    }

    @Test
    void itemsWithoutGuidKeepRelativeLinks() throws Exception {
        ParsedFeed feed = parse("""
                <rss version="2.0"><channel><title>Ledger</title>
                <item><title>Relative</title><link>/2024/ferry</link></item>
                <item><title>Path-like</title><link>http///news.test/odd</link></item>
                <item><title>Permalink guid</title><guid>item-17</guid></item>
                <item><title>Absolute guid</title><guid>https://news.test/2024/pier</guid></item>
                </channel></rss>""");
        assertEquals("http://news.test/2024/ferry", feed.entries().get(0).url());
        assertTrue(feed.entries().get(1).url().startsWith("http://news.test/"), "a path, resolved: " + feed.entries().get(1).url());
        assertNull(feed.entries().get(2).url());
        assertEquals("item-17", feed.entries().get(2).id());
        assertEquals("https://news.test/2024/pier", feed.entries().get(3).url());
    }

    @Test
    void namesWhatTheDocumentIsInstead() {
        assertEquals("not a feed: an HTML page",
                problem("<!DOCTYPE html><html><head><title>404</title></head><body>Not found</body></html>"));
        assertEquals("not a feed: an HTML page", problem("\n<html><body>Error 500</body></html>"));
        assertTrue(problem("<rss version=\"2.0\"><channel><title>x</title><item>").startsWith("malformed XML"));
        assertTrue(problem("<note><to>x</to></note>").startsWith("not a feed"));
        assertEquals("not a feed: neither XML nor JSON", problem("Just some words"));
        assertEquals("not a feed: empty document", problem("  "));
    }

    @Test
    void decodesDespiteAWrongCharsetHeader() throws Exception {
        String doc = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel>"
                + "<title>Caf\u00e9 cr\u00e8me</title><item><title>\u00c9t\u00e9</title></item></channel></rss>";
        // Latin-1 bytes served as UTF-8: the prolog is believed because the bytes are not UTF-8.
        ParsedFeed latin = parser.parse(doc.getBytes(StandardCharsets.ISO_8859_1),
                "application/rss+xml; charset=utf-8", null);
        assertEquals("Caf\u00e9 cr\u00e8me", latin.title());
        // UTF-8 bytes whose prolog and header both claim Latin-1: valid UTF-8 wins.
        ParsedFeed utf8 = parser.parse(doc.getBytes(StandardCharsets.UTF_8), "text/xml; charset=iso-8859-1", null);
        assertEquals("\u00c9t\u00e9", utf8.entries().get(0).title());
        // windows-1251 announced only in the header.
        String cyr = "<rss version=\"2.0\"><channel><title>\u041d\u043e\u0432\u043e\u0441\u0442\u0438</title></channel></rss>";
        ParsedFeed ru = parser.parse(cyr.getBytes(Charset.forName("windows-1251")), "text/xml; charset=windows-1251", null);
        assertEquals("\u041d\u043e\u0432\u043e\u0441\u0442\u0438", ru.title());
    }

    @Test
    void capsAHundredThousandEntryFeed() throws Exception {
        StringBuilder doc = new StringBuilder("<rss version=\"2.0\"><channel><title>Big</title>");
        for (int i = 0; i < 100_000; i++) {
            doc.append("<item><guid>").append(i).append("</guid><title>T").append(i).append("</title></item>");
        }
        doc.append("</channel></rss>");
        ParsedFeed feed = parse(doc.toString());
        assertEquals(100_000, feed.totalEntries());
        assertEquals(FeedParser.DEFAULT_MAX_ENTRIES, feed.entries().size());
        assertEquals("0", feed.entries().get(0).id());
    }

    @Test
    void readsDatesInTwentyFormats() throws Exception {
        List<String> dates = List.of(
                "Tue, 05 Mar 2024 09:30:00 GMT", "Tue, 05 Mar 2024 09:30:00 +0000", "Tue, 5 Mar 2024 09:30:00 UT",
                "05 Mar 2024 09:30:00 GMT", "Tue, 05 Mar 24 09:30:00 GMT", "Tue, 05 Mar 2024 09:30 +0000",
                "2024-03-05T09:30:00Z", "2024-03-05T09:30:00.000Z", "2024-03-05T10:30:00+01:00",
                "2024-03-05T09:30Z", "2024-03-05", "2024-03-05 09:30:00 +0000", "2024-03-05 09:30:00",
                "2024/03/05 09:30:00", "2024/03/05", "05.03.2024", "March 5, 2024", "Mar 5, 2024",
                "Tue Mar 05 09:30:00 GMT 2024", "Tuesday, March 5, 2024");
        assertEquals(20, dates.size());
        StringBuilder doc = new StringBuilder("<rss version=\"2.0\"><channel><title>Dates</title>");
        for (String d : dates) {
            doc.append("<item><guid>").append(d).append("</guid><pubDate>").append(d).append("</pubDate></item>");
        }
        doc.append("<item><guid>junk</guid><pubDate>sometime soon</pubDate></item></channel></rss>");
        ParsedFeed feed = parse(doc.toString());
        for (int i = 0; i < dates.size(); i++) {
            Instant when = feed.entries().get(i).published();
            assertNotNull(when, dates.get(i));
            // Whatever the zone assumed for zone-less forms, the day is the 5th of March 2024.
            assertTrue(when.isAfter(Instant.parse("2024-03-04T10:00:00Z"))
                    && when.isBefore(Instant.parse("2024-03-06T14:00:00Z")), dates.get(i) + " -> " + when);
        }
        assertNull(feed.entries().get(dates.size()).published());
    }

    @Test
    void givesEntriesWithoutLinksOrTitlesAStableId() throws Exception {
        String doc = "<rss version=\"2.0\"><channel><title>Bare</title>"
                + "<item><description>Only a body.</description></item><item><title>Only a title</title></item>"
                + "</channel></rss>";
        ParsedFeed a = parse(doc);
        ParsedFeed b = parse(doc);
        assertNull(a.entries().get(0).url());
        assertNull(a.entries().get(0).title());
        assertTrue(a.entries().get(0).id().startsWith("urn:sha1:"));
        assertEquals(a.entries().get(0).id(), b.entries().get(0).id());
        assertFalse(a.entries().get(0).id().equals(a.entries().get(1).id()));
    }

    @Test
    void titlesAreOneLine() throws Exception {
        ParsedFeed feed = parse("""
                <rss version="2.0"><channel><title>
                  Ledger
                  weekly</title>
                <item><title>Bridge
                  reopens</title><guid>b-1</guid></item>
                </channel></rss>""");
        assertEquals("Ledger weekly", feed.title());
        assertEquals("Bridge reopens", feed.entries().getFirst().title());
    }

    @Test
    void jsonEscapesOfNulAndLoneSurrogatesComeOutPortable() throws Exception {
        ParsedFeed feed = parse("""
                {"version":"https://jsonfeed.org/version/1.1","title":"Daily\\u0000 News",
                 "home_page_url":"https://daily.test/\\ud800","items":[{"id":"a\\u0000","title":"T\\udc00",
                 "url":"https://daily.test/a\\u0001","authors":[{"name":"Ana\\u0000 Moss"}],
                 "content_text":"Body\\u0000 text."}]}""");
        assertEquals("Daily\ufffd News", feed.title());
        assertNull(feed.siteUrl(), "a link with a lone surrogate is no link");
        FeedEntry e = feed.entries().getFirst();
        assertEquals("a\ufffd", e.id());
        assertEquals("T\ufffd", e.title());
        assertNull(e.url());
        assertEquals(List.of("Ana\ufffd Moss"), e.authors());
        assertEquals("<p>Body\ufffd text.</p>", e.content());
    }
}
