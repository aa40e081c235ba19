package dev.precis.store;

import java.util.List;

/**
 * What one grouping step changes, written in one transaction by {@link Store#saveStories}.
 *
 * @param stories     stories created or changed, live ones with their new state; ones merged away
 *                    (or retired by a regroup) with {@link StoryRow#mergedInto()} set to the live
 *                    story they became
 * @param memberships articles newly assigned, with their final (live) story
 * @param moves       stored members that a regroup put in another story, applied after the
 *                    members of stories merged away have followed them
 * @param duplicates  stored members whose near-duplicate mark changed (after a merge or regroup)
 * @param position    the last assignment position used after this step
 */
public record StoryChanges(List<StoryRow> stories, List<Membership> memberships, List<Move> moves,
                           List<Duplicate> duplicates, long position) {

    public StoryChanges {
        stories = List.copyOf(stories);
        memberships = List.copyOf(memberships);
        moves = List.copyOf(moves);
        duplicates = List.copyOf(duplicates);
    }

    /** A stored member now in story {@code storyId}. */
    public record Move(long articleId, long storyId) {
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
     * @param meaning     its {@link dev.precis.stories.Meaning} vector, kept so that a restart need not
     *                    encode the article again, or {@code null} when it has none
     */
    public record Membership(long storyId, long articleId, double score, long position, Long duplicateOf,
                             String keyphrases, float[] meaning) {

        /** The same membership in story {@code id} (the story it was merged into). */
        public Membership withStory(long id) {
            return new Membership(id, articleId, score, position, duplicateOf, keyphrases, meaning);
        }

        /** The same membership, a near-duplicate of member {@code canonical}. */
        public Membership withDuplicateOf(Long canonical) {
            return new Membership(storyId, articleId, score, position, canonical, keyphrases, meaning);
        }
    }

    /** A stored member that is a near-duplicate of member {@code duplicateOf}, or no longer one ({@code null}). */
    public record Duplicate(long articleId, Long duplicateOf) {
    }
}
