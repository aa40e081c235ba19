package dev.precis.spark;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;

/**
 * The Precis pipeline as a Spark batch job: reads articles (JSONL or Parquet; text records with
 * {@code id, url, title, text, source, published|date, …}, or raw pages {@code {"url","html"}}), digests
 * each partition with core through {@link ArticleDigests}, groups the articles into stories with
 * {@link StoryGrouping}, and writes one row per article (article fields, summary sentences with offsets,
 * statements, fingerprint, story id and size) as Parquet and/or JSONL.
 *
 * <pre>
 * PrecisBatch [--master URL] [--format parquet|jsonl|both] [--partitions N] [--story-threshold X] INPUT OUTPUT
 * </pre>
 * OUTPUT is a new folder; the job writes {@code OUTPUT/parquet/} and/or {@code OUTPUT/jsonl/}. The last line
 * on stdout is a JSON object of counts and timings.
 */
public final class PrecisBatch {

    private final SparkSession spark;
    private final ArticleDigests digests;
    private final StoryGrouping grouping;

    /** A job on {@code spark} with the given per-article work and story grouping. */
    public PrecisBatch(SparkSession spark, ArticleDigests digests, StoryGrouping grouping) {
        this.spark = spark;
        this.digests = digests;
        this.grouping = grouping;
    }

    /** Reads {@code input}: Parquet when its name ends in {@code .parquet} (file or folder), else JSON lines. */
    public Dataset<Row> read(String input) {
        Dataset<Row> raw = input.toLowerCase(Locale.ROOT).endsWith(".parquet")
                ? spark.read().parquet(input)
                : spark.read().option("mode", "DROPMALFORMED").json(input);
        return normalize(raw);
    }

    /** The raw records as {@link ArticleDigests#INPUT} columns; {@code date} stands in for a missing {@code published}. */
    public static Dataset<Row> normalize(Dataset<Row> raw) {
        Map<String, DataType> present = new LinkedHashMap<>();
        for (StructField f : raw.schema().fields()) {
            present.put(f.name(), f.dataType());
        }
        List<Column> columns = new ArrayList<>();
        for (StructField f : ArticleDigests.INPUT.fields()) {
            String name = f.name();
            Column c;
            if (name.equals("byline")) {
                DataType t = present.get(name);
                c = t == null ? lit(null).cast(f.dataType())
                        : t instanceof ArrayType ? col(name).cast(f.dataType())
                        : array(col(name).cast(DataTypes.StringType));
            } else {
                c = present.containsKey(name) ? col(name).cast(DataTypes.StringType) : lit(null).cast(DataTypes.StringType);
                if (name.equals("published") && present.containsKey("date")) {
                    c = coalesce(c, col("date").cast(DataTypes.StringType));
                }
            }
            columns.add(c.as(name));
        }
        Dataset<Row> out = raw.select(columns.toArray(Column[]::new));
        return out.withColumn("id", coalesce(col("id"), col("url"),
                concat(lit("row-"), monotonically_increasing_id().cast(DataTypes.StringType))));
    }

    /** Per-article work, partition by partition: rows of {@link ArticleDigests#OUTPUT}. */
    public Dataset<Row> digest(Dataset<Row> articles) {
        return articles.mapPartitions(perPartition(digests), Encoders.row(ArticleDigests.OUTPUT));
    }

