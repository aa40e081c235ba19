package dev.precis.store;

/**
 * A store that cannot be opened or used: its message is one line for the user, naming the store
 * and the problem (never a password).
 */
public class StoreException extends RuntimeException {

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
