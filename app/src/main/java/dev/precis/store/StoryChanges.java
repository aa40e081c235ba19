package dev.precis.store;

import java.util.List;

/**
 * What one grouping step changes, written in one transaction by {@link Store#saveStories}.
 *
 * @param stories     stories created or changed, live ones with their new state; ones merged away
 *                    with {@link StoryRow#mergedInto()} set to the live story they became
 * @param memberships articles newly assigned, with their final (live) story
 * @param duplicates  stored members found to be near-duplicates of another member (after a merge)
 * @param position    the last assignment position used after this step
 */
public record StoryChanges(List<StoryRow> stories, List<Membership> memberships, List<Duplicate> duplicates,
                           long position) {

    public StoryChanges {
        stories = List.copyOf(stories);
        memberships = List.copyOf(memberships);
        duplicates = List.copyOf(duplicates);
    }

    /**
     * An article's place in a story.
     *
     * @param storyId     the story
     * @param articleId   the article
     * @param score       its similarity to the story when it joined, 0 when it started it
     * @param position    assignment order
     * @param duplicateOf the member it is a near-duplicate of, or {@code null}
     * @param keyphrases  its keyphrases with scores (JSON)
     */
    public record Membership(long storyId, long articleId, double score, long position, Long duplicateOf,
                             String keyphrases) {
    }

    /** A stored member that is a near-duplicate of member {@code duplicateOf}. */
    public record Duplicate(long articleId, long duplicateOf) {
    }
}
