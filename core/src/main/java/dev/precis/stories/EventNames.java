package dev.precis.stories;

/**
 * Whether two groups of articles report two different events of one kind, told by the names and
 * figures in their headlines and leads. Sibling events (two rehab stays, two earthquakes on one
 * island, two fights of one champion, two weekly jobless counts) share their topic words and most
 * of their names, so their similarity can reach the join threshold; what sets them apart is who
 * or what each is about (the opponent, the ship, the minister) and its figures (the magnitude, the
 * count, the year). A group's <em>key names</em> are the proper names of its members' headlines
 * and leads (each full name and its head word) and the figures there, counted once per member.
 *
 * <p>Two groups are apart when each has a key name that the other never uses, and uses it often
 * enough that the other, were it the same event, would be very unlikely to lack it by chance: a
 * name in {@code c} of {@code n} members is used at rate {@code c / (n + 1)} (one unseen member
 * added, so that one article is never sure), and {@code m} members all without it happen with
 * chance {@code (1 - c / (n + 1))^m}; apart when that is at most {@link #CHANCE} both ways.
 * Both ways matters: one side's extra names alone (a quote, a venue) are no conflict, and a small
 * group is never sure, so single articles and pairs never conflict with small stories; with the
 * default chance a conflict needs about four members on each side, or three against many.
 */
final class EventNames {

    /** The chance, each way, at or under which a missing key name tells two groups apart. */
    static final double CHANCE = 0.005;

    private EventNames() {
    }

    /**
     * Whether groups {@code a} ({@code aSize} members) and {@code b} report different events.
     *
     * @param a key-name counts of the first group: each name's number of members using it
     * @param b the same for the second group
     */
    static boolean apart(SparseVector a, int aSize, SparseVector b, int bSize) {
        return lacksOne(a, aSize, b, bSize) && lacksOne(b, bSize, a, aSize);
    }

    /** Whether {@code b} lacks a key name of {@code a} too often used in {@code a} to be missing by chance. */
    private static boolean lacksOne(SparseVector a, int aSize, SparseVector b, int bSize) {
        if (chanceMissing(aSize, aSize, bSize) > CHANCE) {
            return false;
        }
        int j = 0;
        for (int i = 0; i < a.ids.length; i++) {
            int id = a.ids[i];
            while (j < b.ids.length && b.ids[j] < id) {
                j++;
            }
            if (j < b.ids.length && b.ids[j] == id) {
                continue;
            }
            if (a.values[i] >= 2 && chanceMissing(a.values[i], aSize, bSize) <= CHANCE) {
                return true;
            }
        }
        return false;
    }

    /** The chance that {@code m} members all lack a name that {@code c} of {@code n} members use. */
    private static double chanceMissing(double c, int n, int m) {
        return Math.pow(1 - c / (n + 1.0), m);
    }
}
