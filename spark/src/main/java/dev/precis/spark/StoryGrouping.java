package dev.precis.spark;

import dev.precis.stories.StorySimilarity;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.xxhash64;

/**
 * Groups digested articles into stories at scale, in three steps:
 * <ol>
 *   <li>Candidates: articles sharing a MinHash LSH band key (banding over word shingles, see
 *       {@link StorySimilarity#bandKeys}); buckets larger than {@code maxBucket} are shingles every article
 *       has (boilerplate) and are skipped.</li>
 *   <li>Edges: candidate pairs whose profile cosine ({@link StorySimilarity#cosine}) reaches
 *       {@code threshold}.</li>
 *   <li>Groups: parallel pivot correlation clustering (Ailon, Charikar and Newman 2008, "Aggregating
 *       inconsistent information: ranking and clustering"; run in rounds as Chierichetti, Dalvi and Kumar
 *       2014, "Correlation clustering in MapReduce"). Each round, every unassigned article whose random rank
 *       is lower than that of all its unassigned neighbours becomes a pivot, and each unassigned neighbour
 *       of a pivot joins the lowest-ranked one. Every member is thus an edge away from its pivot: a
 *       chain a–b–c–d… of pairwise-similar articles cannot merge a whole topic into one story.</li>
 * </ol>
 * The story id of an article is the id of its pivot article.
 */
public final class StoryGrouping {

    private final double threshold;
    private final int maxBucket;

    /**
     * @param threshold least profile cosine for two articles to be in one story
     * @param maxBucket largest LSH bucket whose pairs are compared
     */
    public StoryGrouping(double threshold, int maxBucket) {
        this.threshold = threshold;
        this.maxBucket = maxBucket;
    }

    /** The defaults the job uses: cosine 0.3, buckets of at most 200 articles. */
    public static StoryGrouping standard() {
        return new StoryGrouping(0.3, 200);
    }

    /**
     * Stories of {@code digests} (columns {@code id}, {@code terms}, {@code weights}, {@code band_keys} as
     * {@link ArticleDigests#OUTPUT}; ids distinct): one row {@code (id, story_id, story_size)} per article.
     */
    public Dataset<Row> stories(Dataset<Row> digests) {
        Dataset<Row> assigned = clusters(digests.select("id"), edges(digests));
        Dataset<Row> sizes = assigned.groupBy("story_id").agg(count("*").as("story_size"));
        return assigned.join(sizes, "story_id").select("id", "story_id", "story_size");
    }

    /** Scored candidate pairs {@code (a, b, score)} with {@code a < b} and {@code score >= threshold}. */
    public Dataset<Row> edges(Dataset<Row> digests) {
        Dataset<Row> keys = digests.select(col("id"), posexplode(col("band_keys")).as(new String[]{"band", "key"}));
        Dataset<Row> buckets = keys.groupBy("band", "key").agg(collect_list("id").as("ids"))
                .where(size(col("ids")).between(2, maxBucket));
        Dataset<Row> pairs = buckets.select(explode(col("ids")).as("a"), col("ids"))
                .select(col("a"), explode(col("ids")).as("b"))
                .where(col("a").lt(col("b")))
                .distinct();
        Dataset<Row> profiles = digests.select("id", "terms", "weights");
        Dataset<Row> joined = pairs
                .join(profiles.toDF("a", "a_terms", "a_weights"), "a")
                .join(profiles.toDF("b", "b_terms", "b_weights"), "b");
        StructType scored = new StructType()
                .add("a", DataTypes.StringType).add("b", DataTypes.StringType).add("score", DataTypes.DoubleType);
        double least = threshold;
        return joined.map((MapFunction<Row, Row>) r -> RowFactory.create(r.getString(r.fieldIndex("a")),
                                r.getString(r.fieldIndex("b")),
                                StorySimilarity.cosine(profile(r, "a_"), profile(r, "b_"))),
                        Encoders.row(scored))
                .filter((FilterFunction<Row>) r -> r.getDouble(2) >= least);
    }

