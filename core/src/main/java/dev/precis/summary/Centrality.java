package dev.precis.summary;

import java.util.Arrays;

/**
 * Power-iteration PageRank over a small dense weighted graph, the ranking step shared by
 * TextRank and LexRank (Page et al., 1999).
 */
final class Centrality {

    private static final int MAX_ITERATIONS = 100;
    private static final double TOLERANCE = 1e-6;

    private Centrality() {
    }

    /**
     * Stationary scores of the random surfer over {@code weights[i][j]} (edge i→j, symmetric here)
     * with damping {@code d}. Rows with no edges spread evenly.
     */
    static double[] pageRank(double[][] weights, double d) {
        int n = weights.length;
        double[] rank = new double[n];
        if (n == 0) {
            return rank;
        }
        double[] outSum = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (double w : weights[i]) {
                sum += w;
            }
            outSum[i] = sum;
        }
        Arrays.fill(rank, 1.0 / n);
        double[] next = new double[n];
        for (int iter = 0; iter < MAX_ITERATIONS; iter++) {
            double dangling = 0;
            for (int i = 0; i < n; i++) {
                if (outSum[i] == 0) {
                    dangling += rank[i];
                }
            }
            double base = (1 - d) / n + d * dangling / n;
            Arrays.fill(next, base);
            for (int i = 0; i < n; i++) {
                if (outSum[i] == 0) {
                    continue;
                }
                double share = d * rank[i] / outSum[i];
                double[] row = weights[i];
                for (int j = 0; j < n; j++) {
                    if (row[j] != 0) {
                        next[j] += share * row[j];
                    }
                }
            }
            double delta = 0;
            for (int i = 0; i < n; i++) {
                delta += Math.abs(next[i] - rank[i]);
            }
            double[] swap = rank;
            rank = next;
            next = swap;
            if (delta < TOLERANCE) {
                break;
            }
        }
        return rank;
    }
}
