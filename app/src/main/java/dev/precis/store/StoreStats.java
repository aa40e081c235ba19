package dev.precis.store;

/**
 * Counts and sizes of a store.
 *
 * @param bytes on-disk size of the store (SQLite file with its WAL; PostgreSQL database size)
 */
public record StoreStats(String store, long articles, long stories, long feeds, long statements, long bytes) {

    /** Bytes per stored article, or 0 for an empty store. */
    public long bytesPerArticle() {
        return articles == 0 ? 0 : bytes / articles;
    }
}
