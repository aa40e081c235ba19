package dev.precis.stories;

import dev.precis.text.Doc;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StorySimilarityTest {

    private static final String FLOOD_A = "Heavy rain flooded the lower town of Marlow Creek on Tuesday. "
            + "Mayor Elena Brandt evacuated four hundred residents to the high school gymnasium. "
            + "Engineers closed the Harbour Road bridge.";
    private static final String FLOOD_B = "Mayor Elena Brandt moved four hundred residents of Marlow Creek to the high "
            + "school gymnasium after heavy rain flooded the lower town. The Harbour Road bridge is closed.";
    private static final String CHESS = "Fourteen-year-old Mira Kowalczyk won the national chess championship in "
            + "Lindenfeld. She beat the defending champion in a five hour game.";

    private static StorySimilarity.Profile profile(String text) {
        return StorySimilarity.profile(Doc.of(text));
    }

    @Test
    void profileHasSortedStemsOfUnitLength() {
        StorySimilarity.Profile p = profile(FLOOD_A);
        double sum = 0;
        for (int i = 0; i < p.terms().length; i++) {
            sum += p.weights()[i] * p.weights()[i];
            if (i > 0) {
                assertTrue(p.terms()[i - 1].compareTo(p.terms()[i]) < 0);
            }
        }
        assertEquals(1, sum, 1e-9);
        assertTrue(java.util.Arrays.asList(p.terms()).contains("flood"), "stems, not words");
        assertTrue(!java.util.Arrays.asList(p.terms()).contains("the"), "no stop words");
    }

    @Test
    void sameEventIsCloserThanAnotherEvent() {
        double same = StorySimilarity.cosine(profile(FLOOD_A), profile(FLOOD_B));
        double other = StorySimilarity.cosine(profile(FLOOD_A), profile(CHESS));
        assertTrue(same > 0.5, "same event: " + same);
        assertTrue(other < 0.1, "other event: " + other);
        assertEquals(1, StorySimilarity.cosine(profile(CHESS), profile(CHESS)), 1e-9);
        assertEquals(0, StorySimilarity.cosine(profile(CHESS), profile("...")));
        assertTrue(StorySimilarity.sharedTerms(profile(FLOOD_A), profile(FLOOD_B)).contains("brandt"));
    }

    @Test
    void shinglesAreSortedDistinctAndInRange() {
        int[] s = StorySimilarity.shingles(Doc.of(FLOOD_A + " " + FLOOD_A), 1000);
        assertTrue(s.length > 5);
        for (int i = 0; i < s.length; i++) {
            assertTrue(s[i] >= 0 && s[i] < 1000);
            if (i > 0) {
                assertTrue(s[i - 1] < s[i]);
            }
        }
        assertArrayEquals(StorySimilarity.shingles(Doc.of(FLOOD_A), 1000), s, "a repeated text has the same set");
        assertThrows(IllegalArgumentException.class, () -> StorySimilarity.shingles(Doc.of(FLOOD_A), 0));
    }

    @Test
    void bandKeysAgreeForEqualSetsAndMostlyDifferOtherwise() {
        int[] a = StorySimilarity.shingles(Doc.of(FLOOD_A), 1 << 22);
        int[] c = StorySimilarity.shingles(Doc.of(CHESS), 1 << 22);
        long[] ka = StorySimilarity.bandKeys(a, 16, 2);
        assertEquals(16, ka.length);
        assertArrayEquals(ka, StorySimilarity.bandKeys(a.clone(), 16, 2));
        long[] kc = StorySimilarity.bandKeys(c, 16, 2);
        int shared = 0;
        for (int b = 0; b < 16; b++) {
            if (ka[b] == kc[b]) {
                shared++;
            }
        }
        assertEquals(0, shared, "disjoint shingle sets share no band");
        assertEquals(0, StorySimilarity.bandKeys(new int[0], 16, 2).length);
        assertThrows(IllegalArgumentException.class, () -> StorySimilarity.bandKeys(a, 0, 2));
    }

    @Test
    void simhashOfSimilarTextsIsCloser() {
        long a = StorySimilarity.simhash(profile(FLOOD_A));
        long b = StorySimilarity.simhash(profile(FLOOD_B));
        long c = StorySimilarity.simhash(profile(CHESS));
        assertTrue(Long.bitCount(a ^ b) < Long.bitCount(a ^ c),
                Long.bitCount(a ^ b) + " vs " + Long.bitCount(a ^ c));
        assertEquals(16, StorySimilarity.simhashHex(profile(CHESS)).length());
        assertNotEquals(a, c);
    }
}
