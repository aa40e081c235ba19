package dev.precis.store;

/**
 * One article of a story, as lists show it.
 *
 * @param storyId     its story
 * @param articleId   the article
 * @param title       headline, or {@code null}
 * @param source      outlet, or {@code null}
 * @param published   publication time as stored, or {@code null}
 * @param url         URL, or {@code null}
 * @param addedAt     when it was stored
 * @param score       similarity to the story when it joined (0 when it started the story)
 * @param duplicateOf the member this article is a near-duplicate of (the same article syndicated
 *                    or re-posted), or {@code null}
 */
public record StoryMemberRow(long storyId, long articleId, String title, String source, String published, String url,
                             String addedAt, double score, Long duplicateOf) {

    /** Publication time, else when it was stored. */
    public String time() {
        return published != null && !published.isBlank() ? published : addedAt;
    }
}
