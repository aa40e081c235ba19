package dev.precis.store;

import dev.precis.article.Article;
import dev.precis.cli.CliRun;
import dev.precis.digest.Digest;
import dev.precis.fetch.TestWeb;
import dev.precis.text.PortableText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The store contract, run against every implementation on a real database: a SQLite file and
 * a PostgreSQL server.
 */
abstract class AbstractStoreTest {

    @TempDir
    Path tmp;

    Store store;

    /** Prepares a fresh, empty store location. */
    abstract void freshLocation();

    /** The command-line options naming that location. */
    abstract List<String> storeArgs();

    /**
     * Makes the store's disk fill up after a few hundred generated articles (or fewer); returns the
     * environment a {@code precis} child process needs for that.
     */
    abstract Map<String, String> diskFillsUp() throws Exception;

    Store open() {
        return Stores.open(argValue("--data"), argValue("--db"));
    }

    private String argValue(String name) {
        List<String> a = storeArgs();
        int i = a.indexOf(name);
        return i < 0 ? null : a.get(i + 1);
    }

    @BeforeEach
    void setUp() {
        freshLocation();
        store = open();
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    static CliRun cli(List<String> storeArgs, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(storeArgs);
        return CliRun.of(all);
    }

    @Test
    void storesArticleWithDigestAndReadsItBack() {
        List<AddOutcome> out = store.add(List.of(StoreFixtures.analyzed(StoreFixtures.PIER)));
        assertEquals(AddOutcome.Kind.ADDED, out.getFirst().kind());
        StoredArticle s = store.article(out.getFirst().id()).orElseThrow();
        Article a = s.article();
        assertEquals("https://gazette.example/pier", a.url(), "URL normalized: no tracking parameter, no fragment");
        assertEquals(StoreFixtures.PIER.title(), a.title());
        assertEquals(StoreFixtures.PIER.text(), a.text());
        assertEquals(List.of("Ana Moss"), a.byline());
        assertEquals("2024-05-02", a.published());
        Digest d = s.digest();
        Digest expected = StoreFixtures.analyzed(StoreFixtures.PIER).digest();
        assertEquals(3, d.summary().sentences().size());
        assertEquals(expected.summary().sentences(), d.summary().sentences());
        assertEquals(expected.summary().sentencesTotal(), d.summary().sentencesTotal());
        assertEquals(expected.fingerprint(), d.fingerprint());
        assertEquals(expected.keyphrases(), d.keyphrases());
        d.summary().sentences().forEach(ss -> assertEquals(ss.text(), a.text().substring(ss.start(), ss.end())));
        assertTrue(store.article(out.getFirst().id() + 1000).isEmpty());
    }

    @Test
    void textFromOutsideWithNulAndLoneSurrogatesIsStored() {
        // JSON escapes deliver any UTF-16 unit; PostgreSQL refuses NUL in text and failed the whole batch
        Article hostile = new Article("nul\u0000id", "https://nul.example/a", "Nul\u0000Post", "Pier\u0000 vote",
                List.of("Ida\u0000 Strand"), "2024-01-01", "en", null,
                "The council met on Tuesday.\u0000 It voted to rebuild the pier \ud800before winter. \"We will,\" said Ida Strand.");
        List<AddOutcome> out = store.add(List.of(StoreFixtures.analyzed(hostile), StoreFixtures.analyzed(StoreFixtures.ORCHID)));
        assertEquals(List.of(AddOutcome.Kind.ADDED, AddOutcome.Kind.ADDED), out.stream().map(AddOutcome::kind).toList());
        StoredArticle back = store.article(out.getFirst().id()).orElseThrow();
        assertEquals(PortableText.of(hostile.text()), back.article().text());
        assertEquals(hostile.text().length(), back.article().text().length(), "offsets into the text stay valid");
        assertEquals("Pier\ufffd vote", back.article().title());
        assertEquals(List.of("Ida\ufffd Strand"), back.article().byline());
        assertFalse(back.digest().statements().isEmpty());
    }

    @Test
    void sameUrlOrSameContentIsNeverStoredTwice() {
        AnalyzedArticle pier = StoreFixtures.analyzed(StoreFixtures.PIER);
        Article sameUrl = new Article(null, "HTTPS://Gazette.example:443/pier?utm_medium=x", null, "Other", List.of(), null, null, null,
                "Entirely different words about a pier.");
        Article sameText = new Article(null, "https://mirror.example/copy", null, null, List.of(), null, null, null,
                "  " + StoreFixtures.PIER.text().replace("\n\n", "\n").replace("winter.", "winter !") + "\n");
        List<AddOutcome> out = store.add(List.of(pier, StoreFixtures.analyzed(sameUrl), StoreFixtures.analyzed(sameText), pier));
        assertEquals(List.of(AddOutcome.Kind.ADDED, AddOutcome.Kind.DUPLICATE, AddOutcome.Kind.DUPLICATE, AddOutcome.Kind.DUPLICATE),
                out.stream().map(AddOutcome::kind).toList());
        long id = out.getFirst().id();
        assertTrue(out.get(1).reason().contains("same URL"), out.get(1).reason());
        assertTrue(out.get(2).reason().contains("same content"), out.get(2).reason());
        out.subList(1, 4).forEach(o -> assertEquals(id, o.id()));
        assertEquals(AddOutcome.Kind.DUPLICATE, store.add(List.of(pier)).getFirst().kind());
        assertEquals(1, store.stats().articles());
    }

    @Test
    void anIdTakenByOtherContentIsRejectedAndTheRestOfTheBatchStored() {
        Article clash = new Article("gz-1", "https://gazette.example/other", null, "Other", List.of(), null, null, null,
                "A different article that reuses the id of the pier story.");
        List<AddOutcome> out = store.add(List.of(StoreFixtures.analyzed(StoreFixtures.PIER), StoreFixtures.analyzed(clash),
                StoreFixtures.analyzed(StoreFixtures.ORCHID)));
        assertEquals(AddOutcome.Kind.REJECTED, out.get(1).kind());
        assertTrue(out.get(1).reason().startsWith("duplicate id 'gz-1'"), out.get(1).reason());
        assertEquals(AddOutcome.Kind.ADDED, out.get(2).kind());
        assertEquals(2, store.stats().articles());
    }

    private Map<String, Long> addAll() {
        List<AddOutcome> out = store.add(List.of(StoreFixtures.analyzed(StoreFixtures.PIER),
                StoreFixtures.analyzed(StoreFixtures.ORCHID), StoreFixtures.analyzed(StoreFixtures.FERRY)));
        Map<String, Long> ids = new HashMap<>();
        ids.put("pier", out.get(0).id());
        ids.put("orchid", out.get(1).id());
        ids.put("ferry", out.get(2).id());
        return ids;
    }

    /** Unrelated articles, so that BM25's document frequencies are those of a real collection. */
    private void addFiller() {
        List<AnalyzedArticle> filler = new ArrayList<>();
        String[] topics = {"A chess club in Arnsby won the regional cup after a long final.",
                "The museum in Lisk opened a hall of old maps and sea charts.",
                "Rail workers in Tamsford agreed a new timetable for the night trains.",
                "A baker in Orrin sold bread made from an heirloom wheat.",
                "The school board of Fenmoor planned a reading programme for the summer."};
        for (int i = 0; i < topics.length; i++) {
            filler.add(StoreFixtures.analyzed(new Article(null, "https://filler.example/" + i, "Filler", "Item " + i, List.of(),
                    "2023-01-0" + (i + 1), null, null, topics[i] + " Everyone agreed it went well.")));
        }
        store.add(filler);
    }

    private List<Long> search(String q) {
        return store.search(SearchQuery.parse(q), 10).stream().map(SearchHit::id).toList();
    }

    @Test
    void searchUnderstandsWordsPhrasesOperatorsPrefixesAndFilters() {
        Map<String, Long> id = addAll();
        addFiller();
        assertEquals(List.of(id.get("pier"), id.get("ferry")), search("pier"), "title and repeated matches rank first");
        assertEquals(List.of(id.get("pier")), search("\"stone pier\""));
        assertEquals(List.of(id.get("ferry")), search("pier fog"));
        assertEquals(List.of(id.get("ferry")), search("pier AND fog"));
        assertEquals(2, search("orchid OR fog").size());
        assertEquals(List.of(id.get("pier")), search("pier NOT fog"));
        assertEquals(List.of(id.get("pier")), search("pier -fog"));
        assertEquals(List.of(id.get("orchid")), search("orch*"));
        assertEquals(List.of(id.get("ferry")), search("pier source:\"velmar post\""));
        assertEquals(List.of(id.get("ferry")), search("harbour since:2024-06"));
        assertEquals(List.of(id.get("pier")), search("harbour until:2024-05-02"));
        assertEquals(List.of(), search("harbour until:2024-05-01"));
        assertEquals(java.util.Set.of(id.get("pier"), id.get("ferry")), java.util.Set.copyOf(search("(stone OR fog) pier")));
        assertEquals(List.of(id.get("pier")), search("(stone OR orchid) pier"));
        assertEquals(List.of(), search("zeppelin"));
        assertEquals(2, search("source:\"Velmar Post\"").size(), "filters alone list the matching articles");
    }

    @Test
    void wordsFarDownALongTextAreFoundWithFiltersAndPhrases() {
        Map<String, Long> id = addAll();
        long moor = store.add(List.of(StoreFixtures.analyzed(StoreFixtures.MOOR))).getFirst().id();
        addFiller();
        assertTrue(StoreFixtures.MOOR.text().indexOf("quillwort") > 600, "the word lies past the lead");
        assertEquals(List.of(moor), search("quillwort"));
        assertEquals(List.of(moor), search("\"upper tarn\""));
        assertEquals(List.of(moor), search("botanists quillwort"), "one word in the lead, one far down");
        assertEquals(List.of(moor), search("quill*"));
        assertEquals(List.of(moor), search("tarn source:\"moor weekly\" since:2024-07"));
        assertEquals(List.of(), search("tarn until:2024-06"));
        assertEquals(List.of(), search("tarn source:\"velmar post\""));
        assertEquals(List.of(), search("botanists -quillwort"), "an excluded word far down still excludes");
        assertEquals(java.util.Set.of(moor, id.get("pier")), java.util.Set.copyOf(search("quillwort OR \"stone pier\"")));
        SearchHit hit = store.search(SearchQuery.parse("quillwort"), 1).getFirst();
        assertTrue(hit.snippet("[", "]").contains("[quillwort]"), hit.snippet("[", "]"));
    }

    @Test
    void aTitleMatchRanksBeforeANewerMatchFarDownTheText() {
        Article older = new Article(null, "https://moor.example/quillwort", "Moor Weekly", "Quillwort returns to the moor",
                List.of(), "2024-07-01", "en", null, "A rare water plant has been seen again on the high moor after forty years.");
        long first = store.add(List.of(StoreFixtures.analyzed(older))).getFirst().id();
        long later = store.add(List.of(StoreFixtures.analyzed(StoreFixtures.MOOR))).getFirst().id();
        addFiller();
        assertEquals(List.of(first, later), search("quillwort"));
    }

    @Test
    void searchHighlightsTheMatchedWordsInASnippet() {
        addAll();
        SearchHit hit = store.search(SearchQuery.parse("orchid"), 1).getFirst();
        assertEquals("Orchid blooms after twelve years", hit.title());
        assertFalse(hit.highlights().isEmpty());
        int[] r = hit.highlights().getFirst();
        assertEquals("orchid", hit.snippet().substring(r[0], r[1]).toLowerCase());
        assertTrue(hit.snippet("[", "]").contains("[orchid]"), hit.snippet("[", "]"));
        assertTrue(hit.score() > 0);
    }

    @Test
    void hostileSearchTextIsJustASearch() {
        addAll();
        for (String q : List.of("'; DROP TABLE articles; --", "\" OR 1=1 --", "pier\" OR \"", "NEAR(pier fog)", "title:pier",
                "pier) OR (1", "a' & !b | c:* <->", "*", "\\", "pier'; DELETE FROM digests; --")) {
            try {
                store.search(SearchQuery.parse(q), 10);
            } catch (IllegalArgumentException e) {
                // refusing a query with nothing to look for is fine; a database error is not
            }
        }
        assertEquals(List.of(), search("'; DROP TABLE articles; --"));
        assertEquals(3, store.stats().articles());
        assertEquals(3, store.articles(10, 0).size());
        assertTrue(store.article(store.articles(1, 0).getFirst().id()).isPresent());
    }

    @Test
    void theDeepestAndLongestSearchesTheParserAllowsRun() {
        Map<String, Long> id = addAll();
        StringBuilder nested = new StringBuilder("pier");
        for (int level = 0; level < SearchQuery.MAX_NESTING; level++) {
            nested.insert(0, level % 2 == 0 ? "(stone OR " : "(harbour ").append(')');
        }
        assertEquals(java.util.Set.of(id.get("pier"), id.get("ferry")), java.util.Set.copyOf(search(nested.toString())));
        String mixed = "pier";
        for (int level = 0; level < 5; level++) { // rendered fifteen deep, the most a query can get
            mixed = "(orchid OR harbour -zeppelin" + level + " " + mixed + ")";
        }
        assertEquals(java.util.Set.of(id.get("pier"), id.get("ferry"), id.get("orchid")), java.util.Set.copyOf(search(mixed)));
        StringBuilder exclusions = new StringBuilder("pier");
        StringBuilder alternatives = new StringBuilder("pier");
        for (int i = 0; i < 300; i++) {
            exclusions.append(" -word").append(i);
            alternatives.append(" OR word").append(i);
        }
        assertEquals(java.util.Set.of(id.get("pier"), id.get("ferry")), java.util.Set.copyOf(search(exclusions.toString())));
        assertEquals(java.util.Set.of(id.get("pier"), id.get("ferry")), java.util.Set.copyOf(search(alternatives.toString())));
        assertEquals(List.of(id.get("pier")), search(exclusions + " -fog"));
    }

    @Test
    void statementsAreQueryableBySpeaker() {
        AnalyzedArticle base = StoreFixtures.analyzed(StoreFixtures.PIER);
        String text = StoreFixtures.PIER.text();
        int start = text.indexOf("Mayor Ida Strand");
        Digest withStatements = new Digest(base.digest().summary(),
                List.of(new Digest.Statement("Ida Strand", "indirect", start, text.indexOf("October.") + 8,
                        text.substring(start, text.indexOf("October.") + 8))),
                base.digest().fingerprint(), base.digest().keyphrases());
        long id = store.add(List.of(new AnalyzedArticle(base.article(), withStatements, base.contentHash()))).getFirst().id();
        List<StatementRow> rows = store.statementsBy("ida strand", 10);
        assertEquals(1, rows.size());
        assertEquals(id, rows.getFirst().articleId());
        assertEquals("Ida Strand", rows.getFirst().speaker());
        assertTrue(rows.getFirst().text().endsWith("October."));
        assertEquals(withStatements.statements(), store.article(id).orElseThrow().digest().statements());
        assertEquals(1, store.stats().statements());
        assertEquals(List.of(), store.statementsBy("Nobody", 10));
    }

    @Test
    void statsCountAndDataSurvivesReopening() {
        addAll();
        StoreStats s = store.stats();
        assertEquals(3, s.articles());
        assertEquals(0, s.stories());
        assertEquals(0, s.feeds());
        assertTrue(s.bytes() > 0 && s.bytesPerArticle() > 0);
        store.close();
        store = open();
        assertEquals(3, store.stats().articles());
        assertEquals(List.of("Fog delays island ferry", "Orchid blooms after twelve years", "Harbour pier to be rebuilt"),
                store.articles(10, 0).stream().map(ArticleRow::title).toList());
        assertEquals(1, store.articles(1, 2).size());
    }

    @Test
    void ingestReportsBrokenLinesContinuesAndIsIdempotent() throws Exception {
        Path jsonl = tmp.resolve("in.jsonl");
        Files.writeString(jsonl, String.join("\n",
                "{\"id\":\"x1\",\"title\":\"Pier vote\",\"source\":\"Gazette\",\"date\":\"2024-05-02\",\"text\":\"" + StoreFixtures.PIER.text().replace("\n", "\\n") + "\"}",
                "{\"title\": \"cut off",
                "[1, 2]",
                "{\"url\":\"https://post.example/raw\",\"html\":\"<html><head><title>Raw page</title></head><body><p>The orchid garden will stay open late on Friday.</p></body></html>\"}",
                "{\"title\":\"No body\"}",
                "{\"id\":\"x1\",\"text\":\"Another article reusing an id that is already taken here.\"}",
                "tru\u001bc", // ESC c resets a terminal; the error line quotes the token
                "") + "\n");
        Path txt = tmp.resolve("dir/sub/ferry.txt");
        Files.createDirectories(txt.getParent());
        Files.writeString(txt, "Fog delays island ferry\n\n" + StoreFixtures.FERRY.text());
        Files.write(tmp.resolve("dir/bad.txt"), new byte[]{'a', 'b', (byte) 0xC3, (byte) 0x28, 'c'});
        CliRun first = cli(storeArgs(), "ingest", jsonl.toString(), tmp.resolve("dir").toString(), tmp.resolve("missing.txt").toString(),
                "http://127.0.0.1:9/page", "--json");
        assertEquals(2, first.exit(), first.out() + first.err());
        List<String> errs = first.errLines();
        assertTrue(errs.stream().anyMatch(l -> l.startsWith("precis: " + jsonl + ":2: broken JSON")), first.err());
        assertTrue(errs.stream().anyMatch(l -> l.startsWith("precis: " + jsonl + ":3: is not a JSON object")), first.err());
        assertTrue(errs.stream().anyMatch(l -> l.startsWith("precis: " + jsonl + ":5: has neither")), first.err());
        assertTrue(errs.stream().anyMatch(l -> l.startsWith("precis: " + jsonl + ":6: duplicate id 'x1'")), first.err());
        assertTrue(errs.stream().anyMatch(l -> l.contains("bad.txt: is not valid UTF-8")), first.err());
        assertTrue(errs.stream().anyMatch(l -> l.contains("missing.txt: no such file")), first.err());
        assertTrue(errs.stream().anyMatch(l -> l.contains("http://127.0.0.1:9/page: ") && l.contains("private")), first.err());
        assertTrue(errs.stream().anyMatch(l -> l.startsWith("precis: " + jsonl + ":7: broken JSON") && l.contains("tru\\u001bc")),
                first.err());
        assertTrue(errs.stream().allMatch(l -> l.startsWith("precis: ")), "one line per problem, no stack traces: " + first.err());
        assertFalse(first.err().chars().anyMatch(c -> Character.isISOControl(c) && c != '\n'), "no control characters: " + first.err());
        assertTrue(first.out().strip().endsWith("}"));
        assertTrue(first.out().contains("\"added\":3,\"duplicates\":0,\"failed\":8"), first.out());
        CliRun again = cli(storeArgs(), "ingest", jsonl.toString(), tmp.resolve("dir").toString(), "--json");
        assertTrue(again.out().contains("\"added\":0,\"duplicates\":3"), again.out());
        CliRun stats = cli(storeArgs(), "stats", "--json");
        assertEquals(0, stats.exit(), stats.err());
        String last = stats.out().strip().lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(last.contains("\"articles\":3,\"stories\":3,\"feeds\":0,\"statements\":2"), "grouped as stored: " + last);
        CliRun found = cli(storeArgs(), "search", "orchid", "--json");
        assertTrue(found.out().contains("\"title\":\"Raw page\""), found.out());
        CliRun hostile = cli(storeArgs(), "search", "'; DROP TABLE articles; --");
        assertEquals(0, hostile.exit(), hostile.err());
        assertTrue(cli(storeArgs(), "articles", "list").out().contains("Pier vote"));
        CliRun show = cli(storeArgs(), "articles", "show", "999999");
        assertNotEquals(0, show.exit());
        assertEquals(List.of("precis: 999999: no article with this id"), show.errLines());
    }

    /**
     * A child process ingests thousands of articles and is killed with SIGKILL mid-way; every
     * article it reported committed is there with its digest, and re-running completes the rest
     * without duplicates.
     */
    @Test
    void killedIngestLosesNothingCommittedAndCanBeRerun() throws Exception {
        int n = 4000;
        Path jsonl = StoreFixtures.generatedJsonl(tmp, n);
        Process child = precis(Map.of(), "ingest", jsonl.toString(), "--verbose", "--batch", "40", "--threads", "2");
        Map<Long, String> committed = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; committed.size() < 300 && (line = r.readLine()) != null; ) {
                if (line.startsWith("added ")) {
                    String[] p = line.split(" ", 3);
                    committed.put(Long.parseLong(p[1]), p[2]);
                }
            }
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        assertEquals(137, child.exitValue(), "killed by SIGKILL, not finished");
        assertTrue(committed.size() >= 300, "child reported " + committed.size() + " commits");
        store.close();
        store = open();
        long present = store.stats().articles();
        assertTrue(present >= committed.size() && present < n, "present after kill: " + present);
        for (Map.Entry<Long, String> e : committed.entrySet()) {
            StoredArticle s = store.article(e.getKey()).orElseThrow(() -> new AssertionError("committed article " + e + " missing"));
            int line = Integer.parseInt(e.getValue().substring(e.getValue().lastIndexOf(':') + 1));
            assertEquals("https://gen.example/a/" + (line - 1), s.article().url());
            assertEquals(3, s.digest().summary().sentences().size());
        }
        CliRun rerun = cli(storeArgs(), "ingest", jsonl.toString(), "--json");
        assertEquals(0, rerun.exit(), rerun.err());
        assertTrue(rerun.out().contains("\"added\":" + (n - present) + ",\"duplicates\":" + present + ",\"failed\":0"), rerun.out());
        assertEquals(n, store.stats().articles());
        assertEquals(n, store.search(SearchQuery.parse("source:\"gen daily\""), n + 10).size());
    }

