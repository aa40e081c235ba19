package dev.precis.store;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RecentWindowsTest {

    private static List<String> ranges(RecentWindows w) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < w.count(); i++) {
            out.add(w.above(i) + "<id<=" + w.upTo(i));
        }
        return out;
    }

    @Test
    void rangesReachFourTimesFurtherBackEachDownToTheOldest() {
        assertEquals(List.of("99000<id<=100000", "96000<id<=99000", "84000<id<=96000", "36000<id<=84000", "0<id<=36000"),
                ranges(RecentWindows.over(1, 100_000, 1000)));
    }

    @Test
    void aSmallStoreIsOneRange() {
        assertEquals(List.of("6<id<=40"), ranges(RecentWindows.over(7, 40, 1000)));
        assertEquals(List.of("4<id<=5"), ranges(RecentWindows.over(5, 5, 1000)));
    }

    @Test
    void everyIdIsInExactlyOneRange() {
        RecentWindows w = RecentWindows.over(17, 5000, 64);
        assertEquals(5000, w.upTo(0));
        assertEquals(16, w.above(w.count() - 1));
        for (int i = 1; i < w.count(); i++) {
            assertEquals(w.above(i - 1), w.upTo(i));
        }
        assertEquals(List.of("4936<id<=5000", "4744<id<=4936", "3976<id<=4744", "904<id<=3976", "16<id<=904"), ranges(w));
    }
}
