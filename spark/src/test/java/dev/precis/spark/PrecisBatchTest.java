package dev.precis.spark;

import dev.precis.Precis;
import dev.precis.summary.Summary;
import dev.precis.summary.SummarySentence;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole job on the fixture corpus, in local mode, compared with the library's results. */
class PrecisBatchTest {

    private static final String CORPUS = Path.of("src/test/resources/corpus/articles.jsonl").toAbsolutePath().toString();

    @TempDir
    static Path out;
    private static SparkSession spark;
    private static Map<String, Object> stats;
    private static Map<String, Row> byId;

    @BeforeAll
    static void runJob() {
        spark = LocalSpark.start();
        PrecisBatch job = new PrecisBatch(spark, ArticleDigests.standard(), StoryGrouping.standard());
        stats = job.run(CORPUS, out, "both", 3);
        byId = new HashMap<>();
        for (Row r : spark.read().json(out.resolve("jsonl").toString()).collectAsList()) {
            byId.put(r.getString(r.fieldIndex("id")), r);
        }
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void summariesAreTheLibrarysForEveryText() {
        int compared = 0;
        int statements = 0;
        for (Row input : spark.read().json(CORPUS).where("text is not null").collectAsList()) {
            String id = input.getString(input.fieldIndex("id"));
            String text = input.getString(input.fieldIndex("text"));
            Row row = byId.get(id);
            assertEquals(text, row.getString(row.fieldIndex("text")), id);
            Summary expected = Precis.summarize(text);
            List<Row> got = row.getList(row.fieldIndex("summary"));
            assertEquals(expected.sentences().size(), got.size(), id);
            for (int i = 0; i < got.size(); i++) {
                SummarySentence e = expected.sentences().get(i);
                Row g = got.get(i);
                assertEquals(e.index(), g.getLong(g.fieldIndex("index")), id);
                assertEquals(e.start(), g.getLong(g.fieldIndex("start")), id);
                assertEquals(e.end(), g.getLong(g.fieldIndex("end")), id);
                assertEquals(e.text(), g.getString(g.fieldIndex("text")), id);
                assertEquals(text.substring(e.start(), e.end()), g.getString(g.fieldIndex("text")), id);
                assertEquals(e.score(), g.getDouble(g.fieldIndex("score")), 1e-12, id);
            }
            List<dev.precis.statements.Statement> said = Precis.statements(text);
            List<Row> gotSaid = row.getList(row.fieldIndex("statements"));
            assertEquals(said.size(), gotSaid.size(), id);
            for (int i = 0; i < said.size(); i++) {
                Row g = gotSaid.get(i);
                assertEquals(said.get(i).speaker(), g.getString(g.fieldIndex("speaker")), id);
                assertEquals(said.get(i).content(), g.getString(g.fieldIndex("quote")), id);
                assertEquals(said.get(i).contentSpan().start(), ((Number) g.get(g.fieldIndex("start"))).intValue(), id);
            }
            statements += said.size();
            compared++;
        }
        assertEquals(12, compared);
        assertTrue(statements > 0, "the fixture articles quote people");
    }

    @Test
    void articlesOfOneEventShareAStoryAndNoOtherArticle() {
        assertStory("ledger-flood", "courier-flood", "valley-flood");
        assertStory("ledger-tram", "courier-tram");
        assertStory("valley-chess", "ledger-chess");
        for (String single : List.of("courier-bakery", "valley-museum", "ledger-robots", "courier-heat", "valley-ferry")) {
            assertStory(single);
        }
        assertEquals(10L, stats.get("stories"));
        assertEquals(3L, stats.get("stories_with_several_articles"));
    }

    @Test
    void pagesAreExtractedAndBadRecordsReported() {
        Row page = byId.get("https://pages.example/harbour");
        assertEquals("Harbour lights return", page.getString(page.fieldIndex("title")));
        assertTrue(page.getString(page.fieldIndex("text")).startsWith("The harbour lights of Seaford"));
        assertNull(page.get(page.fieldIndex("error")));
        Row empty = byId.get("empty-record");
        assertEquals("no text and no html", empty.getString(empty.fieldIndex("error")));
        assertEquals(14L, stats.get("articles"));
        assertEquals(1L, stats.get("errors"));
    }

    @Test
    void articleFieldsAndFingerprintAreKept() {
        Row r = byId.get("courier-flood");
        assertEquals("Northern Courier", r.getString(r.fieldIndex("source")));
        assertEquals("2026-03-04T09:30:00Z", r.getString(r.fieldIndex("published")));
        assertEquals("https://courier.example/marlow-flood", r.getString(r.fieldIndex("url")));
        assertTrue(r.getString(r.fieldIndex("fingerprint")).matches("[0-9a-f]{16}"));
        Set<String> columns = new HashSet<>(List.of(r.schema().fieldNames()));
        assertTrue(columns.containsAll(List.of("story_id", "story_size", "summary", "statements", "fingerprint")));
        assertTrue(!columns.contains("band_keys"), "search columns are not written");
    }

    @Test
    void parquetHoldsTheSameRows() {
        Dataset<Row> parquet = spark.read().parquet(out.resolve("parquet").toString());
        assertEquals(byId.size(), parquet.count());
        Row r = parquet.where("id = 'valley-chess'").first();
        assertEquals(byId.get("valley-chess").getString(byId.get("valley-chess").fieldIndex("story_id")),
                r.getString(r.fieldIndex("story_id")));
    }

    @Test
    void parquetInputGivesTheSameSummaries() {
        Path parquetInput = out.resolve("input.parquet");
        spark.read().json(CORPUS).write().parquet(parquetInput.toString());
        PrecisBatch job = new PrecisBatch(spark, ArticleDigests.standard(), StoryGrouping.standard());
        List<Row> again = job.digest(job.read(parquetInput.toString())).where("id = 'ledger-tram'").collectAsList();
        Row first = byId.get("ledger-tram");
        List<Row> expected = first.getList(first.fieldIndex("summary"));
        List<Row> got = again.get(0).getList(again.get(0).fieldIndex("summary"));
        assertEquals(expected.size(), got.size());
        for (int i = 0; i < got.size(); i++) {
            assertEquals(expected.get(i).getString(expected.get(i).fieldIndex("text")),
                    got.get(i).getString(got.get(i).fieldIndex("text")));
        }
    }

    private static void assertStory(String... ids) {
        String story = byId.get(ids[0]).getString(byId.get(ids[0]).fieldIndex("story_id"));
        for (String id : ids) {
            Row r = byId.get(id);
            assertEquals(story, r.getString(r.fieldIndex("story_id")), id);
            assertEquals(ids.length, r.getLong(r.fieldIndex("story_size")), id);
        }
        for (Row r : byId.values()) {
            if (!List.of(ids).contains(r.getString(r.fieldIndex("id")))) {
                assertNotEquals(story, r.getString(r.fieldIndex("story_id")), r.getString(r.fieldIndex("id")));
            }
        }
    }
}
