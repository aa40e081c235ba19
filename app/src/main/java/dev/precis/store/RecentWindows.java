package dev.precis.store;

import java.util.ArrayList;
import java.util.List;

/**
 * The article id ranges a PostgreSQL search looks through one after another, newest first, until
 * it has the newest N matches: the newest {@code first} ids, then back to the newest
 * {@code first}×{@value #GROWTH}, and so on, each range reaching {@value #GROWTH} times as far back
 * as the one before, the last one down to the oldest article.
 *
 * <p>Why: a GIN index finds every match of a word but in no useful order, so taking the newest N
 * of them means reading a heap row for each match, while walking the primary key newest first
 * means testing row after row, each test of the whole-text vector a TOAST read. Intersecting the
 * GIN bitmap with one id range at a time reads rows only for the matches in the ranges searched;
 * with ranges growing geometrically that stays under about {@value #GROWTH}×N rows for words
 * spread evenly over time, however common, while a rare word costs a few cheap index scans.
 */
final class RecentWindows {

    /** How many times further back each range reaches than the one before. */
    static final long GROWTH = 3;

    /** The range edges, newest first: range {@code i} is {@code bounds[i + 1] < id <= bounds[i]}. */
    private final long[] bounds;

    private RecentWindows(long[] bounds) {
        this.bounds = bounds;
    }

    /** The ranges over the ids {@code oldest..newest}, the newest one {@code first} ids wide. */
    static RecentWindows over(long oldest, long newest, long first) {
        List<Long> edges = new ArrayList<>();
        edges.add(newest);
        for (long span = first; newest - span >= oldest; span *= GROWTH) {
            edges.add(newest - span);
        }
        edges.add(oldest - 1);
        return new RecentWindows(edges.stream().mapToLong(Long::longValue).toArray());
    }

    /** The number of ranges. */
    int count() {
        return bounds.length - 1;
    }

    /** The exclusive lower end of range {@code i}. */
    long above(int i) {
        return bounds[i + 1];
    }

    /** The inclusive upper end of range {@code i}. */
    long upTo(int i) {
        return bounds[i];
    }
}
