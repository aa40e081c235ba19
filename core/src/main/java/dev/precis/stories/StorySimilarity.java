package dev.precis.stories;

import dev.precis.text.Doc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How alike two articles are in what they report, for grouping the articles of different outlets
 * into one story at scale: a compact {@link Profile} per article, its cosine with another profile,
 * word shingles for candidate search with MinHash (Broder 1997, "On the resemblance and containment
 * of documents"), and a 64-bit SimHash fingerprint (Charikar 2002, "Similarity estimation
 * techniques from rounding algorithms").
 *
 * <p>Everything is computed from the article's {@link Doc}: its content words (no stop words, no
 * punctuation) as Porter stems, so "resigned" and "resignation" meet. Profiles and shingles are
 * plain arrays so that distributed jobs can store them in rows and compare them without the text.
 */
public final class StorySimilarity {

    /** Number of consecutive content stems in a shingle. */
    public static final int SHINGLE_SIZE = 2;

    private StorySimilarity() {
    }

    /**
     * An article's content stems with weights {@code 1 + ln(count)}, scaled to unit length, sorted
     * by stem so two profiles merge in linear time.
     *
     * @param terms   distinct stems, sorted
     * @param weights weight of each stem, same order; their squares sum to 1 (or nothing when empty)
     */
    public record Profile(String[] terms, double[] weights) {

        public Profile {
            if (terms.length != weights.length) {
                throw new IllegalArgumentException("terms and weights differ in length");
            }
        }

        /** Whether the article has no content words. */
        public boolean isEmpty() {
            return terms.length == 0;
        }
    }

    /** The profile of {@code doc}. */
    public static Profile profile(Doc doc) {
        Map<String, Integer> counts = new TreeMap<>();
        for (int t = 0; t < doc.tokenCount(); t++) {
            if (doc.isContent(t)) {
                counts.merge(doc.termString(doc.term(t)), 1, Integer::sum);
            }
        }
        String[] terms = new String[counts.size()];
        double[] weights = new double[counts.size()];
        double sum = 0;
        int i = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            terms[i] = e.getKey();
            weights[i] = 1 + Math.log(e.getValue());
            sum += weights[i] * weights[i];
            i++;
        }
        double norm = Math.sqrt(sum);
        for (int k = 0; k < weights.length; k++) {
            weights[k] /= norm;
        }
        return new Profile(terms, weights);
    }

    /** Cosine of two profiles, in [0, 1]; 0 when either is empty. */
    public static double cosine(Profile a, Profile b) {
        String[] x = a.terms();
        String[] y = b.terms();
        double dot = 0;
        int i = 0;
        int j = 0;
        while (i < x.length && j < y.length) {
            int c = x[i].compareTo(y[j]);
            if (c == 0) {
                dot += a.weights()[i++] * b.weights()[j++];
            } else if (c < 0) {
                i++;
            } else {
                j++;
            }
        }
        return Math.min(1, dot);
    }

    /**
     * The article's shingles: every run of {@link #SHINGLE_SIZE} consecutive content stems inside a
     * sentence, hashed into {@code [0, buckets)}; sorted, distinct. Two articles' Jaccard overlap of
     * these sets is what MinHash estimates.
     */
    public static int[] shingles(Doc doc, int buckets) {
        if (buckets < 1) {
            throw new IllegalArgumentException("buckets must be at least 1, got " + buckets);
        }
        List<Integer> out = new ArrayList<>();
        for (int s = 0; s < doc.sentenceCount(); s++) {
            List<String> stems = new ArrayList<>();
            for (int t = doc.firstToken(s); t < doc.endToken(s); t++) {
                if (doc.isContent(t)) {
                    stems.add(doc.termString(doc.term(t)));
                }
            }
            for (int k = 0; k + SHINGLE_SIZE <= stems.size(); k++) {
                String shingle = String.join(" ", stems.subList(k, k + SHINGLE_SIZE));
                out.add((int) Long.remainderUnsigned(hash64(shingle), buckets));
            }
        }
        return out.stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
    }

    /**
     * The 64-bit SimHash of a profile: each stem's hash votes with its weight on every bit; articles
     * with similar profiles get fingerprints a small Hamming distance apart.
     */
    public static long simhash(Profile p) {
        double[] votes = new double[64];
        for (int i = 0; i < p.terms().length; i++) {
            long h = hash64(p.terms()[i]);
            for (int bit = 0; bit < 64; bit++) {
                votes[bit] += ((h >>> bit) & 1) == 1 ? p.weights()[i] : -p.weights()[i];
            }
        }
        long fingerprint = 0;
        for (int bit = 0; bit < 64; bit++) {
            if (votes[bit] > 0) {
                fingerprint |= 1L << bit;
            }
        }
        return fingerprint;
    }

    /** The fingerprint as 16 lower-case hex digits. */
    public static String simhashHex(Profile p) {
        return String.format("%016x", simhash(p));
    }

    /**
     * Locality-sensitive band keys of a shingle set (Leskovec, Rajaraman and Ullman, "Mining of Massive
     * Datasets", ch. 3.4): {@code bands × rows} MinHash values, each band of {@code rows} values hashed to
     * one key. Two sets with Jaccard overlap {@code s} share at least one key with probability
     * {@code 1 - (1 - s^rows)^bands}; the threshold lies near {@code (1/bands)^(1/rows)}. Key {@code b}
     * belongs to band {@code b}: compare keys of the same band only. Empty sets give no keys.
     */
    public static long[] bandKeys(int[] shingles, int bands, int rows) {
        if (bands < 1 || rows < 1) {
            throw new IllegalArgumentException("bands and rows must be at least 1, got " + bands + " and " + rows);
        }
        if (shingles.length == 0) {
            return new long[0];
        }
        long[] keys = new long[bands];
        for (int b = 0; b < bands; b++) {
            long key = mix(b + 1);
            for (int r = 0; r < rows; r++) {
                long seed = mix(0x9e3779b97f4a7c15L * (b * rows + r + 1));
                long min = Long.MAX_VALUE;
                for (int x : shingles) {
                    min = Math.min(min, mix(x ^ seed) >>> 1);
                }
                key = mix(key ^ min) + r;
            }
            keys[b] = key;
        }
        return keys;
    }

    /** The finalizer of MurmurHash3: a bijective mix of 64 bits. */
    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    /** 64-bit FNV-1a of the string's UTF-16 units, then a finalizing mix: stable across JVMs. */
    static long hash64(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    /** The profiles' shared stems, for explaining why two articles were grouped. */
    public static List<String> sharedTerms(Profile a, Profile b) {
        List<String> out = new ArrayList<>();
        for (String t : a.terms()) {
            if (Arrays.binarySearch(b.terms(), t) >= 0) {
                out.add(t);
            }
        }
        return out;
    }
}
