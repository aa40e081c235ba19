package dev.precis.store;

/**
 * The store cannot be reached just now (its database server is down or restarting); the call may
 * succeed later without anything being done, as the store reconnects by itself. The web reader
 * answers 503 for it.
 */
public final class StoreUnavailableException extends StoreException {

    public StoreUnavailableException(String message) {
        super(message);
    }
}
