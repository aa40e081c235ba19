package dev.precis.digest;

import dev.precis.text.Doc;

/**
 * 64-bit SimHash of a text's word shingles: texts that share most of their shingles get
 * fingerprints that differ in few bits, so near-duplicates (syndicated copies, light edits) are
 * found by Hamming distance.
 *
 * <p>Charikar, M. S. (2002). Similarity estimation techniques from rounding algorithms. STOC '02.
 * Manku, G. S., Jain, A., Das Sarma, A. (2007). Detecting near-duplicates for web crawling. WWW '07.
 */
public final class SimHash {

    /** Words per shingle. */
    public static final int SHINGLE = 3;

    private SimHash() {
    }

    /** The fingerprint of {@code doc}'s word tokens (lowercased), shingled {@value #SHINGLE} at a time. */
    public static long of(Doc doc) {
        int[] counts = new int[64];
        long[] window = new long[SHINGLE];
        int seen = 0;
        for (int t = 0; t < doc.tokenCount(); t++) {
            if (!doc.isWord(t)) {
                continue;
            }
            window[seen % SHINGLE] = mix(doc.norm(t).hashCode());
            seen++;
            if (seen >= SHINGLE) {
                long h = 0;
                for (int k = 0; k < SHINGLE; k++) {
                    h = mix(h * 31 + window[(seen - SHINGLE + k) % SHINGLE]);
                }
                add(counts, h);
            }
        }
        if (seen > 0 && seen < SHINGLE) {
            long h = 0;
            for (int k = 0; k < seen; k++) {
                h = mix(h * 31 + window[k]);
            }
            add(counts, h);
        }
        long fp = 0;
        for (int b = 0; b < 64; b++) {
            if (counts[b] > 0) {
                fp |= 1L << b;
            }
        }
        return fp;
    }

    /** Number of differing bits between two fingerprints. */
    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    private static void add(int[] counts, long h) {
        for (int b = 0; b < 64; b++) {
            counts[b] += ((h >>> b) & 1) != 0 ? 1 : -1;
        }
    }

    /** SplitMix64 finalizer: spreads a hash over all 64 bits. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
