package dev.precis.store;

/**
 * What became of one article handed to {@link Store#add}.
 *
 * @param kind   added, duplicate of a stored article, or rejected
 * @param id     the new article's id, or the id of the article it duplicates; 0 when rejected
 * @param reason why it was a duplicate or rejected, for the user; {@code null} when added
 */
public record AddOutcome(Kind kind, long id, String reason) {

    /** The three outcomes. */
    public enum Kind { ADDED, DUPLICATE, REJECTED }

    static AddOutcome added(long id) {
        return new AddOutcome(Kind.ADDED, id, null);
    }
}
