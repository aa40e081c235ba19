package dev.precis.spark;

import dev.precis.article.Article;
import dev.precis.article.html.Extraction;
import dev.precis.article.html.HtmlExtractor;
import dev.precis.statements.Statement;
import dev.precis.statements.StatementExtractor;
import dev.precis.stories.StorySimilarity;
import dev.precis.summary.Length;
import dev.precis.summary.Summarizer;
import dev.precis.summary.Summarizers;
import dev.precis.summary.Summary;
import dev.precis.summary.SummarySentence;
import dev.precis.text.Doc;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * All per-article work of the batch job, in one place: input record → {@link Article} → {@link Doc} →
 * summary, statements, fingerprint and the story-search keys, as one output {@link Row}. The job calls
 * nothing of core but through this class, so the Spark output stays what the library and the CLI give
 * for the same text.
 *
 * <p>Seams, where core's later stages plug in (each a single method):
 * <ul>
 *   <li>{@link #extract(String, String)}: a {@code {"url","html"}} record to an article.</li>
 *   <li>{@link #statements(Article, Doc)}: who said what, with offsets.</li>
 *   <li>{@link #fingerprint(StorySimilarity.Profile)}: the article's story fingerprint.</li>
 * </ul>
 *
 * <p>One instance serves one partition: it holds the summarizer, which is not shared across threads.
 */
public final class ArticleDigests implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Hash space of the word shingles (2^22): collisions stay rare for article-sized sets. */
    static final int SHINGLE_BUCKETS = 1 << 22;

    /** The article fields, in and out. */
    private static final StructField[] ARTICLE = {
            field("id", DataTypes.StringType), field("url", DataTypes.StringType),
            field("source", DataTypes.StringType), field("title", DataTypes.StringType),
            field("byline", DataTypes.createArrayType(DataTypes.StringType)),
            field("published", DataTypes.StringType), field("language", DataTypes.StringType),
            field("image", DataTypes.StringType), field("text", DataTypes.StringType)};

    /** The input fields the job reads, all optional strings except {@code byline} (a list). */
    public static final StructType INPUT = new StructType(ARTICLE).add("html", DataTypes.StringType);

    static final StructType SENTENCE = new StructType(new StructField[]{
            field("index", DataTypes.IntegerType), field("start", DataTypes.IntegerType),
            field("end", DataTypes.IntegerType), field("text", DataTypes.StringType),
            field("score", DataTypes.DoubleType)});

    static final StructType STATEMENT = new StructType(new StructField[]{
            field("speaker", DataTypes.StringType), field("quote", DataTypes.StringType),
            field("start", DataTypes.IntegerType), field("end", DataTypes.IntegerType)});

    /**
     * One digested article: the article fields, the summary sentences with offsets into {@code text},
     * statements, fingerprint, an error for records that could not be read, and the story-search
     * columns ({@code terms}, {@code weights}, {@code band_keys}) that the job drops before writing.
     */
    public static final StructType OUTPUT = new StructType(ARTICLE)
            .add("summary", DataTypes.createArrayType(SENTENCE))
            .add("statements", DataTypes.createArrayType(STATEMENT))
            .add("fingerprint", DataTypes.StringType).add("error", DataTypes.StringType)
            .add("terms", DataTypes.createArrayType(DataTypes.StringType))
            .add("weights", DataTypes.createArrayType(DataTypes.DoubleType))
            .add("band_keys", DataTypes.createArrayType(DataTypes.LongType));

    private final int summarySentences;
    private final int bands;
    private final int rows;
    private transient Summarizer summarizer;
    private transient HtmlExtractor extractor;
    private transient StatementExtractor statementExtractor;

    /**
     * @param summarySentences sentences per summary (the library's default is 3)
     * @param bands            LSH bands of the story search
     * @param rows             MinHash values per band
     */
    public ArticleDigests(int summarySentences, int bands, int rows) {
        this.summarySentences = summarySentences;
        this.bands = bands;
        this.rows = rows;
    }

    /** The job's defaults: three sentences, as the library and CLI; 64 bands of 2 rows. */
    public static ArticleDigests standard() {
        return new ArticleDigests(3, 64, 2);
    }

    /** Digests one input record (fields as {@link #INPUT}; missing ones null) into an {@link #OUTPUT} row. */
    public Row digest(Row record) {
        Article article;
        try {
            article = article(record);
        } catch (IllegalArgumentException e) {
            return failed(record, e.getMessage());
        }
        Doc doc = Doc.of(article.text());
        Summary summary = summarizer().summarize(doc, Length.sentences(summarySentences));
        StorySimilarity.Profile profile = StorySimilarity.profile(doc);
        long[] keys = StorySimilarity.bandKeys(StorySimilarity.shingles(doc, SHINGLE_BUCKETS), bands, rows);
        return RowFactory.create(article.id(), article.url(), article.source(), article.title(), seq(article.byline()),
                article.published(), article.language(), article.image(), article.text(),
                seq(sentences(summary)), seq(statements(article, doc)), fingerprint(profile), null,
                seq(List.of(profile.terms())), seq(boxed(profile.weights())), seq(boxed(keys)));
    }

    /** The article of a record: its text as given, or, for a page, what {@link #extract} finds. */
    Article article(Row record) {
        String text = string(record, "text");
        String html = string(record, "html");
        Article found;
        if (text != null && !text.isBlank()) {
            found = new Article(null, null, null, null, List.of(), null, null, null, text);
        } else if (html != null && !html.isBlank()) {
            found = extract(string(record, "url"), html);
        } else {
            throw new IllegalArgumentException("no text and no html");
        }
        List<String> byline = record.isNullAt(record.fieldIndex("byline")) ? found.byline()
                : record.getList(record.fieldIndex("byline"));
        return new Article(string(record, "id"), or(string(record, "url"), found.url()),
                or(string(record, "source"), found.source()), or(string(record, "title"), found.title()),
                byline, or(string(record, "published"), found.published()),
                or(string(record, "language"), found.language()), or(string(record, "image"), found.image()),
                found.text());
    }

    /** A raw page to its article, with core's HTML extractor (the same one {@code precis extract} uses). */
    Article extract(String url, String html) {
        Extraction page = extractor().extractPage(html, url);
        if (page.article().text().isBlank()) {
            throw new IllegalArgumentException("no article text found in the page"
                    + (page.emptyReason() == null ? "" : ": " + page.emptyReason()));
        }
        Article a = page.article();
        return a.url() == null ? a.withUrl(url) : a;
    }

    /** Who said what in the article, as rows of {@link #STATEMENT} with offsets into the text. */
    List<Row> statements(Article article, Doc doc) {
        List<Row> rows = new ArrayList<>();
        for (Statement st : statementExtractor().statements(doc)) {
            rows.add(RowFactory.create(st.speaker(), st.content(), st.contentSpan().start(), st.contentSpan().end()));
        }
        return rows;
    }

    /** The article's story fingerprint: the 64-bit SimHash of its story profile, as hex. */
    String fingerprint(StorySimilarity.Profile profile) {
        return StorySimilarity.simhashHex(profile);
    }

    private HtmlExtractor extractor() {
        if (extractor == null) {
            extractor = new HtmlExtractor();
        }
        return extractor;
    }

    private StatementExtractor statementExtractor() {
        if (statementExtractor == null) {
            statementExtractor = new StatementExtractor();
        }
        return statementExtractor;
    }

    private Summarizer summarizer() {
        if (summarizer == null) {
            summarizer = Summarizers.standard();
        }
        return summarizer;
    }

    private Row failed(Row record, String problem) {
        return RowFactory.create(string(record, "id"), string(record, "url"), string(record, "source"),
                string(record, "title"), seq(List.of()), string(record, "published"), string(record, "language"),
                string(record, "image"), "", seq(List.of()), seq(List.of()), null, problem, seq(List.of()),
                seq(List.of()), seq(List.of()));
    }

    private static List<Row> sentences(Summary summary) {
        List<Row> out = new ArrayList<>();
        for (SummarySentence s : summary.sentences()) {
            out.add(RowFactory.create(s.index(), s.start(), s.end(), s.text(), s.score()));
        }
        return out;
    }

    /** Spark rows hold lists as Scala sequences. */
    private static <T> Seq<T> seq(List<T> list) {
        return CollectionConverters.asScala(list).toSeq();
    }

    private static String string(Row record, String name) {
        int i = record.fieldIndex(name);
        return record.isNullAt(i) ? null : record.getString(i);
    }

    private static String or(String given, String found) {
        return given != null ? given : found;
    }

    private static List<Double> boxed(double[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add(v);
        }
        return out;
    }

    private static List<Long> boxed(long[] values) {
        List<Long> out = new ArrayList<>(values.length);
        for (long v : values) {
            out.add(v);
        }
        return out;
    }

    private static StructField field(String name, org.apache.spark.sql.types.DataType type) {
        return DataTypes.createStructField(name, type, true);
    }
}
