package dev.precis.text;

/**
 * A half-open range {@code [start, end)} of UTF-16 indices into a text.
 *
 * <p>Every annotation in Precis is a span into the original text rather than a copy of it, so a
 * reader can always be shown the annotated words in place.
 */
public record Span(int start, int end) {

    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }

    /** Number of UTF-16 chars covered. */
    public int length() {
        return end - start;
    }

    /** The covered part of {@code text}. */
    public String of(CharSequence text) {
        return text.subSequence(start, end).toString();
    }

    /** Whether the two spans share at least one char. */
    public boolean overlaps(Span other) {
        return start < other.end && other.start < end;
    }

    /** Number of chars the two spans share. */
    public int overlap(Span other) {
        return Math.max(0, Math.min(end, other.end) - Math.max(start, other.start));
    }
}
