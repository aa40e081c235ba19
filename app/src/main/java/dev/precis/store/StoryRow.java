package dev.precis.store;

import java.util.List;

/**
 * A story as the store keeps it.
 *
 * @param id           story id (assigned by the grouping)
 * @param label        a short title, or {@code null}
 * @param keyphrases   what the story is about, best first
 * @param articleCount member articles, near-duplicates included (0 once merged away)
 * @param firstSeen    time of its earliest member (publication time, else when stored)
 * @param lastSeen     time of its latest member; stories are listed latest first by this
 * @param mergedInto   the story this one became when two stories merged, or {@code null} while it lives
 * @param related      ids of related stories, best first, as found when the story last changed
 * @param revision     the grouping step that last changed it: a cache key for readers
 */
public record StoryRow(long id, String label, List<String> keyphrases, int articleCount, String firstSeen,
                       String lastSeen, Long mergedInto, List<Long> related, long revision) {

    public StoryRow {
        keyphrases = keyphrases == null ? List.of() : List.copyOf(keyphrases);
        related = related == null ? List.of() : List.copyOf(related);
    }

    /** Whether the story still stands (was not merged into another). */
    public boolean isLive() {
        return mergedInto == null;
    }
}
