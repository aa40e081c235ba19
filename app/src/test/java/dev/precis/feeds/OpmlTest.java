package dev.precis.feeds;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpmlTest {

    private static List<Opml.Subscription> read(String doc) throws FeedFormatException {
        return Opml.read(doc);
    }

    @Test
    void readsNestedOutlinesAndSkipsFoldersAndBadSchemes() throws Exception {
        List<Opml.Subscription> subs = read("""
                <?xml version="1.0"?>
                <opml version="1.0"><head><title>Mine</title></head><body>
                  <outline text="News">
                    <outline text="Ledger" type="rss" xmlUrl="http://ledger.test/feed" htmlUrl="http://ledger.test/"/>
                    <outline title="Gazette &amp; Co" text="ignored" xmlUrl="https://gazette.test/atom"/>
                  </outline>
                  <outline text="Local file" xmlUrl="file:///etc/passwd"/>
                </body></opml>""");
        assertEquals(List.of(
                new Opml.Subscription("http://ledger.test/feed", "Ledger", "http://ledger.test/"),
                new Opml.Subscription("https://gazette.test/atom", "Gazette & Co", null)), subs);
    }

    @Test
    void writesWhatItReads() throws Exception {
        List<Opml.Subscription> subs = List.of(
                new Opml.Subscription("http://a.test/feed?x=1&y=2", "A \"quoted\" <title>", "http://a.test/"),
                new Opml.Subscription("http://b.test/rss", null, null));
        String doc = Opml.write("Precis subscriptions", subs);
        assertTrue(doc.startsWith("<?xml"), doc);
        assertEquals(subs, read(doc));
    }

    @Test
    void refusesDoctypesAndNonOpml() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE opml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<opml><body><outline text=\"&x;\" xmlUrl=\"http://a.test/\"/></body></opml>";
        assertTrue(assertThrows(FeedFormatException.class, () -> read(xxe)).getMessage().startsWith("refused"));
        assertTrue(assertThrows(FeedFormatException.class, () -> read("<rss/>")).getMessage().startsWith("not an OPML"));
        assertTrue(assertThrows(FeedFormatException.class, () -> read("<opml><body>")).getMessage()
                .startsWith("malformed OPML"));
        // a control character inside a DOCTYPE makes the JDK's parser fail with an internal error
        assertTrue(assertThrows(FeedFormatException.class, () -> read("<?xml version=\"1.0\"?><!DOCTYPE m[\u0000\n"))
                .getMessage().startsWith("malformed OPML"));
    }

    @Test
    void titlesAreOnePortableLineSoAnExportReadsBack() throws Exception {
        List<Opml.Subscription> subs = read("""
                <?xml version="1.1"?>
                <opml version="2.0"><body>
                  <outline title="Valley&#10;&amp;&#9;Hills" xmlUrl="http://valley.test/rss"/>
                  <outline title="Bell&#1;Tower" xmlUrl="http://bell.test/rss"/>
                </body></opml>""");
        assertEquals(List.of(new Opml.Subscription("http://valley.test/rss", "Valley & Hills", null),
                new Opml.Subscription("http://bell.test/rss", "Bell\ufffdTower", null)), subs);
        assertEquals(subs, read(Opml.write("Mine", subs)));

        // whatever a feed called itself, an export is a document that imports again
        String doc = Opml.write("Mine\u0000", List.of(new Opml.Subscription("http://a.test/feed", "A\u0000\ud800\nB", null)));
        assertEquals(List.of(new Opml.Subscription("http://a.test/feed", "A\ufffd\ufffd B", null)), read(doc));
    }
}
