package dev.precis.stories;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
        assertEquals(withMeaning.assign(a).storyId(), withMeaning.assign(b).storyId());
        StoryGrouper termsAlone = new StoryGrouper(StoryGrouper.Options.defaults().withMeaningWeight(0));
        assertTrue(termsAlone.assign(b).storyId() != termsAlone.assign(a).storyId());
    }
}