    /** Static, so the function Spark ships to executors holds the digests and nothing of the driver. */
    private static MapPartitionsFunction<Row, Row> perPartition(ArticleDigests work) {
        return rows -> new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Row next() {
                return work.digest(rows.next());
            }
        };
    }

    /** Digested articles with their stories; failed records keep their error and a story of their own. */
    public Dataset<Row> withStories(Dataset<Row> digested) {
        Dataset<Row> ok = digested.where(col("error").isNull());
        Dataset<Row> stories = grouping.stories(ok);
        Dataset<Row> out = digested.drop("terms", "weights", "band_keys").join(stories, new String[]{"id"}, "left_outer");
        return out.withColumn("story_id", coalesce(col("story_id"), col("id")))
                .withColumn("story_size", coalesce(col("story_size"), lit(1L)));
    }

    /** Runs the job; returns its counts and timings. */
    public Map<String, Object> run(String input, Path output, String format, int partitions) {
        long start = System.nanoTime();
        Dataset<Row> articles = read(input);
        if (partitions > 0) {
            articles = articles.repartition(partitions);
        }
        Dataset<Row> digested = digest(articles).cache();
        long n = digested.count();
        long digestedAt = System.nanoTime();
        Dataset<Row> result = withStories(digested).cache();
        long errors = result.where(col("error").isNotNull()).count();
        long stories = result.select("story_id").distinct().count();
        long shared = result.where(col("story_size").gt(1)).select("story_id").distinct().count();
        long groupedAt = System.nanoTime();
        Dataset<Row> ordered = result.orderBy("story_id", "id");
        if (format.equals("parquet") || format.equals("both")) {
            ordered.write().parquet(output.resolve("parquet").toString());
        }
        if (format.equals("jsonl") || format.equals("both")) {
            ordered.write().json(output.resolve("jsonl").toString());
        }
        long end = System.nanoTime();
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("articles", n);
        stats.put("errors", errors);
        stats.put("stories", stories);
        stats.put("stories_with_several_articles", shared);
        stats.put("digest_seconds", seconds(digestedAt - start));
        stats.put("stories_seconds", seconds(groupedAt - digestedAt));
        stats.put("write_seconds", seconds(end - groupedAt));
        stats.put("seconds", seconds(end - start));
        stats.put("articles_per_second", Math.round(n / ((end - start) / 1e9)));
        stats.put("digest_articles_per_second", Math.round(n / ((digestedAt - start) / 1e9)));
        stats.put("peak_heap_mb", peakHeapMegabytes());
        digested.unpersist();
        result.unpersist();
        return stats;
    }

    /** Entry point for {@code spark-submit} and the launcher's local mode. */
    public static void main(String[] args) {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("precis batch: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        if (o.help) {
            System.out.println(Options.USAGE);
            return;
        }
        String problem = problem(o);
        if (problem != null) {
            System.err.println("precis batch: " + problem);
            System.exit(2);
        }
        SparkSession.Builder builder = SparkSession.builder().appName("precis-batch");
        if (o.master != null) {
            builder.master(o.master);
            if (o.master.startsWith("local")) {
                // one machine: a few shuffle partitions instead of Spark's cluster-sized 200
                builder.config("spark.sql.shuffle.partitions", "8");
            }
        }
        SparkSession spark = builder.getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        int status = 0;
        try {
            PrecisBatch job = new PrecisBatch(spark, ArticleDigests.standard(), new StoryGrouping(o.threshold, 200));
            Map<String, Object> stats = job.run(o.input, Path.of(o.output), o.format, o.partitions);
            System.out.println(json(stats));
        } catch (Exception e) { // Spark's exceptions are checked ones thrown unchecked from Scala
            System.err.println("precis batch: " + o.input + ": " + firstLine(e));
            status = 1;
        } finally {
            spark.stop();
        }
        System.exit(status);
    }

    private static String problem(Options o) {
        if (o.input.contains("://")) {
            return null; // hdfs://, s3a://: Spark checks
        }
        Path in = Path.of(o.input);
        if (!Files.exists(in)) {
            return o.input + ": no such file or folder";
        }
        try {
            if (Files.isRegularFile(in) && Files.size(in) == 0) {
                return o.input + ": empty file";
            }
        } catch (IOException e) {
            return o.input + ": " + e.getMessage();
        }
        if (!o.output.contains("://") && Files.exists(Path.of(o.output))) {
            return o.output + ": already exists (the job writes a new folder)";
        }
        return null;
    }

    private static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return m.lines().findFirst().orElse(m);
    }

    private static double seconds(long nanos) {
        return Math.round(nanos / 1e7) / 100.0;
    }

    private static long peakHeapMegabytes() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes >> 20;
    }

    private static String json(Map<String, Object> stats) {
        StringBuilder sb = new StringBuilder("{");
        for (Map.Entry<String, Object> e : stats.entrySet()) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append('"').append(e.getKey()).append("\":").append(e.getValue());
        }
        return sb.append('}').toString();
    }

    /** Command-line options of the job. */
    static final class Options {
        static final String USAGE = """
                Usage: precis batch --local INPUT OUTPUT | --master URL INPUT OUTPUT  [options]
                  INPUT   JSONL (or a folder of it) or Parquet (name ends in .parquet) of articles:
                          {"id","url","title","text","source","published"|"date",...} or {"url","html"}
                  OUTPUT  new folder; gets parquet/ and/or jsonl/ with one row per article
                Options:
                  --format parquet|jsonl|both   output format (default both)
                  --partitions N                repartition the input into N partitions
                  --story-threshold X           least similarity (cosine) within a story (default 0.3)""";

        String master;
        String format = "both";
        int partitions;
        double threshold = 0.3;
        boolean help;
        String input;
        String output;

        static Options parse(String[] args) {
            Options o = new Options();
            List<String> positional = new ArrayList<>();
            Iterator<String> it = Arrays.asList(args).iterator();
            while (it.hasNext()) {
                String a = it.next();
                switch (a) {
                    case "--master" -> o.master = value(it, a);
                    case "--format" -> {
                        o.format = value(it, a);
                        if (!List.of("parquet", "jsonl", "both").contains(o.format)) {
                            throw new IllegalArgumentException("--format must be parquet, jsonl or both, got '" + o.format + "'");
                        }
                    }
                    case "--partitions" -> o.partitions = number(value(it, a), a);
                    case "--story-threshold" -> {
                        String v = value(it, a);
                        try {
                            o.threshold = Double.parseDouble(v);
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException(a + " needs a number, got '" + v + "'");
                        }
                        if (!(o.threshold > 0 && o.threshold <= 1)) {
                            throw new IllegalArgumentException(a + " must be in (0, 1], got " + v);
                        }
                    }
                    case "-h", "--help" -> o.help = true;
                    default -> {
                        if (a.startsWith("--")) {
                            throw new IllegalArgumentException("unknown option " + a);
                        }
                        positional.add(a);
                    }
                }
            }
            if (o.help) {
                return o;
            }
            if (positional.size() != 2) {
                throw new IllegalArgumentException("needs INPUT and OUTPUT, got " + positional.size() + " argument(s)");
            }
            o.input = positional.get(0);
            o.output = positional.get(1);
            return o;
        }

        private static String value(Iterator<String> it, String option) {
            if (!it.hasNext()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return it.next();
        }

        private static int number(String v, String option) {
            try {
                int n = Integer.parseInt(v);
                if (n < 1) {
                    throw new NumberFormatException();
                }
                return n;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " needs a positive whole number, got '" + v + "'");
            }
        }
    }
}
