package dev.precis.stories;

import java.util.List;

/**
 * What one {@link StoryGrouper#regroup()} changed.
 *
 * @param moves   members now in another story, in no particular order
 * @param retired stories left without members, each with the story that took most of them
 * @param members members re-clustered (all members of live stories)
 */
public record Regrouping(List<StoryMove> moves, List<StoryMerge> retired, int members) {

    public Regrouping {
        moves = List.copyOf(moves);
        retired = List.copyOf(retired);
    }
}
