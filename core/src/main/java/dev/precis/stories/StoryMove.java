package dev.precis.stories;

/**
 * A member that a {@link StoryGrouper#regroup()} moved from one story to another.
 *
 * @param key  the key the member was assigned or restored with
 * @param from the story it was in
 * @param to   the story it is in now
 */
public record StoryMove(long key, long from, long to) {
}
