package dev.precis.digest;

import dev.precis.article.Article;
import dev.precis.text.Doc;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DigesterTest {

    private static final String HARBOUR = """
            The harbour council of Port Elwin voted on Tuesday to rebuild the old stone pier before winter.

            Fishermen had warned for years that the pier was crumbling. The council set aside two million crowns for the work.

            Mayor Ida Strand said the repairs would start in October. Builders from the valley will bring the stone by barge.

            The ferry to the islands will dock at the north quay while the pier is closed.""";

    @Test
    void digestHoldsThreeSummarySentencesWithAllScores() {
        Digest d = new Digester().digest(Article.ofText(HARBOUR));
        assertEquals(3, d.summary().sentences().size());
        assertEquals(Doc.of(HARBOUR).sentenceCount(), d.summary().sentencesTotal());
        d.summary().sentences().forEach(s -> assertEquals(s.text(), HARBOUR.substring(s.start(), s.end())));
        assertEquals(2, d.statements().size(), d.statements().toString());
        assertEquals("Fishermen", d.statements().get(0).speaker());
        Digest.Statement said = d.statements().get(1);
        assertEquals("Ida Strand", said.speaker());
        assertEquals(said.text(), HARBOUR.substring(said.start(), said.end()));
        assertTrue(d.keyphrases().contains("pier"), d.keyphrases().toString());
    }

    @Test
    void nearDuplicatesHaveCloseFingerprintsAndOthersDoNot() {
        long a = SimHash.of(Doc.of(HARBOUR));
        long edited = SimHash.of(Doc.of(HARBOUR.replace("Tuesday", "Wednesday") + "\n\nSubscribe to our newsletter."));
        long other = SimHash.of(Doc.of("""
                A rare orchid bloomed in the botanical garden of Velmar this spring, drawing long queues of visitors.
                Gardeners said the plant flowers once every twelve years and only for a few days."""));
        assertTrue(SimHash.distance(a, edited) <= 12, "edited copy distance " + SimHash.distance(a, edited));
        assertTrue(SimHash.distance(a, other) >= 20, "unrelated distance " + SimHash.distance(a, other));
        assertEquals(a, SimHash.of(Doc.of(HARBOUR)));
    }
}
