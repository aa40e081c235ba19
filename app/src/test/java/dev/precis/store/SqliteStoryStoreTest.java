package dev.precis.store;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Stories kept in a real SQLite file. */
class SqliteStoryStoreTest extends AbstractStoryStoreTest {

    private final AtomicInteger stores = new AtomicInteger();

    @Override
    List<String> newLocation() {
        return List.of("--data", tmp.resolve("data" + stores.incrementAndGet()).toString());
    }

    @Override
    String jdbcUrl(List<String> location) {
        return "jdbc:sqlite:" + Path.of(location.get(1)).resolve(SqliteStore.FILE_NAME);
    }
}
