package dev.precis.store;

/**
 * A grouping step was refused because another process grouped articles since the grouping was
 * read: the caller reloads the grouping from the store and carries on from there.
 */
public final class StoryConflictException extends RuntimeException {

    public StoryConflictException(String message) {
        super(message);
    }
}
