package dev.precis.stories;

import dev.precis.text.Doc;

import java.util.Arrays;

/**
 * A MinHash signature of an article body for near-duplicate detection: the same article
 * syndicated or re-posted with small edits or different page chrome gets a signature that agrees
 * in most positions.
 *
 * <p>The body is cut into overlapping shingles of {@value #SHINGLE} lower-cased words
 * (punctuation ignored); each of {@value #HASHES} hash functions keeps its least shingle hash, and
 * the share of agreeing positions estimates the Jaccard overlap of the two shingle sets (Broder,
 * "On the resemblance and containment of documents", 1997). Two bodies count as near-duplicates
 * from an estimated overlap of {@value #NEAR_DUPLICATE}.
 */
public final class Fingerprint {

    /** Words per shingle. */
    public static final int SHINGLE = 3;
    /** Number of hash functions, the signature length. */
    public static final int HASHES = 64;
    /** Least estimated Jaccard overlap for two bodies to be near-duplicates. */
    public static final double NEAR_DUPLICATE = 0.7;

    private static final long[] SEEDS = new long[HASHES];

    static {
        long x = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < HASHES; i++) {
            x = mix(x + 0x9E3779B97F4A7C15L);
            SEEDS[i] = x;
        }
    }

    private final long[] minima;

    private Fingerprint(long[] minima) {
        this.minima = minima;
    }

    /** The fingerprint of an analyzed body. A body shorter than one shingle is one shingle. */
    public static Fingerprint of(Doc doc) {
        long[] words = new long[doc.tokenCount()];
        int n = 0;
        for (int t = 0; t < doc.tokenCount(); t++) {
            if (doc.isWord(t)) {
                words[n++] = doc.norm(t).hashCode() * 0xC2B2AE3D27D4EB4FL;
            }
        }
        long[] minima = new long[HASHES];
        Arrays.fill(minima, Long.MAX_VALUE);
        int shingles = Math.max(1, n - SHINGLE + 1);
        for (int s = 0; s < shingles; s++) {
            long h = 0x27D4EB2F165667C5L;
            for (int k = s; k < Math.min(n, s + SHINGLE); k++) {
                h = mix(h ^ words[k]);
            }
            for (int i = 0; i < HASHES; i++) {
                long v = mix(h ^ SEEDS[i]);
                if (v < minima[i]) {
                    minima[i] = v;
                }
            }
        }
        return new Fingerprint(minima);
    }

    /** A fingerprint from stored {@link #values()}. */
    public static Fingerprint ofValues(long[] values) {
        if (values.length != HASHES) {
            throw new IllegalArgumentException("a fingerprint has " + HASHES + " values, not " + values.length);
        }
        return new Fingerprint(values.clone());
    }

    /** The signature, to store. */
    public long[] values() {
        return minima.clone();
    }

    /** Estimated Jaccard overlap of the two bodies' shingle sets, in [0, 1]. */
    public double similarity(Fingerprint other) {
        int same = 0;
        for (int i = 0; i < HASHES; i++) {
            if (minima[i] == other.minima[i]) {
                same++;
            }
        }
        return (double) same / HASHES;
    }

    /** Whether the two bodies are the same article, give or take small edits. */
    public boolean isNearDuplicate(Fingerprint other) {
        return similarity(other) >= NEAR_DUPLICATE;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fingerprint f && Arrays.equals(minima, f.minima);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(minima);
    }

    /** The SplitMix64 finalizer: a fast 64-bit mixing function. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
