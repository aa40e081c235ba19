package dev.precis.store;

import dev.precis.article.Article;
import dev.precis.digest.Digester;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Small articles written for these tests, and a generator of many distinct ones. */
final class StoreFixtures {

    static final Digester DIGESTER = new Digester();

    static final Article PIER = new Article("gz-1", "https://gazette.example/pier?utm_source=feed#top", "The Elwin Gazette",
            "Harbour pier to be rebuilt", List.of("Ana Moss"), "2024-05-02", "en", null, """
            The harbour council of Port Elwin voted on Tuesday to rebuild the old stone pier before winter.

            Fishermen had warned for years that the pier was crumbling. The council set aside two million crowns for the work.

            Mayor Ida Strand said the repairs would start in October. Builders from the valley will bring the stone by barge.""");

    static final Article ORCHID = new Article(null, "https://post.example/orchid", "Velmar Post", "Orchid blooms after twelve years",
            List.of(), "2024-06-01", "en", null, """
            A rare orchid bloomed in the botanical garden of Velmar this spring, drawing long queues of visitors.

            Gardeners said the plant flowers once every twelve years and only for a few days. The garden will stay open late.""");

    static final Article FERRY = new Article(null, "https://post.example/ferry", "Velmar Post", "Fog delays island ferry",
            List.of(), "2024-06-03", "en", null, """
            The island ferry ran two hours late on Sunday because of thick fog over the strait.

            Passengers waited at the north quay, where the harbour office handed out tea. The pier at Port Elwin was not affected.""");

    /**
     * A long article (well past the 600-character lead) whose words "quillwort" and "tarn"
     * appear only in its last paragraph.
     */
    static final Article MOOR = new Article(null, "https://moor.example/survey", "Moor Weekly", "Survey of the high moor",
            List.of(), "2024-07-10", "en", null, """
            Botanists from the county museum spent three weeks on the high moor above Fenmoor this summer, walking \
            the old drove roads and counting what grows between the heather and the bog cotton.

            The survey began in the first week of June, when the ground was still wet from a late spring. Volunteers \
            carried frames, notebooks and flasks of tea, and slept in the shepherds' huts near the ridge. The weather \
            held for most of the month, with only two days lost to low cloud and rain.

            Counts of heather, bilberry and crowberry were close to those of the last survey, ten years ago. Bracken \
            has spread along the lower slopes, which the museum puts down to fewer sheep grazing there. The team \
            also recorded the birds they met: curlew, golden plover, meadow pipit and a single merlin.

            The most surprising find came on the last day: a small patch of quillwort growing in the shallow margin of \
            the upper tarn, a plant not recorded on the moor for forty years. The museum will return to the tarn next \
            spring to map the patch.""");

    private StoreFixtures() {
    }

    static AnalyzedArticle analyzed(Article a) {
        return AnalyzedArticle.of(a, DIGESTER);
    }

    private static final String[] SUBJECTS = {"The council", "A farmer", "The museum", "Rail workers", "The school board",
            "A local baker", "The river authority", "Volunteers", "The lighthouse keeper", "A cycling club"};
    private static final String[] VERBS = {"announced", "questioned", "celebrated", "postponed", "reviewed", "funded",
            "opposed", "welcomed", "planned", "described"};
    private static final String[] OBJECTS = {"a new bridge", "the spring market", "a longer harvest season", "the night trains",
            "a reading programme", "the old mill", "flood barriers", "a coastal path", "the autumn fair", "a solar roof"};
    private static final String[] PLACES = {"in Arnsby", "near Coldwater", "in the upper valley", "at Fenmoor", "in Lisk",
            "beside the lake", "in Orrin", "at the harbour", "in Tamsford", "on the plateau"};

    /** Writes {@code n} distinct articles as JSONL, each with a unique URL; returns the file. */
    static Path generatedJsonl(Path dir, int n) throws IOException {
        Random r = new Random(7);
        List<String> lines = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            lines.add("{\"url\":\"https://gen.example/a/" + i + "\",\"title\":\"Report number " + i + "\",\"source\":\"Gen Daily\","
                    + "\"date\":\"2024-01-01\",\"text\":\"" + String.join("\\n\\n", paragraphs(r, i, 3, 2)) + "\"}");
        }
        Path f = dir.resolve("generated.jsonl");
        Files.write(f, lines);
        return f;
    }

    /** Paragraphs of generated local news, distinct for each {@code i}. */
    private static List<String> paragraphs(Random r, int i, int paragraphs, int sentences) {
        List<String> out = new ArrayList<>();
        for (int p = 0; p < paragraphs; p++) {
            StringBuilder text = new StringBuilder();
            for (int s = 0; s < sentences; s++) {
                text.append(SUBJECTS[r.nextInt(SUBJECTS.length)]).append(' ').append(VERBS[r.nextInt(VERBS.length)])
                        .append(' ').append(OBJECTS[r.nextInt(OBJECTS.length)]).append(' ')
                        .append(PLACES[r.nextInt(PLACES.length)]).append(" on day ").append(i * 100 + p * 10 + s).append(". ");
            }
            out.add(text.toString().strip());
        }
        return out;
    }

    /** The speaker quoted once in every entry of {@link #rss}. */
    static final String SPEAKER = "Ana Lind";

    /**
     * An RSS 2.0 document of feed {@code feed} with {@code entries} full-text entries (long enough not
     * to be teasers, each quoting {@link #SPEAKER} once), distinct across feeds; links point to
     * {@code linkBase}.
     */
    static String rss(int feed, int entries, String linkBase) {
        Random r = new Random(feed);
        StringBuilder items = new StringBuilder();
        for (int e = 0; e < entries; e++) {
            int n = feed * 1000 + e;
            StringBuilder html = new StringBuilder();
            for (String p : paragraphs(r, n, 4, 3)) {
                html.append("<p>").append(p).append("</p>");
            }
            html.append("<p>\u201CThe plan for day ").append(n).append(" will go ahead,\u201D said Mayor ").append(SPEAKER)
                    .append(" at the town hall.</p>");
            items.append("<item><guid>entry-").append(n).append("</guid><link>").append(linkBase).append("/story/").append(n)
                    .append("</link><title>Story ").append(n).append("</title><pubDate>Tue, 05 Mar 2024 09:30:00 GMT</pubDate>")
                    .append("<description><![CDATA[").append(html).append("]]></description></item>");
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Feed " + feed
                + "</title><link>" + linkBase + "/</link>" + items + "</channel></rss>";
    }
}
