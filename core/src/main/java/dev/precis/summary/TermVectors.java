package dev.precis.summary;

import dev.precis.text.Doc;

import java.util.Arrays;

/**
 * The content words of each sentence of a {@link Doc} as sparse term-count vectors (stems, stop
 * words and punctuation left out), with the similarity measures the summarizers use.
 */
public final class TermVectors {

    private final int[][] terms;   // sorted distinct term ids per sentence
    private final int[][] counts;  // count of each term in the sentence
    private final int[] documentFrequency; // number of sentences holding each term

    private TermVectors(int[][] terms, int[][] counts, int[] documentFrequency) {
        this.terms = terms;
        this.counts = counts;
        this.documentFrequency = documentFrequency;
    }

    /** Builds the vectors of every sentence of {@code doc}. */
    public static TermVectors of(Doc doc) {
        int n = doc.sentenceCount();
        int[][] terms = new int[n][];
        int[][] counts = new int[n][];
        int[] df = new int[doc.termCount()];
        int[] buffer = new int[64];
        for (int s = 0; s < n; s++) {
            int size = 0;
            for (int t = doc.firstToken(s); t < doc.endToken(s); t++) {
                if (doc.isContent(t)) {
                    if (size == buffer.length) {
                        buffer = Arrays.copyOf(buffer, size * 2);
                    }
                    buffer[size++] = doc.term(t);
                }
            }
            Arrays.sort(buffer, 0, size);
            int distinct = 0;
            for (int k = 0; k < size; k++) {
                if (k == 0 || buffer[k] != buffer[k - 1]) {
                    distinct++;
                }
            }
            int[] ts = new int[distinct];
            int[] cs = new int[distinct];
            int d = -1;
            for (int k = 0; k < size; k++) {
                if (k == 0 || buffer[k] != buffer[k - 1]) {
                    ts[++d] = buffer[k];
                    df[buffer[k]]++;
                }
                cs[d]++;
            }
            terms[s] = ts;
            counts[s] = cs;
        }
        return new TermVectors(terms, counts, df);
    }

    /** Number of sentences. */
    public int size() {
        return terms.length;
    }

    /** Distinct content terms of sentence {@code s}, sorted by id. */
    public int[] terms(int s) {
        return terms[s];
    }

    /** Counts matching {@link #terms(int)}. */
    public int[] counts(int s) {
        return counts[s];
    }

    /** Number of sentences that contain term {@code id}. */
    public int sentenceFrequency(int id) {
        return documentFrequency[id];
    }

    /** Number of distinct content terms the two sentences share. */
    public int sharedTerms(int a, int b) {
        int[] x = terms[a];
        int[] y = terms[b];
        int i = 0;
        int j = 0;
        int shared = 0;
        while (i < x.length && j < y.length) {
            if (x[i] == y[j]) {
                shared++;
                i++;
                j++;
            } else if (x[i] < y[j]) {
                i++;
            } else {
                j++;
            }
        }
        return shared;
    }

    /** Jaccard overlap of the two sentences' content terms; 0 when both are empty. */
    public double jaccard(int a, int b) {
        int shared = sharedTerms(a, b);
        int union = terms[a].length + terms[b].length - shared;
        return union == 0 ? 0 : (double) shared / union;
    }

    /**
     * Cosine of the two sentences' TF-IDF vectors, with {@code idf[term]} weights.
     */
    public double cosine(int a, int b, double[] idf) {
        int[] x = terms[a];
        int[] y = terms[b];
        int[] cx = counts[a];
        int[] cy = counts[b];
        double dot = 0;
        int i = 0;
        int j = 0;
        while (i < x.length && j < y.length) {
            if (x[i] == y[j]) {
                double w = idf[x[i]];
                dot += cx[i] * w * cy[j] * w;
                i++;
                j++;
            } else if (x[i] < y[j]) {
                i++;
            } else {
                j++;
            }
        }
        if (dot == 0) {
            return 0;
        }
        return dot / (norm(a, idf) * norm(b, idf));
    }

    /** {@link #cosine(int, int, double[])} with the sentences' TF-IDF norms computed beforehand. */
    public double cosine(int a, int b, double[] idf, double[] norms) {
        if (norms[a] == 0 || norms[b] == 0) {
            return 0;
        }
        int[] x = terms[a];
        int[] y = terms[b];
        int[] cx = counts[a];
        int[] cy = counts[b];
        double dot = 0;
        int i = 0;
        int j = 0;
        while (i < x.length && j < y.length) {
            if (x[i] == y[j]) {
                double w = idf[x[i]];
                dot += cx[i] * cy[j] * w * w;
                i++;
                j++;
            } else if (x[i] < y[j]) {
                i++;
            } else {
                j++;
            }
        }
        return dot / (norms[a] * norms[b]);
    }

    /** How often each term occurs in the whole text, counting content words only. */
    public int[] termTotals(int termCount) {
        int[] totals = new int[termCount];
        for (int s = 0; s < terms.length; s++) {
            for (int k = 0; k < terms[s].length; k++) {
                totals[terms[s][k]] += counts[s][k];
            }
        }
        return totals;
    }

    /**
     * Cosine of each sentence's TF-IDF vector with the centroid, the TF-IDF vector of the whole
     * text (Radev et al., "Centroid-based summarization of multiple documents", 2004).
     */
    public double[] centroidCosines(double[] idf, double[] norms) {
        int[] totals = termTotals(idf.length);
        double centroidNorm = 0;
        for (int t = 0; t < totals.length; t++) {
            double w = totals[t] * idf[t];
            centroidNorm += w * w;
        }
        centroidNorm = Math.sqrt(centroidNorm);
        double[] out = new double[terms.length];
        if (centroidNorm == 0) {
            return out;
        }
        for (int s = 0; s < terms.length; s++) {
            if (norms[s] == 0) {
                continue;
            }
            double dot = 0;
            for (int k = 0; k < terms[s].length; k++) {
                double w = idf[terms[s][k]];
                dot += counts[s][k] * totals[terms[s][k]] * w * w;
            }
            out[s] = dot / (norms[s] * centroidNorm);
        }
        return out;
    }

    /** Euclidean norm of sentence {@code s}'s TF-IDF vector. */
    public double norm(int s, double[] idf) {
        double sum = 0;
        int[] x = terms[s];
        int[] c = counts[s];
        for (int k = 0; k < x.length; k++) {
            double w = c[k] * idf[x[k]];
            sum += w * w;
        }
        return Math.sqrt(sum);
    }

    /** Inverse sentence frequency, {@code log(N / sf)}, treating sentences as documents. */
    public double[] sentenceIdf(int termCount) {
        double[] idf = new double[termCount];
        int n = terms.length;
        for (int t = 0; t < termCount; t++) {
            int sf = documentFrequency[t];
            idf[t] = sf == 0 ? 0 : Math.log((double) n / sf);
        }
        return idf;
    }
}
