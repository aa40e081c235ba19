package dev.precis.stories;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class AgglomerationTest {

    /** Average link over a symmetric item similarity matrix; absent pairs count 0. */
    static int[] cluster(double[][] sim, double threshold, double lonerThreshold) {
        int n = sim.length;
        List<List<Integer>> members = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            members.add(new ArrayList<>(List.of(i)));
        }
        Agglomeration a = new Agglomeration(n, threshold, lonerThreshold, new Agglomeration.Linkage() {
            @Override
            public double similarity(int x, int y) {
                double sum = 0;
                for (int i : members.get(x)) {
                    for (int j : members.get(y)) {
                        sum += sim[i][j];
                    }
                }
                return sum / (members.get(x).size() * members.get(y).size());
            }

            @Override
            public void merge(int into, int from) {
                members.get(into).addAll(members.get(from));
            }
        });
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (sim[i][j] > 0) {
                    a.edge(i, j);
                }
            }
        }
        return a.run();
    }

    static double[][] matrix(int n, double[]... pairs) {
        double[][] m = new double[n][n];
        for (double[] p : pairs) {
            m[(int) p[0]][(int) p[1]] = m[(int) p[1]][(int) p[0]] = p[2];
        }
        return m;
    }

    @Test
    void theMostSimilarPairsMergeWhileTheyReachTheThreshold() {
        double[][] sim = matrix(4, new double[]{0, 1, 0.9}, new double[]{1, 2, 0.8}, new double[]{0, 2, 0.7},
                new double[]{2, 3, 0.6});
        assertArrayEquals(new int[]{0, 0, 0, 3}, cluster(sim, 0.5, 1.0), "3's average link with the three is 0.2");
    }

    /**
     * Item 3 reaches the story of 0–2 only below the threshold, but it is the story's best link and
     * the story is its: it joins. Item 4's best link is the story too, but too weak; item 5's best is
     * the story, whose best is 3 in the first round and 5 once 3 has joined.
     */
    @Test
    void loneItemsJoinTheirReciprocalBestLinkAboveTheLowerBar() {
        double[][] sim = matrix(6, new double[]{0, 1, 0.9}, new double[]{1, 2, 0.9}, new double[]{0, 2, 0.9},
                new double[]{3, 0, 0.5}, new double[]{3, 1, 0.45}, new double[]{3, 2, 0.45},
                new double[]{4, 0, 0.2},
                new double[]{5, 0, 0.4}, new double[]{5, 1, 0.35}, new double[]{5, 2, 0.35}, new double[]{5, 3, 0.3});
        assertArrayEquals(new int[]{0, 0, 0, 3, 4, 5}, cluster(sim, 0.6, 1.0), "without the lower bar, alone");
        assertArrayEquals(new int[]{0, 0, 0, 0, 4, 0}, cluster(sim, 0.6, 0.3));
    }

    /** Two stories that are each other's best link below the threshold are two events: they stay apart. */
    @Test
    void storiesOfTwoOrMoreAreNotJoinedByTheLowerBar() {
        double[][] sim = matrix(4, new double[]{0, 1, 0.9}, new double[]{2, 3, 0.9}, new double[]{0, 2, 0.45},
                new double[]{1, 3, 0.45}, new double[]{0, 3, 0.45}, new double[]{1, 2, 0.45});
        assertArrayEquals(new int[]{0, 0, 2, 2}, cluster(sim, 0.6, 0.3));
    }

    /**
     * On random sparse graphs, the same partition as the plain algorithm: merge the most similar
     * pair of linked clusters (average link, ties to the lower numbers) while it reaches the
     * threshold, comparing every pair each time.
     */
    @Test
    void matchesThePlainAlgorithmOnRandomGraphs() {
        Random random = new Random(7);
        for (int round = 0; round < 20; round++) {
            int n = 40 + random.nextInt(40);
            double[][] sim = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    if (random.nextDouble() < 0.15) {
                        sim[i][j] = sim[j][i] = Math.round(random.nextDouble() * 100) / 100.0;
                    }
                }
            }
            assertArrayEquals(plain(sim, 0.3), cluster(sim, 0.3, 1.0), "graph " + round);
        }
    }

    static int[] plain(double[][] sim, double threshold) {
        int n = sim.length;
        List<List<Integer>> members = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            members.add(new ArrayList<>(List.of(i)));
        }
        while (true) {
            int bestA = -1;
            int bestB = -1;
            double best = -1;
            for (int a = 0; a < n; a++) {
                for (int b = a + 1; b < n && members.get(a) != null; b++) {
                    if (members.get(b) == null) {
                        continue;
                    }
                    double sum = 0;
                    boolean linked = false;
                    for (int i : members.get(a)) {
                        for (int j : members.get(b)) {
                            sum += sim[i][j];
                            linked |= sim[i][j] > 0;
                        }
                    }
                    double avg = sum / (members.get(a).size() * members.get(b).size());
                    if (linked && avg > best) {
                        best = avg;
                        bestA = a;
                        bestB = b;
                    }
                }
            }
            if (best < threshold) {
                break;
            }
            members.get(bestA).addAll(members.get(bestB));
            members.set(bestB, null);
        }
        int[] out = new int[n];
        for (int c = 0; c < n; c++) {
            if (members.get(c) != null) {
                for (int i : members.get(c)) {
                    out[i] = c;
                }
            }
        }
        return out;
    }
}
