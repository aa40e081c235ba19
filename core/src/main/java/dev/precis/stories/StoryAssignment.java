package dev.precis.stories;

/**
 * Where {@link StoryGrouper#assign} put an article.
 *
 * @param storyId    the story the article joined or started
 * @param isNew      true when the article started the story
 * @param similarity similarity to the story it joined (0 for a new story), in [0, 1]
 */
public record StoryAssignment(long storyId, boolean isNew, double similarity) {
}
