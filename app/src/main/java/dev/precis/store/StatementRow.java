package dev.precis.store;

/** A stored statement with the article it comes from. */
public record StatementRow(long articleId, int index, String speaker, String kind, int start, int end, String text) {
}
