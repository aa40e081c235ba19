package dev.precis.store;

/** The feed store contract on a real PostgreSQL server. */
class PostgresFeedStoreTest extends AbstractFeedStoreTest {

    @Override
    Store openFresh() {
        return Stores.open(null, PgTestServer.freshDatabase());
    }
}
