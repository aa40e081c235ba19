package dev.precis.store;

import java.nio.file.Path;

/**
 * Opens the store the user chose: {@code --db URL} (or {@code PRECIS_DB}) for PostgreSQL,
 * otherwise the SQLite file in {@code --data DIR} (or {@code PRECIS_DATA}, default
 * {@value #DEFAULT_DATA}).
 */
public final class Stores {

    /** The data folder used when none is given. */
    public static final String DEFAULT_DATA = "precis-data";

    private Stores() {
    }

    /**
     * Opens (creating or migrating as needed) the chosen store; {@code data} and {@code db} are
     * the command-line values and may be {@code null}. Throws {@link StoreException} with one
     * line for the user when it cannot be opened.
     */
    public static Store open(String data, String db) {
        if (data != null && db != null) {
            throw new StoreException("give either --data or --db, not both");
        }
        String url = db != null ? db : data == null ? blankToNull(System.getenv("PRECIS_DB")) : null;
        if (url != null) {
            return PostgresStore.open(url);
        }
        String dir = data != null ? data : blankToNull(System.getenv("PRECIS_DATA"));
        return SqliteStore.open(Path.of(dir == null ? DEFAULT_DATA : dir));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
