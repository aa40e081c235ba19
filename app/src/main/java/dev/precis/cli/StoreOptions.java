package dev.precis.cli;

import dev.precis.store.Store;
import dev.precis.store.Stores;
import picocli.CommandLine.Option;

/** The {@code --data DIR | --db URL} options every store command takes. */
final class StoreOptions {

    @Option(names = "--data", paramLabel = "DIR",
            description = "Data folder of the embedded SQLite store (default: $PRECIS_DATA or ./precis-data).")
    String data;

    @Option(names = "--db", paramLabel = "URL",
            description = "PostgreSQL store: postgresql://user:password@host:port/db or a JDBC URL (default: $PRECIS_DB).")
    String db;

    /** Opens the chosen store; failures are {@link dev.precis.store.StoreException}s with one line for the user. */
    Store open() {
        return Stores.open(data, db);
    }
}
