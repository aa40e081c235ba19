package dev.precis.store;

import java.util.List;

/** Stories kept in a real PostgreSQL database. */
class PostgresStoryStoreTest extends AbstractStoryStoreTest {

    @Override
    List<String> newLocation() {
        return List.of("--db", PgTestServer.freshDatabase());
    }

    @Override
    String jdbcUrl(List<String> location) {
        return location.get(1);
    }
}
