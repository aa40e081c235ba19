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
    void rangesReachThreeTimesFurtherBackEachDownToTheOldest() {
        assertEquals(List.of("99000<id<=100000", "97000<id<=99000", "91000<id<=97000", "73000<id<=91000", "19000<id<=73000",
                "0<id<=19000"), ranges(RecentWindows.over(1, 100_000, 1000)));
    }

    @Test
    void aSmallStoreIsOneRange() {
        assertEquals(List.of("6<id<=40"), ranges(RecentWindows.over(7, 40, 1000)));
        assertEquals(List.of("4<id<=5"), ranges(RecentWindows.over(5, 5, 1000)));
    }

    @Test
    void everyIdIsInExactlyOneRange() {
        RecentWindows w = RecentWindows.over(17, 5000, 100);
        assertEquals(5000, w.upTo(0));
        assertEquals(16, w.above(w.count() - 1));
        for (int i = 1; i < w.count(); i++) {
            assertEquals(w.above(i - 1), w.upTo(i));
        }
        assertEquals(List.of("4900<id<=5000", "4700<id<=4900", "4100<id<=4700", "2300<id<=4100", "16<id<=2300"), ranges(w));
    }
}