    /** Starts {@code precis args... storeArgs} as a child process with extra environment; stderr is discarded. */
    Process precis(Map<String, String> env, String... args) throws IOException {
        return precisBuilder(env, args).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private ProcessBuilder precisBuilder(Map<String, String> env, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), "dev.precis.cli.Main"));
        cmd.addAll(List.of(args));
        cmd.addAll(storeArgs());
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env);
        return pb;
    }

    /** Every stored article has its digest, and its statement rows are the digest's statements. */
    private List<StoredArticle> assertEveryArticleComplete() {
        long count = store.stats().articles();
        List<StoredArticle> all = new ArrayList<>();
        for (ArticleRow row : store.articles((int) count + 10, 0)) {
            all.add(store.article(row.id()).orElseThrow(() -> new AssertionError("article " + row.id() + " has no digest")));
        }
        assertEquals(count, all.size());
        long digestStatements = all.stream().mapToLong(a -> a.digest().statements().size()).sum();
        assertEquals(digestStatements, store.stats().statements(), "statement rows match the digests' statements");
        return all;
    }

    /**
     * The store fills up during an ingest (SQLite: its size limit, which SQLite enforces exactly as a
     * full disk, SQLITE_FULL; PostgreSQL: the server's own disk_full error for a digest row): the
     * ingest stops with one line naming the store and the full disk, exits 2, and the store reopens
     * with every article complete and the failed batch absent.
     */
    @Test
    void aFullDiskStopsTheIngestWithOneLineAndLeavesTheStoreConsistent() throws Exception {
        int n = 3000;
        Path jsonl = StoreFixtures.generatedJsonl(tmp, n);
        String describe = store.describe();
        Map<String, String> env = diskFillsUp();
        store.close();
        Process child = precisBuilder(env, "ingest", jsonl.toString(), "--batch", "50", "--threads", "2").start();
        child.getOutputStream().close();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(120, TimeUnit.SECONDS));
        assertEquals(2, child.exitValue(), out + err);
        // progress lines ("precis: ingest: 300/3000 done, …") may come first on a slow machine
        List<String> lines = err.lines().filter(l -> !l.isBlank() && !l.matches("precis: ingest: \\d+/\\d+ done.*")).toList();
        assertEquals(1, lines.size(), err);
        String line = lines.getFirst();
        assertTrue(line.startsWith("precis: " + describe + ": disk full: cannot store articles"), line);
        assertTrue(line.matches(".*ingest stopped: this batch of \\d+ articles was not stored, the \\d+ added before it are kept.*"), line);
        store = open();
        long present = store.stats().articles();
        assertTrue(present > 0 && present < n, "present after the disk filled up: " + present);
        assertEveryArticleComplete();
        assertEquals(present, store.search(SearchQuery.parse("source:\"gen daily\""), n).size(), "search index matches the rows");
    }

    /**
     * A child process polls many feeds from a real local server and is killed with SIGKILL mid-way;
     * every article in the store is complete (article, digest, statements and its feed link), and a
     * second poll stores the rest, each entry exactly once.
     */
    @Test
    void killedPollLosesNothingCommittedAndCanBeRerun() throws Exception {
        int feeds = 40;
        int entries = 25;
        try (TestWeb web = TestWeb.start()) {
            for (int f = 0; f < feeds; f++) {
                web.page("/feed/" + f + ".xml", "application/rss+xml", StoreFixtures.rss(f, entries, "https://news" + f + ".example"));
                store.addFeed(web.url("/feed/" + f + ".xml"), null, null);
            }
            Process child = precis(Map.of(), "poll", "--all", "--delay", "0", "--allow-private-hosts");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (store.stats().articles() < 100 && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            assertEquals(137, child.exitValue(), "killed by SIGKILL, not finished");
            store.close();
            store = open();
            long present = store.stats().articles();
            assertTrue(present >= 100 && present < (long) feeds * entries, "present after kill: " + present);
            for (StoredArticle a : assertEveryArticleComplete()) {
                assertEquals(1, store.feedsOfArticle(a.id()).size(), "article " + a.id() + " is linked to its feed");
                assertEquals(1, a.digest().statements().size(), "article " + a.id() + " keeps its quote");
            }
            assertEquals(present, store.statementsBy(StoreFixtures.SPEAKER, (int) present + 10).size());

            CliRun again = cli(storeArgs(), "poll", "--all", "--delay", "0", "--allow-private-hosts", "--json");
            assertEquals(0, again.exit(), again.out() + again.err());
            assertTrue(again.out().strip().lines().reduce((a, b) -> b).orElseThrow()
                    .contains("\"added\":" + ((long) feeds * entries - present)), again.out());
            assertEquals((long) feeds * entries, store.stats().articles(), "each entry stored once");
            assertEveryArticleComplete();
            for (FeedRecord f : store.feeds()) {
                assertEquals(entries, store.feedEntryIds(f.id()).size(), f.url());
                assertEquals(entries, f.articleCount(), f.url());
            }
        }
    }
}
