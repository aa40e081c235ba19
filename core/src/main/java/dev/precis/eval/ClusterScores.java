package dev.precis.eval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores a clustering against gold clusters, the two ways published story clustering work does.
 *
 * <ul>
 * <li>B-cubed (Bagga &amp; Baldwin, "Algorithms for Scoring Coreference Chains", 1998; Amigó et al.,
 * "A comparison of extrinsic clustering evaluation metrics", Information Retrieval 2009): per item,
 * precision is the share of its predicted cluster that shares its gold cluster, recall the share of
 * its gold cluster that shares its predicted cluster; both averaged over items.</li>
 * <li>Pairwise: over item pairs, precision is the share of pairs put together that belong together,
 * recall the share of pairs that belong together that were put together (Miranda et al., EMNLP
 * 2018), counted from the contingency table. With no pair on a side the ratio is 1.</li>
 * </ul>
 *
 * @param bcubed    B-cubed precision, recall, F1
 * @param pairwise  pairwise precision, recall, F1
 * @param predicted number of predicted clusters
 * @param gold      number of gold clusters
 */
public record ClusterScores(PrfScore bcubed, PrfScore pairwise, int predicted, int gold) {

    /**
     * Scores {@code predicted} against {@code gold}: item {@code i} is in predicted cluster
     * {@code predicted.get(i)} and gold cluster {@code gold.get(i)} (labels compared with equals).
     */
    public static <P, G> ClusterScores of(List<P> predicted, List<G> gold) {
        if (predicted.size() != gold.size()) {
            throw new IllegalArgumentException("predicted and gold differ in length");
        }
        int n = predicted.size();
        Map<P, Integer> predSize = new HashMap<>();
        Map<G, Integer> goldSize = new HashMap<>();
        Map<List<Object>, Integer> both = new HashMap<>();
        for (int i = 0; i < n; i++) {
            predSize.merge(predicted.get(i), 1, Integer::sum);
            goldSize.merge(gold.get(i), 1, Integer::sum);
            both.merge(List.of(predicted.get(i), gold.get(i)), 1, Integer::sum);
        }
        double bp = 0;
        double br = 0;
        for (int i = 0; i < n; i++) {
            double shared = both.get(List.of(predicted.get(i), gold.get(i)));
            bp += shared / predSize.get(predicted.get(i));
            br += shared / goldSize.get(gold.get(i));
        }
        PrfScore bcubed = n == 0 ? PrfScore.ZERO : PrfScore.of(bp / n, br / n);
        double together = pairs(both.values());
        double predPairs = pairs(predSize.values());
        double goldPairs = pairs(goldSize.values());
        PrfScore pairwise = PrfScore.of(predPairs == 0 ? 1 : together / predPairs,
                goldPairs == 0 ? 1 : together / goldPairs);
        return new ClusterScores(bcubed, pairwise, predSize.size(), goldSize.size());
    }

    private static double pairs(Iterable<Integer> sizes) {
        double sum = 0;
        for (int s : sizes) {
            sum += (double) s * (s - 1) / 2;
        }
        return sum;
    }
}
