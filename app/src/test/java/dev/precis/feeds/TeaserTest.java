package dev.precis.feeds;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TeaserTest {

    private static final String LONG = "The council met on Monday to discuss the budget for the coming year. ".repeat(12);

    @Test
    void shortOrCutOffBodiesAreTeasers() {
        assertTrue(Teaser.isTeaser(null));
        assertTrue(Teaser.isTeaser("The council met on Monday."));
        assertTrue(Teaser.isTeaser(LONG + "And then\u2026"));
        assertTrue(Teaser.isTeaser(LONG + "Read more"));
        assertTrue(Teaser.isTeaser(LONG + "Continue reading \u2192"));
        assertTrue(Teaser.isTeaser(LONG + "[...]"));
    }

    @Test
    void fullBodiesAreNot() {
        assertFalse(Teaser.isTeaser(LONG));
        assertFalse(Teaser.isTeaser(LONG + "She said she would read more books."));
    }
}
