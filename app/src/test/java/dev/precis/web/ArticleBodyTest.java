package dev.precis.web;

import dev.precis.text.Doc;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArticleBodyTest {

    static List<int[]> spans(String text) {
        Doc doc = Doc.of(text);
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < doc.sentenceCount(); i++) {
            out.add(new int[]{doc.sentence(i).start(), doc.sentence(i).end()});
        }
        return out;
    }

    @Test
    void paragraphsAndSentencesBecomeAddressableEscapedMarkup() {
        String text = "The mayor spoke. She said <b>no</b> & left.\n\nA second paragraph follows.";
        String html = ArticleBody.html(text, spans(text), Set.of(1));
        assertEquals(2, html.split("<p>", -1).length - 1, html);
        assertTrue(html.contains("<span class=\"s\" id=\"s0\">The mayor spoke.</span>"), html);
        assertTrue(html.contains("<span class=\"s hl\" id=\"s1\">She said &lt;b&gt;no&lt;/b&gt; &amp; left.</span>"), html);
        assertTrue(html.contains("id=\"s2\">A second paragraph follows.</span></p>"), html);
        assertFalse(html.contains("<b>"));
    }

    @Test
    void everyCharacterOfTheTextIsShownOnce() {
        String text = "Odd  spacing here.   Another one!\n\n\n\nLast \"quoted\" line?";
        String html = ArticleBody.html(text, spans(text), Set.of());
        String shown = html.replaceAll("<[^>]+>", "").replace("&quot;", "\"").replace("\n", "");
        assertEquals(text.replace("\n", "").replaceAll("\\s+", ""), shown.replaceAll("\\s+", ""));
    }

    @Test
    void readingListsParseOnlyWhatTheyKnow() {
        assertEquals(new ReadingList("story", "12"), ReadingList.parse("story:12"));
        assertEquals(new ReadingList("search", "a b"), ReadingList.parse("search:a b"));
        assertEquals(new ReadingList("front", "1"), ReadingList.parse("story:12; DROP"));
        assertEquals(new ReadingList("front", "1"), ReadingList.parse("javascript:alert(1)"));
        assertEquals("from=search%3Aa+b", new ReadingList("search", "a b").query());
    }

    @Test
    void attributionNamesSpeakersAndAccordingToSourcesOnce() {
        List<Newsroom.Said> said = List.of(
                new Newsroom.Said("Ilse Varga", "direct", 0, 5, "\"x\"", "1", "A"),
                new Newsroom.Said("the Valley Wire news agency", "indirect", 0, 5, "y", "1", "A"));
        String text = "According to the Valley Wire news agency, it rained. According to Port Aldane police, it did not.";
        assertEquals("According to Ilse Varga, the Valley Wire news agency and Port Aldane.",
                Attribution.line(Attribution.sources(text, said, 6)));
        assertEquals("", Attribution.line(List.of()));
    }
}
