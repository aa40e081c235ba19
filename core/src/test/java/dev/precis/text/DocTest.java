package dev.precis.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DocTest {

    @Test
    void tokensCarryOffsetsIntoTheOriginalText() {
        String text = "The U.S. envoy didn\u2019t sign.\n\nTalks resume on Monday.";
        Doc doc = Doc.of(text);
        assertEquals(2, doc.sentenceCount());
        for (int t = 0; t < doc.tokenCount(); t++) {
            assertEquals(doc.tokenText(t), text.substring(doc.tokenStart(t), doc.tokenEnd(t)));
        }
        assertEquals("U.S.", doc.tokenText(1));
        assertEquals("didn't", doc.norm(3));
        assertEquals(0, doc.paragraphOf(0));
        assertEquals(1, doc.paragraphOf(1));
    }

    @Test
    void stopWordsAndStemsAreMarked() {
        Doc doc = Doc.of("The ministers were meeting.");
        assertTrue(doc.isStop(0));
        assertTrue(doc.isContent(1));
        assertEquals("minist", doc.termString(doc.term(1)));
        assertEquals("meet", doc.termString(doc.term(3)));
        assertFalse(doc.isWord(4));
    }

    @Test
    void sameStemSharesOneTermId() {
        Doc doc = Doc.of("Voters voted. The vote counts.");
        int voted = doc.term(1);
        int vote = doc.term(4);
        assertEquals(voted, vote);
        assertEquals(2, doc.wordCount(0));
    }

    @Test
    void numbersAndMoneyStayWhole() {
        Doc doc = Doc.of("It cost $1.5bn, or 1,000 units.");
        assertEquals("1.5bn", doc.tokenText(3));
        assertEquals("1,000", doc.tokenText(6));
    }

    @Test
    void tokenizedQuotesStayTogether() {
        Doc doc = Doc.of("he said `` no '' .");
        assertEquals("``", doc.tokenText(2));
        assertEquals("''", doc.tokenText(4));
    }
}
