package dev.precis.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SentenceSplitterTest {

    private static List<String> split(String text) {
        return SentenceSplitter.english().split(text).stream().map(s -> s.of(text)).toList();
    }

    @Test
    void splitsPlainSentences() {
        assertEquals(List.of("The vote passed.", "Critics were furious!", "What now?"),
                split("The vote passed. Critics were furious! What now?"));
    }

    @Test
    void keepsTitlesAndInitialsTogether() {
        assertEquals(List.of("Mr. Olsen met Gen. Varga and Sen. Pike at St. Mary's.", "Then J. R. Tolland spoke."),
                split("Mr. Olsen met Gen. Varga and Sen. Pike at St. Mary's. Then J. R. Tolland spoke."));
    }

    @Test
    void keepsDottedAbbreviationsUnlessASentenceFollows() {
        assertEquals(List.of("The U.S. envoy met U.N. staff at 3 p.m. on Friday."),
                split("The U.S. envoy met U.N. staff at 3 p.m. on Friday."));
        assertEquals(List.of("Talks moved to the U.S.", "The envoy left."),
                split("Talks moved to the U.S. The envoy left."));
    }

    @Test
    void keepsNumbersMoneyAndNoTogether() {
        assertEquals(List.of("Shares rose 1.5% to $1.5bn at No. 10 on Jan. 5.", "Trading closed."),
                split("Shares rose 1.5% to $1.5bn at No. 10 on Jan. 5. Trading closed."));
    }

    @Test
    void closingQuotesStayWithTheirSentence() {
        assertEquals(List.of("\u201cWe will win.\u201d", "She smiled."), split("\u201cWe will win.\u201d She smiled."));
        assertEquals(List.of("\"Why?\" he asked.", "Nobody knew."), split("\"Why?\" he asked. Nobody knew."));
        assertEquals(List.of("\"We are ready,\" she said.", "\"The team is strong.\""),
                split("\"We are ready,\" she said. \"The team is strong.\""));
    }

    @Test
    void ellipsisSplitsOnlyBeforeAnOpener() {
        assertEquals(List.of("He paused... and then went on."), split("He paused... and then went on."));
        assertEquals(List.of("He paused...", "The room waited."), split("He paused... The room waited."));
    }

    @Test
    void headlinesAndBulletsWithoutStopsAreSentences() {
        assertEquals(List.of("Storm Hits Coast", "Power was cut for hours.", "- Schools closed", "- Roads flooded"),
                split("Storm Hits Coast\n\nPower was cut for hours.\n- Schools closed\n- Roads flooded"));
    }

    @Test
    void hardWrappedLinesAreJoined() {
        assertEquals(List.of("The council met on Monday and\nvoted to close the bridge."),
                split("The council met on Monday and\nvoted to close the bridge."));
    }

    @Test
    void tokenizedLowercaseTextSplitsAtStandaloneStops() {
        assertEquals(List.of("the sign reads : `` youth is a mistake . ''", "the black humor helps .", "who knew ?"),
                split("the sign reads : `` youth is a mistake . '' the black humor helps . who knew ?"));
    }

    @Test
    void numberedListItemsAreNotSplitAtTheirNumber() {
        assertEquals(List.of("1. Cut taxes for families.", "2. Build more homes."),
                split("1. Cut taxes for families.\n2. Build more homes."));
    }

    @Test
    void spansAreTrimmedAndInOrder() {
        String text = "  One here.   Two there.  ";
        List<Span> spans = SentenceSplitter.english().split(text);
        assertEquals(2, spans.size());
        assertEquals("One here.", spans.get(0).of(text));
        assertTrue(spans.get(0).end() <= spans.get(1).start());
    }

    @Test
    void emptyTextHasNoSentences() {
        assertEquals(List.of(), split(""));
        assertEquals(List.of(), split("   \n\n "));
    }
}
