package dev.precis.stories;

/**
 * Two stories that converged and became one: every member of {@code from} now belongs to
 * {@code into}, and {@code from} no longer exists.
 */
public record StoryMerge(long from, long into) {
}
