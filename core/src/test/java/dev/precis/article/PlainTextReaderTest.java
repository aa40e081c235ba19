package dev.precis.article;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PlainTextReaderTest {

    private final PlainTextReader reader = new PlainTextReader();

    @Test
    void firstShortLineIsTheTitleAndChromeIsDropped() {
        Article a = reader.read("""
                Harbour Bridge Reopens After Repairs
                No time to read? Get a summary

                The Marlow harbour bridge reopened on Monday after six weeks of repairs.

                Share this
                Advertisement

                "It was worth the wait," said Mayor Ilsa Brandt.

                Previous Article
                Council Debates Parking Fees
                Next Article
                Festival Draws Record Crowd
                """);
        assertEquals("Harbour Bridge Reopens After Repairs", a.title());
        assertEquals(List.of(
                "The Marlow harbour bridge reopened on Monday after six weeks of repairs.",
                "\"It was worth the wait,\" said Mayor Ilsa Brandt."), a.paragraphs());
        assertEquals(String.join("\n\n", a.paragraphs()), a.text());
    }

    @Test
    void bylineLineGivesAuthorsAndOutlet() {
        Article a = reader.read("Sea Wall Approved\n\nBy Mara Quill and Tom Reyes, The Tidewater Courier\n\nThe council voted on Tuesday.");
        assertEquals(List.of("Mara Quill", "Tom Reyes"), a.byline());
        assertEquals("The Tidewater Courier", a.source());
        assertEquals(List.of("The council voted on Tuesday."), a.paragraphs());
    }

    @Test
    void aSentenceStartingWithByIsNotAByline() {
        Article a = reader.read("Sea Wall Approved\n\nBy Tuesday the council had voted.");
        assertEquals(List.of(), a.byline());
        assertEquals(List.of("By Tuesday the council had voted."), a.paragraphs());
    }

    @Test
    void aFirstLineEndingInAStopIsNotATitle() {
        Article a = reader.read("The bridge reopened on Monday.\n\nTraffic was light.");
        assertNull(a.title());
        assertEquals(2, a.paragraphs().size());
    }

    @Test
    void contentThatMerelyMentionsChromeWordsIsKept() {
        Article a = reader.read("Share prices fell sharply on Tuesday.\n\nRelated to that, the bank cut rates.");
        assertEquals(List.of("Share prices fell sharply on Tuesday.", "Related to that, the bank cut rates."), a.paragraphs());
    }

    @Test
    void markdownIsReducedToItsWords() {
        Article a = reader.readMarkdown("""
                # Port Strike Ends

                Dock workers **returned** to work, the [union](https://example.org) said.

                ---

                > Read more: Other news
                """);
        assertEquals("Port Strike Ends", a.title());
        assertEquals(List.of("Dock workers returned to work, the union said."), a.paragraphs());
    }

    @Test
    void aHeadingWithoutWordsIsNoTitle() {
        for (String md : List.of("# \n\nDock workers returned to work.", "# [](https://example.org/)\n\nDock workers returned to work.")) {
            Article a = reader.readMarkdown(md);
            assertNull(a.title(), md);
            assertEquals(List.of("Dock workers returned to work."), a.paragraphs());
        }
    }
}
