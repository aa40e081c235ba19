package dev.precis.eval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ClusterScoresTest {

    @Test
    void bcubedAndPairwiseOfAHandScoredClustering() {
        // predicted {0,1,2} {3,4}; gold {0,1} {2,3,4}
        ClusterScores s = ClusterScores.of(List.of("A", "A", "A", "B", "B"), List.of("x", "x", "y", "y", "y"));
        // B3 per item P: 2/3 2/3 1/3 1 1 ; R: 1 1 1/3 2/3 2/3 -> both 11/15
        assertEquals(11.0 / 15, s.bcubed().precision(), 1e-12);
        assertEquals(11.0 / 15, s.bcubed().recall(), 1e-12);
        assertEquals(11.0 / 15, s.bcubed().f1(), 1e-12);
        // pairs together: predicted 3+1, gold 1+3, both (0,1) and (3,4)
        assertEquals(0.5, s.pairwise().precision(), 1e-12);
        assertEquals(0.5, s.pairwise().recall(), 1e-12);
        assertEquals(2, s.predicted());
        assertEquals(2, s.gold());
    }

    @Test
    void unevenClusteringScoresPrecisionAndRecallApart() {
        // predicted {0,1,2,3}; gold {0,1,2} {3}
        ClusterScores s = ClusterScores.of(List.of(1, 1, 1, 1), List.of("x", "x", "x", "y"));
        // B3 P: 3/4 three times, 1/4 once -> 10/16; R: all 1
        assertEquals(10.0 / 16, s.bcubed().precision(), 1e-12);
        assertEquals(1.0, s.bcubed().recall(), 1e-12);
        assertEquals(2 * (10.0 / 16) / (10.0 / 16 + 1), s.bcubed().f1(), 1e-12);
        // predicted pairs 6, gold pairs 3, together 3
        assertEquals(0.5, s.pairwise().precision(), 1e-12);
        assertEquals(1.0, s.pairwise().recall(), 1e-12);
    }

    @Test
    void singletonsAgainstOneClusterHaveNoRecall() {
        ClusterScores s = ClusterScores.of(List.of(1, 2, 3), List.of("x", "x", "x"));
        assertEquals(1.0, s.bcubed().precision(), 1e-12);
        assertEquals(1.0 / 3, s.bcubed().recall(), 1e-12);
        assertEquals(1.0, s.pairwise().precision(), 1e-12);
        assertEquals(0.0, s.pairwise().recall(), 1e-12);
        assertEquals(0.0, s.pairwise().f1(), 1e-12);
        assertEquals(3, s.predicted());
        assertEquals(1, s.gold());
    }
}
