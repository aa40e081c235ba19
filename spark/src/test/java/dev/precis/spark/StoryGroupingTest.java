package dev.precis.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pivot clustering on small graphs whose right answer is known. */
class StoryGroupingTest {

    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void aChainDoesNotBecomeOneStoryInRounds() {
        aChainDoesNotBecomeOneStory(0);
    }

    @Test
    void aChainDoesNotBecomeOneStoryOnTheDriver() {
        aChainDoesNotBecomeOneStory(1000);
    }

    private static void aChainDoesNotBecomeOneStory(long driverEdges) {
        List<String[]> edges = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            edges.add(new String[]{"v" + i, "v" + (i + 1)});
        }
        Map<String, String> story = cluster(12, edges, driverEdges);
        Map<String, Integer> sizes = new HashMap<>();
        story.values().forEach(s -> sizes.merge(s, 1, Integer::sum));
        assertTrue(sizes.values().stream().allMatch(n -> n <= 3), "a path splits into stars of at most 3: " + sizes);
        assertEquals(12, story.size());
        Set<String> linked = new HashSet<>();
        edges.forEach(e -> {
            linked.add(e[0] + " " + e[1]);
            linked.add(e[1] + " " + e[0]);
        });
        story.forEach((v, pivot) -> assertTrue(v.equals(pivot) || linked.contains(v + " " + pivot),
                v + " is linked to its pivot " + pivot));
    }

    @Test
    void aCliqueIsOneStoryAndIsolatedVerticesAreAlone() {
        List<String[]> edges = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            for (int j = i + 1; j < 4; j++) {
                edges.add(new String[]{"v" + i, "v" + j});
            }
        }
        Map<String, String> story = cluster(6, edges, 0);
        assertEquals(story, cluster(6, edges, 1000), "rounds and driver agree on a clique");
        assertEquals(6, story.size());
        assertEquals(1, new HashSet<>(List.of(story.get("v0"), story.get("v1"), story.get("v2"), story.get("v3"))).size());
        assertEquals("v4", story.get("v4"));
        assertEquals("v5", story.get("v5"));
    }

    private static Map<String, String> cluster(int n, List<String[]> edges, long driverEdges) {
        List<Row> vs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            vs.add(RowFactory.create("v" + i));
        }
        List<Row> es = new ArrayList<>();
        for (String[] e : edges) {
            es.add(RowFactory.create(e[0], e[1]));
        }
        Dataset<Row> vertices = spark.createDataFrame(vs, new StructType().add("id", DataTypes.StringType));
        Dataset<Row> edgeRows = spark.createDataFrame(es,
                new StructType().add("a", DataTypes.StringType).add("b", DataTypes.StringType));
        Map<String, String> out = new HashMap<>();
        for (Row r : StoryGrouping.clusters(vertices, edgeRows, driverEdges).collectAsList()) {
            String previous = out.put(r.getString(0), r.getString(1));
            assertEquals(null, previous, "each vertex once");
        }
        return out;
    }
}
