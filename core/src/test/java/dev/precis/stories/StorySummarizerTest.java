package dev.precis.stories;

import dev.precis.text.Doc;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StorySummarizerTest {

    static final String LEDGER = "The city council voted on Tuesday to close the old bridge over the river for repairs. "
            + "Engineers found cracks in two of the bridge's steel beams last month. "
            + "The closure will last about six months, the mayor said on Tuesday evening. "
            + "Buses will cross the river on the rail bridge downstream during the works.";
    static final String COURIER = "The council voted on Tuesday to close the old river bridge for repairs. "
            + "Shop owners near the bridge fear losing customers for half a year. "
            + "Repairs to the cracked steel beams will cost about four million euros, officials said. "
            + "A temporary footbridge for cyclists and walkers is planned for the summer.";

    @Test
    void summaryTakesSentencesFromBothOutletsAndSaysEachThingOnce() {
        Doc ledger = Doc.of(LEDGER);
        Doc courier = Doc.of(COURIER);
        List<StorySentence> summary = StorySummarizer.summarize(List.of(
                new StoryMember("a1", "The Ledger", "Old bridge to close", ledger),
                new StoryMember("a2", "The Courier", "Bridge closure for repairs", courier)), 5);
        assertEquals(5, summary.size());
        Map<String, Doc> docs = Map.of("a1", ledger, "a2", courier);
        Set<String> articles = new HashSet<>();
        int voteSentences = 0;
        for (StorySentence s : summary) {
            articles.add(s.articleId());
            assertEquals(s.text(), s.span().of(docs.get(s.articleId()).text()));
            assertEquals(s.articleId().equals("a1") ? "The Ledger" : "The Courier", s.source());
            if (s.text().contains("voted on Tuesday")) {
                voteSentences++;
            }
        }
        assertEquals(Set.of("a1", "a2"), articles);
        assertEquals(1, voteSentences, "the vote is told by both outlets and must appear once");
        assertTrue(summary.get(0).score() >= summary.get(summary.size() - 1).score());
    }
}