    /**
     * Pivot clustering of the graph {@code (vertices.id, edges a–b)}: rows {@code (id, story_id)}, every
     * vertex exactly once, a singleton story for a vertex without edges. Rounds run on the cluster until at
     * most {@code driverEdges} edges among unassigned vertices remain; those are finished on the driver with
     * the serial algorithm in the same rank order, which saves the long tail of nearly empty rounds.
     */
    public static Dataset<Row> clusters(Dataset<Row> vertices, Dataset<Row> edges, long driverEdges) {
        Column rank = struct(xxhash64(col("id")).as("h"), col("id").as("i"));
        Dataset<Row> active = vertices.select(col("id"), rank.as("rank")).localCheckpoint();
        Dataset<Row> both = edges.select(col("a").as("src"), col("b").as("dst"))
                .union(edges.select(col("b").as("src"), col("a").as("dst")))
                .localCheckpoint();
        Dataset<Row> assigned = null;
        while (!active.isEmpty()) {
            Dataset<Row> activeEdges = both
                    .join(active.toDF("src", "src_rank"), "src")
                    .join(active.toDF("dst", "dst_rank"), "dst")
                    .localCheckpoint();
            Dataset<Row> round;
            boolean last = activeEdges.count() <= driverEdges;
            if (last) {
                Dataset<Row> linked = serialPivots(active.sparkSession(), activeEdges.collectAsList());
                Dataset<Row> alone = active.join(linked, active.col("id").equalTo(linked.col("id")), "left_anti")
                        .select(col("id"), col("id").as("story_id"));
                round = linked.union(alone);
            } else {
                Dataset<Row> lowest = activeEdges.groupBy("src").agg(min("dst_rank").as("lowest"));
                Dataset<Row> pivots = active.join(lowest, active.col("id").equalTo(lowest.col("src")), "left_outer")
                        .where(col("lowest").isNull().or(col("rank").lt(col("lowest"))))
                        .select(col("id"), col("rank"));
                Dataset<Row> members = activeEdges.join(pivots.toDF("dst", "pivot_rank"), "dst")
                        .groupBy("src").agg(min(struct(col("pivot_rank"), col("dst"))).as("best"))
                        .select(col("src").as("id"), col("best.dst").as("story_id"));
                round = pivots.select(col("id"), col("id").as("story_id")).union(members).localCheckpoint();
            }
            assigned = assigned == null ? round : assigned.union(round);
            if (last) {
                break;
            }
            active = active.join(round, active.col("id").equalTo(round.col("id")), "left_anti").localCheckpoint();
        }
        return assigned == null ? vertices.select(col("id"), col("id").as("story_id")) : assigned;
    }

    /** {@link #clusters(Dataset, Dataset, long)} finishing on the driver below two million edges. */
    public static Dataset<Row> clusters(Dataset<Row> vertices, Dataset<Row> edges) {
        return clusters(vertices, edges, 2_000_000);
    }

    /**
     * The serial pivot algorithm over directed edge rows {@code (dst, src, src_rank, dst_rank)}: vertices in
     * rank order; an unassigned vertex becomes a pivot and takes its unassigned neighbours.
     */
    private static Dataset<Row> serialPivots(SparkSession spark, List<Row> directed) {
        Map<String, Row> rankOf = new HashMap<>();
        Map<String, List<String>> neighbours = new HashMap<>();
        for (Row e : directed) {
            String src = e.getString(e.fieldIndex("src"));
            rankOf.put(src, e.getStruct(e.fieldIndex("src_rank")));
            neighbours.computeIfAbsent(src, k -> new ArrayList<>()).add(e.getString(e.fieldIndex("dst")));
        }
        List<String> order = new ArrayList<>(rankOf.keySet());
        order.sort(Comparator.comparingLong((String v) -> rankOf.get(v).getLong(0)).thenComparing(v -> v));
        Map<String, String> story = new LinkedHashMap<>();
        for (String v : order) {
            if (story.putIfAbsent(v, v) == null) {
                for (String n : neighbours.get(v)) {
                    story.putIfAbsent(n, v);
                }
            }
        }
        List<Row> rows = new ArrayList<>(story.size());
        story.forEach((id, pivot) -> rows.add(RowFactory.create(id, pivot)));
        return spark.createDataFrame(rows, new StructType()
                .add("id", DataTypes.StringType).add("story_id", DataTypes.StringType));
    }

    private static StorySimilarity.Profile profile(Row r, String prefix) {
        List<String> terms = r.getList(r.fieldIndex(prefix + "terms"));
        List<Double> weights = r.getList(r.fieldIndex(prefix + "weights"));
        double[] w = new double[weights.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = weights.get(i);
        }
        return new StorySimilarity.Profile(terms.toArray(String[]::new), w);
    }
}
