package dev.precis.stories;

import java.util.Arrays;

/**
 * A sparse vector over global term ids: ids sorted ascending, one float weight each. The weights
 * are raw (sublinear term frequencies); inverse document frequencies are applied at comparison
 * time so that vectors stored long ago profit from what the grouper has learned since.
 */
final class SparseVector {

    static final SparseVector EMPTY = new SparseVector(new int[0], new float[0]);

    final int[] ids;
    final float[] values;
    private double norm = -1;

    SparseVector(int[] ids, float[] values) {
        this.ids = ids;
        this.values = values;
    }

    /** The vector of the given term-id counts: weights {@code 1 + ln(count)}, scaled to unit length. */
    static SparseVector ofCounts(int[] termIds, int size) {
        int[] sorted = Arrays.copyOf(termIds, size);
        Arrays.sort(sorted);
        int distinct = 0;
        for (int k = 0; k < size; k++) {
            if (k == 0 || sorted[k] != sorted[k - 1]) {
                distinct++;
            }
        }
        int[] ids = new int[distinct];
        float[] counts = new float[distinct];
        int d = -1;
        for (int k = 0; k < size; k++) {
            if (k == 0 || sorted[k] != sorted[k - 1]) {
                ids[++d] = sorted[k];
            }
            counts[d]++;
        }
        for (int k = 0; k < distinct; k++) {
            counts[k] = (float) (1 + Math.log(counts[k]));
        }
        return new SparseVector(ids, counts).scaled(1);
    }

    /** Euclidean length of the raw weights, computed once: story sums are compared far more often than built. */
    double norm() {
        double n = norm;
        if (n < 0) {
            double sum = 0;
            for (float v : values) {
                sum += v * v;
            }
            norm = n = Math.sqrt(sum);
        }
        return n;
    }

    int size() {
        return ids.length;
    }

    boolean isEmpty() {
        return ids.length == 0;
    }

    /** This vector scaled to Euclidean length {@code length} (raw weights), or itself when empty. */
    SparseVector scaled(double length) {
        double norm = norm();
        if (norm == 0) {
            return this;
        }
        float f = (float) (length / norm);
        float[] out = new float[values.length];
        for (int k = 0; k < values.length; k++) {
            out[k] = values[k] * f;
        }
        return new SparseVector(ids, out);
    }

    /** The sum {@code this + factor * other}. */
    SparseVector plus(SparseVector other, float factor) {
        int[] outIds = new int[ids.length + other.ids.length];
        float[] outValues = new float[outIds.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < ids.length || j < other.ids.length) {
            if (j == other.ids.length || i < ids.length && ids[i] < other.ids[j]) {
                outIds[n] = ids[i];
                outValues[n++] = values[i++];
            } else if (i == ids.length || other.ids[j] < ids[i]) {
                outIds[n] = other.ids[j];
                outValues[n++] = factor * other.values[j++];
            } else {
                outIds[n] = ids[i];
                outValues[n++] = values[i++] + factor * other.values[j++];
            }
        }
        return new SparseVector(Arrays.copyOf(outIds, n), Arrays.copyOf(outValues, n));
    }

    /** This vector with each weight multiplied by its term's {@code idf}, scaled to unit length. */
    SparseVector weighted(Idf idf) {
        float[] out = new float[values.length];
        for (int k = 0; k < values.length; k++) {
            out[k] = (float) (values[k] * idf.of(ids[k]));
        }
        return new SparseVector(ids, out).scaled(1);
    }

    /** Plain dot product. */
    double dot(SparseVector other) {
        int[] x = ids;
        int[] y = other.ids;
        int i = 0;
        int j = 0;
        double dot = 0;
        while (i < x.length && j < y.length) {
            if (x[i] == y[j]) {
                dot += values[i] * other.values[j];
                i++;
                j++;
            } else if (x[i] < y[j]) {
                i++;
            } else {
                j++;
            }
        }
        return dot;
    }

    /** Dot product with both sides weighted by {@code idf} (so each shared term adds {@code a b idf²}). */
    double dot(SparseVector other, Idf idf) {
        int[] x = ids;
        int[] y = other.ids;
        int i = 0;
        int j = 0;
        double dot = 0;
        while (i < x.length && j < y.length) {
            if (x[i] == y[j]) {
                double w = idf.of(x[i]);
                dot += values[i] * other.values[j] * w * w;
                i++;
                j++;
            } else if (x[i] < y[j]) {
                i++;
            } else {
                j++;
            }
        }
        return dot;
    }

    /** Euclidean length with weights multiplied by {@code idf}. */
    double norm(Idf idf) {
        double sum = 0;
        for (int k = 0; k < ids.length; k++) {
            double w = values[k] * idf.of(ids[k]);
            sum += w * w;
        }
        return Math.sqrt(sum);
    }

    /** Cosine of the two vectors with idf weighting; 0 when either is empty. */
    double cosine(SparseVector other, Idf idf) {
        double dot = dot(other, idf);
        if (dot == 0) {
            return 0;
        }
        return dot / (norm(idf) * other.norm(idf));
    }

    /** Inverse document frequency of a global term id. */
    @FunctionalInterface
    interface Idf {
        double of(int termId);
    }
}
