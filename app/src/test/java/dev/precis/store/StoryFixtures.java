package dev.precis.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.article.Article;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Small news articles written for the story tests: three reports of a pier vote in Port Elwin (one
 * re-posted by a fourth outlet with a line added), two of an orchid blooming in Velmar, one of a
 * ferry delayed by fog. In date order, which is the order they are ingested.
 */
final class StoryFixtures {

    static final Article PIER_GAZETTE = article("pier-gazette", "Elwin Gazette", "2024-05-01T08:00:00Z",
            "Port Elwin council votes to rebuild the old stone pier", """
            The harbour council of Port Elwin voted on Tuesday to rebuild the old stone pier before winter, ending years of argument about the crumbling landmark.

            Fishermen had warned for years that the pier was unsafe. Mayor Ida Strand said the council set aside two million crowns for the repairs and that work would start in October.

            "The pier is the heart of this harbour," Strand said after the vote. Builders from the Tarn valley will bring granite blocks to Port Elwin by barge.""");

    static final Article PIER_POST = article("pier-post", "Velmar Post", "2024-05-01T12:30:00Z",
            "Two million crowns for Port Elwin pier repairs", """
            Port Elwin will spend two million crowns rebuilding its stone pier, the harbour council decided on Tuesday after a long debate.

            Mayor Ida Strand told reporters that repairs to the crumbling pier would begin in October, before the winter storms. The fishermen of Port Elwin had asked the council to act for years.

            Granite for the pier will come from quarries in the Tarn valley, Strand said.""");

    static final Article ORCHID_POST = article("orchid-post", "Velmar Post", "2024-05-02T09:00:00Z",
            "Rare ghost orchid blooms in Velmar botanical garden", """
            A rare ghost orchid bloomed this week in the botanical garden of Velmar, drawing long queues of visitors to the glasshouse.

            Head gardener Tomas Lind said the plant flowers once every twelve years and only for a few days. The garden will stay open late until the flowers fade.

            "We waited twelve years for this," Lind said. Botanists from Lisk travelled to Velmar to see the orchid.""");

    static final Article PIER_HERALD = article("pier-herald", "North Quay Herald", "2024-05-03T07:15:00Z",
            "Barges to carry Tarn valley granite for Port Elwin pier", """
            Barges will carry granite from the Tarn valley to Port Elwin this autumn for the rebuilding of the town's stone pier, which the harbour council approved this week.

            The council voted to spend two million crowns on the pier. Mayor Ida Strand said the crumbling pier had become a danger to the fishermen who moor there.

            Work on the Port Elwin pier is due to start in October, Strand said.""");

    /** The Gazette's report re-posted by another outlet, with a credit line added. */
    static final Article PIER_REPOST = new Article(null, "https://coldwater.example/news/pier", "Coldwater Chronicle",
            PIER_GAZETTE.title(), List.of(), "2024-05-03T10:00:00Z", "en", null,
            PIER_GAZETTE.text() + "\n\nThis report first appeared in the Elwin Gazette.");

    static final Article ORCHID_COURIER = article("orchid-courier", "Lisk Courier", "2024-05-04T11:00:00Z",
            "Velmar queues for the ghost orchid", """
            Visitors queued for hours at the Velmar botanical garden this week to see a ghost orchid in bloom, a sight the garden last saw twelve years ago.

            Head gardener Tomas Lind said the orchid would flower for only a few more days and that the glasshouse would stay open late.

            Botanists from Lisk were among the first to see the rare orchid, Lind said.""");

    static final Article FERRY = article("ferry", "Velmar Post", "2024-05-05T16:00:00Z",
            "Fog delays the island ferry", """
            The island ferry ran two hours late on Sunday because of thick fog over the strait.

            Passengers waited at the north quay, where the ferry office handed out tea and blankets. The captain said the crossing was slow but calm.

            Ferry services are expected to run on time again on Monday, when the fog should lift.""");

    /** Every fixture, in date order. */
    static final List<Article> ALL = List.of(PIER_GAZETTE, PIER_POST, ORCHID_POST, PIER_HERALD, PIER_REPOST, ORCHID_COURIER, FERRY);

    private StoryFixtures() {
    }

    private static Article article(String slug, String source, String published, String title, String text) {
        return new Article(null, "https://" + source.toLowerCase().replace(' ', '-') + ".example/" + slug, source, title,
                List.of(), published, "en", null, text);
    }

    /** Writes the articles as ingest JSONL. */
    static Path jsonl(Path file, List<Article> articles) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> lines = new ArrayList<>();
        for (Article a : articles) {
            ObjectNode o = json.createObjectNode();
            o.put("url", a.url()).put("source", a.source()).put("title", a.title()).put("date", a.published()).put("text", a.text());
            lines.add(json.writeValueAsString(o));
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, lines);
        return file;
    }
}
