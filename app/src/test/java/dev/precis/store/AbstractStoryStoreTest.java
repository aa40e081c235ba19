package dev.precis.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.precis.article.Article;
import dev.precis.cli.CliRun;
import dev.precis.digest.Digester;
import dev.precis.stories.ArticleFeatures;
import dev.precis.stories.Meaning;
import dev.precis.stories.StoryGrouper;
import dev.precis.storydesk.StoryDesk;
import dev.precis.storydesk.StoryInput;
import dev.precis.text.Doc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static dev.precis.store.StoryFixtures.FERRY;
import static dev.precis.store.StoryFixtures.ORCHID_COURIER;
import static dev.precis.store.StoryFixtures.ORCHID_POST;
import static dev.precis.store.StoryFixtures.PIER_GAZETTE;
import static dev.precis.store.StoryFixtures.PIER_HERALD;
import static dev.precis.store.StoryFixtures.PIER_POST;
import static dev.precis.store.StoryFixtures.PIER_REPOST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stories kept in the store as articles are stored, on every implementation (a SQLite file and a
 * PostgreSQL server): grouping during ingest, restarts, regrouping, merges, near-duplicates, two
 * processes at once, and the {@code stories} commands.
 */
abstract class AbstractStoryStoreTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** The command-line options naming a fresh, empty store. */
    abstract List<String> newLocation();

    /** A JDBC URL of the database at {@code location}, to change it behind the store's back. */
    abstract String jdbcUrl(List<String> location);

    static Store open(List<String> location) {
        int data = location.indexOf("--data");
        int db = location.indexOf("--db");
        return Stores.open(data < 0 ? null : location.get(data + 1), db < 0 ? null : location.get(db + 1));
    }

    static CliRun cli(List<String> location, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(location);
        return CliRun.of(all);
    }

    private CliRun ingest(List<String> location, List<Article> articles) throws Exception {
        Path file = StoryFixtures.jsonl(tmp.resolve("in-" + System.nanoTime() + ".jsonl"), articles);
        CliRun run = cli(location, "ingest", file.toString(), "--json");
        assertEquals(0, run.exit(), run.out() + run.err());
        return run;
    }

    /** Each article (by URL) with its story id. */
    private static Map<String, Long> storyByUrl(Store store) {
        Map<String, Long> out = new TreeMap<>();
        for (ArticleRow r : store.articles(1000, 0)) {
            out.put(r.url(), store.storyOf(r.id()).orElseThrow(() -> new AssertionError("article " + r.url() + " has no story")));
        }
        return out;
    }

    /** Each near-duplicate (by URL) with the URL of the article it copies. */
    private static Map<String, String> duplicates(Store store) {
        Map<Long, String> urls = new HashMap<>();
        store.articles(1000, 0).forEach(r -> urls.put(r.id(), r.url()));
        Map<String, String> out = new TreeMap<>();
        for (StoryRow s : store.stories(1000, 0)) {
            for (StoryMemberRow m : store.storyMembers(s.id())) {
                if (m.duplicateOf() != null) {
                    out.put(m.url(), urls.get(m.duplicateOf()));
                }
            }
        }
        return out;
    }

    private static long storyOf(Store store, Article a) {
        return storyByUrl(store).get(a.url());
    }

    private static JsonNode lastJson(CliRun run) throws Exception {
        return JSON.readTree(run.out().strip().lines().reduce((a, b) -> b).orElseThrow());
    }

    @Test
    void ingestGroupsEachArticleAndPersistsTheStories() throws Exception {
        List<String> at = newLocation();
        CliRun run = ingest(at, StoryFixtures.ALL);
        assertTrue(run.out().contains("stories: "), run.out());
        JsonNode tally = lastJson(run);
        assertEquals(7, tally.path("added").asInt());
        assertEquals(0, tally.path("stories").path("restored").asInt(), "nothing to restore in an empty store");
        try (Store store = open(at)) {
            Map<String, Long> story = storyByUrl(store);
            long pier = story.get(PIER_GAZETTE.url());
            long orchid = story.get(ORCHID_POST.url());
            long ferry = story.get(FERRY.url());
            for (Article a : List.of(PIER_POST, PIER_HERALD, PIER_REPOST)) {
                assertEquals(pier, story.get(a.url()), a.title());
            }
            assertEquals(orchid, story.get(ORCHID_COURIER.url()));
            assertEquals(3, Set.of(pier, orchid, ferry).size(), "three different stories");
            assertEquals(3, store.stats().stories());
            StoryRow row = store.story(pier).orElseThrow();
            assertTrue(row.isLive());
            assertEquals(4, row.articleCount());
            assertTrue(List.of(PIER_GAZETTE.title(), PIER_POST.title(), PIER_HERALD.title()).contains(row.label()), row.label());
            assertTrue(row.keyphrases().stream().anyMatch(k -> k.toLowerCase().contains("pier")), row.keyphrases().toString());
            assertEquals("2024-05-01T08:00:00Z", row.firstSeen());
            assertEquals("2024-05-03T10:00:00Z", row.lastSeen());
            assertEquals(Map.of(PIER_REPOST.url(), PIER_GAZETTE.url()), duplicates(store), "the re-post is a copy of the Gazette's report");
            assertEquals(List.of(ferry, orchid, pier), store.stories(10, 0).stream().map(StoryRow::id).toList(),
                    "latest report first");
            StoryGroupingState state = store.storyGrouping();
            assertEquals(7, state.position());
            assertTrue(state.version() >= 1);
        }
        CliRun stats = cli(at, "stats", "--json");
        assertTrue(lastJson(stats).path("stories").asInt() == 3, stats.out());
    }

    @Test
    void aRestartContinuesTheSameStories() throws Exception {
        List<String> once = newLocation();
        ingest(once, StoryFixtures.ALL);
        List<String> twice = newLocation();
        ingest(twice, List.of(PIER_GAZETTE, PIER_POST, ORCHID_POST));
        Map<String, Long> before;
        try (Store store = open(twice)) {
            before = storyByUrl(store);
        }
        CliRun second = ingest(twice, List.of(PIER_HERALD, PIER_REPOST, ORCHID_COURIER, FERRY));
        JsonNode tally = lastJson(second).path("stories");
        assertEquals(3, tally.path("restored").asInt(), second.out());
        assertEquals(2, tally.path("live_stories").asInt(), second.out());
        try (Store a = open(once); Store b = open(twice)) {
            Map<String, Long> after = storyByUrl(b);
            before.forEach((url, id) -> assertEquals(id, after.get(url), "kept its story: " + url));
            assertEquals(after.get(PIER_GAZETTE.url()), after.get(PIER_HERALD.url()), "a new report joins the stored story");
            assertEquals(after.get(ORCHID_POST.url()), after.get(ORCHID_COURIER.url()));
            assertEquals(storyByUrl(a), after, "the same stories, ids included, as ingesting in one go");
            assertEquals(duplicates(a), duplicates(b));
            assertEquals(a.story(after.get(PIER_GAZETTE.url())).orElseThrow().keyphrases(),
                    b.story(after.get(PIER_GAZETTE.url())).orElseThrow().keyphrases());
        }
    }

    @Test
    void rebuildGivesTheSameStoriesAsAFreshIngest() throws Exception {
        List<String> fresh = newLocation();
        ingest(fresh, StoryFixtures.ALL);
        List<String> split = newLocation();
        ingest(split, List.of(PIER_GAZETTE, PIER_POST, ORCHID_POST));
        ingest(split, List.of(PIER_HERALD, PIER_REPOST, ORCHID_COURIER, FERRY));
        Map<String, Long> expected;
        Map<String, String> expectedDuplicates;
        try (Store store = open(fresh)) {
            expected = storyByUrl(store);
            expectedDuplicates = duplicates(store);
        }
        for (List<String> at : List.of(fresh, split)) {
            CliRun rebuild = cli(at, "stories", "rebuild", "--json");
            assertEquals(0, rebuild.exit(), rebuild.err());
            assertTrue(rebuild.out().startsWith("stories rebuild: 7 articles into 3 stories (0 merges, 1 near-duplicates)"),
                    rebuild.out());
            assertEquals(3, lastJson(rebuild).path("stories").asInt());
            try (Store store = open(at)) {
                assertEquals(expected, storyByUrl(store));
                assertEquals(expectedDuplicates, duplicates(store));
                assertEquals(3, store.stats().stories());
                Map<String, float[]> meanings = storedMeanings(store);
                assertEquals(7, meanings.size());
                meanings.forEach((url, v) -> assertEquals(Meaning.DIMENSIONS, v == null ? 0 : v.length, "rebuilt with its vector: " + url));
            }
        }
    }

    @Test
    void rebuildGroupsInDateOrderWhateverTheIngestOrder() throws Exception {
        List<String> inOrder = newLocation();
        ingest(inOrder, StoryFixtures.ALL);
        List<String> reversed = newLocation();
        List<Article> backwards = new ArrayList<>(StoryFixtures.ALL);
        java.util.Collections.reverse(backwards);
        ingest(reversed, backwards);
        assertEquals(0, cli(reversed, "stories", "rebuild").exit());
        try (Store a = open(inOrder); Store b = open(reversed)) {
            assertEquals(partition(storyByUrl(a)), partition(storyByUrl(b)));
        }
    }

    private static final Digester DIGESTER = new Digester();

    /** Stores and groups one article through {@code desk}: one grouping step. */
    private static void addOne(StoryDesk desk, Article a) {
        Doc doc = Doc.of(a.text());
        AnalyzedArticle analyzed = AnalyzedArticle.of(a, doc, DIGESTER);
        desk.add(List.of(analyzed), List.of(StoryInput.of(analyzed.article(), doc)));
    }

    /**
     * Stores and groups one article through {@code desk} with the given meaning vector instead of
     * its own. The desk must be loaded: a first load would group the article as stored without a
     * story, encoding it.
     */
    private static void addWithMeaning(StoryDesk desk, Article a, float[] meaning) {
        Doc doc = Doc.of(a.text());
        AnalyzedArticle analyzed = AnalyzedArticle.of(a, doc, DIGESTER);
        StoryInput own = StoryInput.of(analyzed.article(), doc);
        desk.add(List.of(analyzed), List.of(new StoryInput(own.articleId(), own.article(), own.addedAt(), own.doc(),
                own.fingerprint(), own.keyphrases(), meaning)));
    }

    /** The stored meaning vector of each member of an open story, by URL (null when none is stored). */
    private static Map<String, float[]> storedMeanings(Store store) {
        Map<String, float[]> out = new TreeMap<>();
        store.storyWindow("", -1, -1, 1000).forEach(r -> out.put(r.article().url(), r.meaning()));
        return out;
    }

    private static void assertSameBits(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Float.floatToRawIntBits(expected[i]), Float.floatToRawIntBits(actual[i]), what + ", dimension " + i);
        }
    }

    @Test
    void aMembershipKeepsItsMeaningBitForBit() {
        float[] vector = new float[Meaning.DIMENSIONS];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = (float) Math.sin(i * 0.7) / 19.6f;
        }
        vector[1] = -0.0f;
        vector[2] = Float.MIN_VALUE;
        vector[3] = -Float.MAX_VALUE;
        try (Store store = open(newLocation())) {
            List<AnalyzedArticle> batch = List.of(PIER_GAZETTE, FERRY).stream()
                    .map(a -> AnalyzedArticle.of(a, Doc.of(a.text()), DIGESTER)).toList();
            List<Long> ids = store.add(batch).stream().map(AddOutcome::id).toList();
            StoryRow story = new StoryRow(1, "Pier", List.of(), 2, "2024-05-01T08:00:00Z", "2024-05-05T16:00:00Z", null,
                    List.of(), 0);
            store.saveStories(new StoryChanges(List.of(story), List.of(
                    new StoryChanges.Membership(1, ids.get(0), 0, 1, null, "[]", vector),
                    new StoryChanges.Membership(1, ids.get(1), 0.6, 2, null, "[]", null)), List.of(), List.of(), 2),
                    store.storyGrouping().version());
            Map<String, float[]> stored = storedMeanings(store);
            assertSameBits(vector, stored.get(PIER_GAZETTE.url()), "the vector read back");
            assertNull(stored.get(FERRY.url()), "a member without a vector has none");
            assertTrue(store.groupingRows(ids).stream().allMatch(r -> r.meaning() == null), "read without the membership");
        }
    }

    /**
     * The Gazette's pier report is grouped with the meaning of the orchid report instead of its
     * own, and kept so: a stored vector is what a restart must replay.
     */
    private void storeThePierWithTheOrchidsMeaning(List<String> at, float[] orchid) {
        try (Store store = open(at)) {
            StoryDesk desk = new StoryDesk(store);
            desk.load();
            addWithMeaning(desk, PIER_GAZETTE, orchid);
            assertSameBits(orchid, storedMeanings(store).get(PIER_GAZETTE.url()), "the vector the desk was given");
        }
    }

    @Test
    void aRestartReplaysTheStoredMeaningsWithoutEncodingThemAgain() {
        float[] orchid = Meaning.of(ORCHID_POST.title(), ORCHID_POST.text());
        List<String> at = newLocation();
        storeThePierWithTheOrchidsMeaning(at, orchid);
        try (Store store = open(at)) {
            StoryDesk desk = new StoryDesk(store);
            addOne(desk, PIER_POST);
            assertEquals(1, desk.loaded().restored());
            assertEquals(0, desk.loaded().caughtUp(), "the desk loaded before storing: the new article is grouped once, not caught up as well");
            Map<String, Long> story = storyByUrl(store);
            assertNotEquals(story.get(PIER_GAZETTE.url()), story.get(PIER_POST.url()),
                    "the restored report means the orchid, as stored, so the Post's pier report does not join it");
            Map<String, float[]> stored = storedMeanings(store);
            assertSameBits(orchid, stored.get(PIER_GAZETTE.url()), "left as it was");
            assertSameBits(Meaning.of(PIER_POST.title(), PIER_POST.text()), stored.get(PIER_POST.url()), "the new member's own");
        }
    }

    /**
     * A store grouped before vectors were kept: its memberships are taken back to the schema
     * before V30 and migrated again, which leaves them without vectors. The restart encodes the
     * members (the pier report then means the pier again, and the Post's report joins it) and
     * keeps their vectors for the next one.
     */
    @Test
    void aStoreFromBeforeMeaningsWereKeptIsEncodedOnceAtTheRestart() throws SQLException {
        List<String> at = newLocation();
        storeThePierWithTheOrchidsMeaning(at, Meaning.of(ORCHID_POST.title(), ORCHID_POST.text()));
        try (Connection c = DriverManager.getConnection(jdbcUrl(at)); Statement st = c.createStatement()) {
            st.executeUpdate("ALTER TABLE story_articles DROP COLUMN meaning");
            assertEquals(1, st.executeUpdate("DELETE FROM flyway_schema_history WHERE version = '30'"));
        }
        try (Store store = open(at)) {
            assertNull(storedMeanings(store).get(PIER_GAZETTE.url()), "migrated: no vector stored");
            StoryDesk desk = new StoryDesk(store);
            addOne(desk, PIER_POST);
            assertEquals(1, desk.loaded().restored());
            Map<String, Long> story = storyByUrl(store);
            assertEquals(story.get(PIER_GAZETTE.url()), story.get(PIER_POST.url()), "the restored report was encoded again");
            assertSameBits(Meaning.of(PIER_GAZETTE.title(), PIER_GAZETTE.text()), storedMeanings(store).get(PIER_GAZETTE.url()),
                    "its vector is kept for the next restart");
        }
    }

    /** The groups of URLs, whatever their ids. */
    private static Set<Set<String>> partition(Map<String, Long> storyByUrl) {
        Map<Long, Set<String>> groups = new HashMap<>();
        storyByUrl.forEach((url, id) -> groups.computeIfAbsent(id, k -> new HashSet<>()).add(url));
        return new HashSet<>(groups.values());
    }

    /**
     * A grouping that merges readily (no article joins a story; stories merge from a low
     * similarity, every second assignment), fed one article per step: stories stored in one step
     * are merged in a later one, and the store must end up as the grouper's own resolution.
     */
    @Test
    void mergesAreReflectedInTheStore() {
        StoryGrouper.Options merging = new StoryGrouper.Options(60, 0.99, 0.0, 0.15, 0.70, 0.15, 0.2, 2, 0.05, 100, 0.0, 0);
        List<Article> order = List.of(PIER_GAZETTE, ORCHID_POST, PIER_POST, ORCHID_COURIER, PIER_HERALD, PIER_REPOST, FERRY);
        try (Store store = open(newLocation())) {
            StoryDesk desk = new StoryDesk(store, merging, 2);
            order.forEach(a -> addOne(desk, a));
            StoryGrouper replay = new StoryGrouper(merging);
            Map<String, Long> assigned = new HashMap<>();
            for (Article a : order) {
                assigned.put(a.url(), replay.assign(assigned.size(), ArticleFeatures.of(a, Doc.of(a.text()))).storyId());
            }
            Map<String, Long> expected = new TreeMap<>();
            assigned.forEach((url, id) -> expected.put(url, replay.resolve(id)));
            Map<String, Long> stored = storyByUrl(store);
            assertEquals(expected, stored, "stored memberships follow every merge");
            long pier = stored.get(PIER_GAZETTE.url());
            assertEquals(pier, stored.get(PIER_POST.url()), "the Post's story, stored one step earlier, was merged into the Gazette's");
            assertEquals(pier, stored.get(PIER_HERALD.url()));
            StoryRow postStory = store.story(3).orElseThrow();
            assertEquals(pier, postStory.mergedInto(), "the story merged away points at the one it became");
            assertEquals(0, postStory.articleCount());
            assertEquals(Set.copyOf(stored.values()).size(), store.stats().stories(), "merged stories are not counted");
            for (StoryRow s : store.stories(100, 0)) {
                assertEquals(store.storyMembers(s.id()).size(), s.articleCount(), "count of story " + s.id());
            }
            assertEquals(PIER_GAZETTE.url(), duplicates(store).get(PIER_REPOST.url()), "copies found across merged stories");
        }
    }

    /**
     * Articles stored a story each (a grouping that never joins), then a desk with the default
     * grouping that regroups after every assignment: one more article makes the regroup gather
     * the stored pier articles into the Gazette's story. Stored members follow, emptied stories
     * point at the story they became, counts and near-duplicates are right, and a restart agrees.
     */
    @Test
    void aRegroupMovesStoredMembersAndRetiresEmptiedStories() {
        StoryGrouper.Options apart = new StoryGrouper.Options(60, 0.99, 0.0, 0.15, 0.70, 0.15, 0.99, 0, 0.05, 100, 0.0, 0);
        StoryGrouper.Options regrouping = StoryGrouper.Options.defaults().withRegroupEvery(1);
        try (Store store = open(newLocation())) {
            StoryDesk first = new StoryDesk(store, apart, 1);
            List.of(PIER_GAZETTE, ORCHID_POST, PIER_POST, ORCHID_COURIER, PIER_REPOST).forEach(a -> addOne(first, a));
            Map<String, Long> before = storyByUrl(store);
            assertEquals(5, Set.copyOf(before.values()).size(), "a story each at first");
            addOne(new StoryDesk(store, regrouping, 1), PIER_HERALD);
            Map<String, Long> story = storyByUrl(store);
            long pier = story.get(PIER_GAZETTE.url());
            for (Article a : List.of(PIER_POST, PIER_REPOST, PIER_HERALD)) {
                assertEquals(pier, story.get(a.url()), a.url());
            }
            assertTrue(before.containsValue(pier), "the pier story keeps an id it had");
            assertEquals(story.get(ORCHID_POST.url()), story.get(ORCHID_COURIER.url()));
            assertNotEquals(pier, story.get(ORCHID_POST.url()));
            assertEquals(2, store.stats().stories());
            for (StoryRow s : store.stories(100, 0)) {
                assertEquals(store.storyMembers(s.id()).size(), s.articleCount(), "count of story " + s.id());
            }
            for (Article a : List.of(PIER_GAZETTE, PIER_POST, PIER_REPOST)) {
                StoryRow old = store.story(before.get(a.url())).orElseThrow();
                assertEquals(old.id() == pier ? null : pier, old.mergedInto(),
                        "an emptied story points at the story that took its members");
            }
            assertEquals(PIER_GAZETTE.url(), duplicates(store).get(PIER_REPOST.url()), "the copy is found in its new story");
            new StoryDesk(store, regrouping, 1).load();
            assertEquals(story, storyByUrl(store), "a restart replays the regrouped stories as stored");
        }
    }

    @Test
    void aMergedStoryIdShowsTheStoryItBecame() throws Exception {
        StoryGrouper.Options merging = new StoryGrouper.Options(60, 0.99, 0.0, 0.15, 0.70, 0.15, 0.2, 2, 0.05, 100, 0.0, 0);
        List<String> at = newLocation();
        try (Store store = open(at)) {
            StoryDesk desk = new StoryDesk(store, merging, 1);
            List.of(PIER_GAZETTE, ORCHID_POST, PIER_POST, ORCHID_COURIER).forEach(a -> addOne(desk, a));
        }
        CliRun show = cli(at, "stories", "show", "3");
        assertEquals(0, show.exit(), show.err());
        assertTrue(show.out().startsWith("Story 1: "), show.out());
        assertTrue(show.out().contains("(story 3 was merged into this one)"), show.out());
        JsonNode json = lastJson(cli(at, "stories", "show", "3", "--json"));
        assertEquals(1, json.path("id").asInt());
        assertEquals(3, json.path("merged_from").asInt());
    }

    @Test
    void twoProcessesGroupingAtOnceNeverOverwriteEachOther() {
        List<String> at = newLocation();
        try (Store first = open(at); Store second = open(at)) {
            StoryDesk a = new StoryDesk(first);
            StoryDesk b = new StoryDesk(second);
            a.load();
            b.load();
            for (Object[] step : List.<Object[]>of(new Object[]{a, PIER_GAZETTE}, new Object[]{b, ORCHID_POST},
                    new Object[]{a, PIER_POST}, new Object[]{b, ORCHID_COURIER}, new Object[]{b, PIER_HERALD},
                    new Object[]{a, FERRY})) {
                addOne((StoryDesk) step[0], (Article) step[1]);
            }
            Map<String, Long> story = storyByUrl(first);
            assertEquals(6, story.size(), "every article grouped once");
            assertEquals(story.get(PIER_GAZETTE.url()), story.get(PIER_POST.url()));
            assertEquals(story.get(PIER_GAZETTE.url()), story.get(PIER_HERALD.url()), "grouped by the other desk after it reloaded");
            assertEquals(story.get(ORCHID_POST.url()), story.get(ORCHID_COURIER.url()));
            assertEquals(3, first.stats().stories());
            assertEquals(3, Set.copyOf(story.values()).size());
        }
    }

    @Test
    void articlesStoredWithoutAStoryAreGroupedAtTheNextStart() throws Exception {
        List<String> at = newLocation();
        Path file = StoryFixtures.jsonl(tmp.resolve("all.jsonl"), StoryFixtures.ALL);
        CliRun plain = cli(at, "ingest", file.toString(), "--no-stories", "--json");
        assertEquals(0, plain.exit(), plain.err());
        assertTrue(lastJson(plain).path("stories").isMissingNode(), plain.out());
        try (Store store = open(at)) {
            assertEquals(0, store.stats().stories());
            assertTrue(store.storyOf(store.articles(1, 0).getFirst().id()).isEmpty());
        }
        CliRun next = ingest(at, List.of());
        assertEquals(7, lastJson(next).path("stories").path("caught_up").asInt(), next.out());
        List<String> fresh = newLocation();
        ingest(fresh, StoryFixtures.ALL);
        try (Store a = open(at); Store b = open(fresh)) {
            assertEquals(storyByUrl(b), storyByUrl(a), "caught up in store order, as an ingest would have grouped them");
        }
    }

    @Test
    void storiesListAndShowAsTextAndJson() throws Exception {
        List<String> at = newLocation();
        ingest(at, StoryFixtures.ALL);
        long pier;
        try (Store store = open(at)) {
            pier = storyOf(store, PIER_GAZETTE);
        }
        CliRun list = cli(at, "stories", "list");
        assertEquals(0, list.exit(), list.err());
        List<String> lines = list.out().strip().lines().toList();
        assertEquals(3, lines.size(), list.out());
        assertTrue(lines.get(0).contains(FERRY.title()) && lines.get(0).contains("1 article, 1 outlet  2024-05-05"), lines.get(0));
        assertTrue(lines.get(2).startsWith(pier + "  "), lines.get(2));
        assertTrue(lines.get(2).contains("— 4 articles (1 near-duplicate), 4 outlets  2024-05-03"), lines.get(2));

        CliRun json = cli(at, "stories", "list", "--json", "--limit", "2");
        List<String> jl = json.out().strip().lines().toList();
        assertEquals(3, jl.size(), json.out());
        assertEquals(FERRY.title(), JSON.readTree(jl.get(0)).path("label").asText());
        JsonNode summary = JSON.readTree(jl.get(2));
        assertEquals(2, summary.path("stories").asInt());
        assertEquals(3, summary.path("total").asInt());
        JsonNode second = lastJson(cli(at, "stories", "list", "--json", "--offset", "2"));
        assertEquals(1, second.path("stories").asInt());

        CliRun show = cli(at, "stories", "show", String.valueOf(pier));
        assertEquals(0, show.exit(), show.err());
        String text = show.out();
        assertTrue(text.startsWith("Story " + pier + ": "), text);
        assertTrue(text.contains("4 articles from 4 outlets, 2024-05-01 to 2024-05-03"), text);
        assertTrue(text.contains("Keyphrases: "), text);
        assertTrue(text.contains("Summary:\n  1. "), text);
        assertTrue(text.contains("same article from: Coldwater Chronicle (article "), text);
        assertTrue(text.contains("Who said what:\n  Ida Strand\n"), text);
        assertEquals(1, count(text, PIER_GAZETTE.title() + "  — Elwin Gazette"), "the re-posted report is listed once: " + text);
        assertFalse(text.contains(PIER_GAZETTE.title() + "  — Coldwater Chronicle"), text);

        JsonNode story = lastJson(cli(at, "stories", "show", String.valueOf(pier), "--json"));
        assertEquals(pier, story.path("id").asLong());
        assertTrue(story.path("merged_from").isMissingNode());
        assertEquals(4, story.path("articles_total").asInt());
        assertEquals(3, story.path("articles").size(), "near-duplicates once");
        JsonNode gazette = story.path("articles").get(0);
        assertEquals("Elwin Gazette", gazette.path("source").asText());
        assertEquals("[\"Elwin Gazette\",\"Coldwater Chronicle\"]", gazette.path("sources").toString());
        assertEquals("Coldwater Chronicle", gazette.path("copies").get(0).path("source").asText());
        assertEquals(5, story.path("summary").size());
        Set<String> outlets = Set.of("Elwin Gazette", "Velmar Post", "North Quay Herald");
        for (JsonNode s : story.path("summary")) {
            assertTrue(outlets.contains(s.path("source").asText()), s.toString());
            assertTrue(s.path("article").asLong() > 0, s.toString());
            assertTrue(s.path("end").asInt() > s.path("start").asInt(), s.toString());
        }
        JsonNode speaker = story.path("speakers").get(0);
        assertEquals("Ida Strand", speaker.path("name").asText());
        assertTrue(speaker.path("statements").size() >= 2, speaker.toString());
        assertTrue(story.path("keyphrases").size() > 0);
        assertEquals(2, lastJson(cli(at, "stories", "show", String.valueOf(pier), "--json", "--sentences", "2"))
                .path("summary").size());
    }

    @Test
    void badStoryInputIsOneLine() {
        List<String> at = newLocation();
        CliRun missing = cli(at, "stories", "show", "999999");
        assertEquals(2, missing.exit());
        assertEquals(List.of("precis: 999999: no story with this id"), missing.errLines());
        assertEquals("", missing.out());
        CliRun word = cli(at, "stories", "show", "pier");
        assertEquals(2, word.exit());
        assertEquals(List.of("precis: pier: not a story id (a whole number)"), word.errLines());
        CliRun limit = cli(at, "stories", "list", "--limit", "0");
        assertEquals(2, limit.exit());
        assertEquals(1, limit.errLines().size(), limit.err());
        CliRun sentences = cli(at, "stories", "show", "1", "--sentences", "0");
        assertEquals(2, sentences.exit());
        assertEquals(1, sentences.errLines().size(), sentences.err());
        CliRun empty = cli(at, "stories", "list");
        assertEquals(0, empty.exit());
        assertEquals("no stories yet (ingest articles first)", empty.out().strip());
    }

    private static int count(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
