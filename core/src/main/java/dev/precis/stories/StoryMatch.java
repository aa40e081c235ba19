package dev.precis.stories;

/** A story and its similarity to an article or another story, in [0, 1]. */
public record StoryMatch(long storyId, double similarity) {
}
