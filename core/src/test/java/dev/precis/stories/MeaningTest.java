package dev.precis.stories;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MeaningTest {

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    @Test
    void vectorsAreUnitLengthAndParaphrasesLieCloserThanOtherNews() {
        float[] ban = Meaning.of("Judge blocks Texas abortion law",
                "A federal judge on Wednesday halted enforcement of the Texas law that bans most abortions.");
        float[] heartbeat = Meaning.of("Court halts Texas 'heartbeat' statute",
                "Enforcement of the state's six-week limit on the procedure was suspended by a district court.");
        float[] phone = Meaning.of("Apple unveils a thinner phone",
                "The company showed its new handset at an event in California on Tuesday.");
        assertEquals(Meaning.DIMENSIONS, ban.length);
        assertEquals(1.0, cosine(ban, ban), 1e-4);
        assertTrue(cosine(ban, heartbeat) > cosine(ban, phone) + 0.05,
                cosine(ban, heartbeat) + " vs " + cosine(ban, phone));
    }

    @Test
    void blankInputHasNoMeaningAndTheLeadIsCutAtASpace() {
        assertNull(Meaning.of(null, " \n "));
        String text = "word ".repeat(400);
        String input = Meaning.input("Title", text);
        assertTrue(input.startsWith("Title. word word"));
        assertTrue(input.length() <= "Title. ".length() + Meaning.LEAD_CHARS, input.length() + "");
        assertFalse(input.endsWith(" "));
        assertEquals("Only text", Meaning.input(null, "Only  text"));
    }

    @Test
    void theMeaningViewGroupsOutletsThatTellOneEventInOtherWords() {
        LocalDate day = LocalDate.of(2025, 3, 4);
        ArticleFeatures a = ArticleFeatures.of("Judge blocks Texas abortion law",
                "A federal judge on Wednesday halted enforcement of the Texas law that bans most abortions.",
                day, "Left", null);
        ArticleFeatures b = ArticleFeatures.of("Court halts Texas 'heartbeat' statute",
                "Enforcement of the state's six-week limit on the procedure was suspended by a district court.",
                day, "Right", null);
        StoryGrouper withMeaning = new StoryGrouper();
        assertEquals(withMeaning.assign(17, a).storyId(), withMeaning.assign(18, b).storyId());
        StoryGrouper termsAlone = new StoryGrouper(StoryGrouper.Options.defaults().withMeaningWeight(0));
        assertTrue(termsAlone.assign(19, b).storyId() != termsAlone.assign(20, a).storyId());
    }

    @Test
    void bytesAreLittleEndianFloatsAndReadBackBitForBit() {
        float[] v = new float[Meaning.DIMENSIONS];
        v[0] = 1.0f;
        v[1] = -0.0f;
        v[2] = Float.MIN_VALUE;
        v[Meaning.DIMENSIONS - 1] = 0.123456789f;
        byte[] b = Meaning.bytes(v);
        assertEquals(Meaning.BYTES, b.length);
        assertEquals(1536, b.length);
        assertArrayEquals(new byte[]{0, 0, (byte) 0x80, 0x3f}, java.util.Arrays.copyOf(b, 4), "1.0f, least byte first");
        assertArrayEquals(new byte[]{0, 0, 0, (byte) 0x80}, java.util.Arrays.copyOfRange(b, 4, 8), "-0.0f keeps its sign");
        float[] back = Meaning.fromBytes(b);
        for (int i = 0; i < v.length; i++) {
            assertEquals(Float.floatToRawIntBits(v[i]), Float.floatToRawIntBits(back[i]), "dimension " + i);
        }
        assertNull(Meaning.bytes(null));
        assertNull(Meaning.fromBytes(null));
        assertThrows(IllegalArgumentException.class, () -> Meaning.bytes(new float[3]));
        assertThrows(IllegalArgumentException.class, () -> Meaning.fromBytes(new byte[Meaning.BYTES - 1]));
    }
}
