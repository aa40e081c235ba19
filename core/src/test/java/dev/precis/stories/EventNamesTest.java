package dev.precis.stories;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventNamesTest {

    /** Key-name counts: {@code {id, members, id, members, ...}}, ids ascending. */
    static SparseVector counts(int... pairs) {
        int[] ids = new int[pairs.length / 2];
        float[] values = new float[ids.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = pairs[2 * i];
            values[i] = pairs[2 * i + 1];
        }
        return new SparseVector(ids, values);
    }

    @Test
    void groupsThatEachOftenUseANameTheOtherNeverUsesAreApart() {
        SparseVector a = counts(1, 5, 2, 5);
        SparseVector b = counts(1, 5, 3, 4);
        assertTrue(EventNames.apart(a, 5, b, 5));
        assertTrue(EventNames.apart(b, 5, a, 5));
    }

    @Test
    void extraNamesOnOneSideOnlyAreNoConflict() {
        SparseVector a = counts(1, 5, 2, 5);
        SparseVector b = counts(1, 5);
        assertFalse(EventNames.apart(a, 5, b, 5));
    }

    @Test
    void aNameTheOtherUsesEvenOnceIsNoConflict() {
        SparseVector a = counts(1, 5, 2, 5);
        SparseVector b = counts(1, 5, 2, 1, 3, 4);
        assertFalse(EventNames.apart(a, 5, b, 5));
    }

    @Test
    void smallGroupsAndRareNamesAreNeverSure() {
        assertFalse(EventNames.apart(counts(2, 1), 1, counts(3, 40), 40), "a single article");
        assertFalse(EventNames.apart(counts(2, 3), 3, counts(3, 3), 3), "three against three");
        assertFalse(EventNames.apart(counts(2, 2), 8, counts(3, 8), 8), "a name in two of eight");
        assertTrue(EventNames.apart(counts(2, 4), 4, counts(3, 4), 4), "four against four");
    }
}
