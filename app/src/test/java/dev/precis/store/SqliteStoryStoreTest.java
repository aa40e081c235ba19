package dev.precis.store;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Stories kept in a real SQLite file. */
class SqliteStoryStoreTest extends AbstractStoryStoreTest {

    private final AtomicInteger stores = new AtomicInteger();

    @Override
    List<String> newLocation() {
        return List.of("--data", tmp.resolve("data" + stores.incrementAndGet()).toString());
    }
}
