package dev.precis.statements;

import dev.precis.text.Doc;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CueLexiconTest {

    private final CueLexicon lexicon = CueLexicon.english();

    @Test
    void surfaceFormsMapToLemmas() {
        assertEquals("stress", lexicon.lemma("stressed"));
        assertEquals("say", lexicon.lemma("said"));
        assertEquals("tell", lexicon.lemma("told"));
        assertEquals("warn", lexicon.lemma("warns"));
        assertNull(lexicon.lemma("table"));
    }

    @Test
    void multiWordCuesMatchOnConsecutiveTokens() {
        Doc doc = Doc.of("According to the agency, he went on to win.");
        CueLexicon.Match according = lexicon.match(doc, 0);
        assertEquals(2, according.tokens());
        assertEquals("according to", according.lemma());
        CueLexicon.Match wentOn = lexicon.match(doc, 6);
        assertEquals("go on", wentOn.lemma());
        assertNull(lexicon.match(doc, 2));
    }

    @Test
    void flagsSayWhereACueMayStand() {
        Doc doc = Doc.of("She laughed and announced it.");
        assertTrue(lexicon.match(doc, 1).quoteOnly());
        assertTrue(lexicon.match(doc, 3).clauseOnly());
        assertFalse(lexicon.match(Doc.of("said"), 0).clauseOnly());
    }

    @Test
    void speechCuesInsideLongerCuePhrases() {
        assertTrue(lexicon.isSpeechCue("said in a statement"));
        assertTrue(lexicon.isSpeechCue("according to"));
        assertFalse(lexicon.isSpeechCue("wants"));
        assertFalse(lexicon.isSpeechCue(null));
    }
}
