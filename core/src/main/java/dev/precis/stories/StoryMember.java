package dev.precis.stories;

import dev.precis.text.Doc;

import java.util.Objects;

/**
 * One article of a story as the story summary reads it.
 *
 * @param articleId the article's id in the store
 * @param source    outlet name, or {@code null}
 * @param title     headline, or {@code null}
 * @param doc       the analysis of the article's body
 */
public record StoryMember(String articleId, String source, String title, Doc doc) {

    public StoryMember {
        Objects.requireNonNull(doc, "doc");
    }
}
