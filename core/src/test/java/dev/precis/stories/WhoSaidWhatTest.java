package dev.precis.stories;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WhoSaidWhatTest {

    @Test
    void statementsGroupBySurnameWithoutPronounsOrRepeats() {
        List<WhoSaidWhat.Speaker> groups = WhoSaidWhat.group(List.of(
                new Attribution("a1", "Ledger", "Mayor Anna Berg", "The bridge is safe for now."),
                new Attribution("a2", "Courier", "Berg", "Repairs start in May."),
                new Attribution("a2", "Courier", "Tom Hale", "Shops will suffer."),
                new Attribution("a3", "Post", "Berg", "the bridge is safe, for now"),
                new Attribution("a3", "Post", "she", "It was a hard decision.")));
        assertEquals(2, groups.size());
        assertEquals("Mayor Anna Berg", groups.get(0).name());
        assertEquals(List.of("The bridge is safe for now.", "Repairs start in May."),
                groups.get(0).statements().stream().map(Attribution::content).toList());
        assertEquals("Tom Hale", groups.get(1).name());
    }
}
