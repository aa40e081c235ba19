package dev.precis.stories;

import dev.precis.text.Doc;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FingerprintTest {

    static final String BODY = "The harbour authority closed the northern pier on Tuesday after storm waves damaged "
            + "its supports, leaving forty fishing boats without a berth.\n\nInspectors will examine the "
            + "concrete pillars this week, a spokeswoman said, and the ferry to the islands will use the "
            + "southern quay until repairs are finished. Fishermen asked the council for temporary moorings "
            + "and compensation for lost catches during the closure, which could last two months.";

    @Test
    void aSyndicatedCopyWithSmallEditsAndOtherChromeIsANearDuplicate() {
        String copy = "Share this article\n\n" + BODY.replace("Tuesday", "Tuesday morning").replace("forty", "40")
                + "\n\nSign up for our newsletter.";
        Fingerprint a = Fingerprint.of(Doc.of(BODY));
        Fingerprint b = Fingerprint.of(Doc.of(copy));
        assertTrue(a.isNearDuplicate(b), "similarity " + a.similarity(b));
    }

    @Test
    void anotherArticleOnTheSameTopicIsNot() {
        String other = "Storm waves damaged the northern pier, and the harbour authority said repairs to the "
                + "supports would be costly. The council met fishermen on Wednesday to discuss moorings, and "
                + "the ferry company said its timetable would not change.";
        Fingerprint a = Fingerprint.of(Doc.of(BODY));
        Fingerprint b = Fingerprint.of(Doc.of(other));
        assertFalse(a.isNearDuplicate(b), "similarity " + a.similarity(b));
        assertTrue(a.similarity(b) < 0.3);
    }

    @Test
    void storedValuesGiveTheSameFingerprint() {
        Fingerprint a = Fingerprint.of(Doc.of(BODY));
        Fingerprint back = Fingerprint.ofValues(a.values());
        assertEquals(a, back);
        assertEquals(1.0, a.similarity(back));
        assertArrayEquals(a.values(), back.values());
    }
}
