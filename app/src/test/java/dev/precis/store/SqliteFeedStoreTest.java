package dev.precis.store;

/** The feed store contract on a real SQLite file. */
class SqliteFeedStoreTest extends AbstractFeedStoreTest {

    @Override
    Store openFresh() {
        return Stores.open(tmp.resolve("data").toString(), null);
    }
}
