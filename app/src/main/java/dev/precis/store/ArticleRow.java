package dev.precis.store;

/** One line of an article listing: what a reader needs to choose an article. */
public record ArticleRow(long id, String title, String source, String published, String url, String addedAt) {
}
