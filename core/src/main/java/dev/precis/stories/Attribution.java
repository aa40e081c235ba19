package dev.precis.stories;

/**
 * One statement of a story's member article, as the statement extractor finds it: the hook by
 * which "who said what" receives statements without depending on how they were extracted.
 *
 * @param articleId the member article
 * @param source    its outlet, or {@code null}
 * @param speaker   who spoke, as written ("President Joe Biden", "Biden")
 * @param content   what was said
 */
public record Attribution(String articleId, String source, String speaker, String content) {
}
