package dev.precis.store;

/**
 * Where the stored grouping stands.
 *
 * @param version    bumped by every grouping step; a step saved against an older version is refused
 * @param position   the last assignment position used
 * @param maxStoryId the highest story id in use, 0 when there is none
 * @param latestSeen the latest member time of any live story, or {@code null} when there are none
 */
public record StoryGroupingState(long version, long position, long maxStoryId, String latestSeen) {
}
