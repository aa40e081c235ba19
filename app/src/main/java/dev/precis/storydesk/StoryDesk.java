package dev.precis.storydesk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.precis.article.Article;
import dev.precis.store.AddOutcome;
import dev.precis.store.AnalyzedArticle;
import dev.precis.store.ArticleRow;
import dev.precis.store.GroupingRow;
import dev.precis.store.Store;
import dev.precis.store.StoryChanges;
import dev.precis.store.StoryConflictException;
import dev.precis.store.StoryGroupingState;
import dev.precis.store.StoryRow;
import dev.precis.stories.ArticleFeatures;
import dev.precis.stories.Meaning;
import dev.precis.stories.Fingerprint;
import dev.precis.stories.Keyphrases;
import dev.precis.stories.StoryAssignment;
import dev.precis.stories.StoryGrouper;
import dev.precis.stories.StoryMatch;
import dev.precis.stories.StoryMerge;
import dev.precis.stories.StoryMove;
import dev.precis.stories.Regrouping;
import dev.precis.text.Doc;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Supplier;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps a store's stories in step with its articles: every newly stored article is assigned
 * online to a story by the core {@link StoryGrouper}, and each grouping step (memberships,
 * merges, near-duplicates, labels, keyphrases, related stories) is written in one transaction.
 *
 * <p><b>Order.</b> Articles are grouped one at a time in the order they were stored, so the
 * grouping is deterministic: the same articles stored in the same order give the same stories
 * with the same ids. Callers hand over articles in store order ({@link #group}), or let the desk
 * store and group a batch under one lock ({@link #add}).
 *
 * <p><b>Regroups.</b> When the grouper says a {@link StoryGrouper#regroup()} is due, it runs inside the
 * step: members it moves are written as moves (or, when assigned in the same step, stored in their
 * new story at once), the stories involved are built again here from their members (near-duplicates
 * found afresh), and stories left empty point at the story that took most of their members.
 *
 * <p><b>Restart.</b> The grouper lives in memory; {@link #load} rebuilds it from the store: the
 * members of the stories still inside the grouper's time window (latest member within
 * {@link StoryGrouper.Options#windowDays} of the latest of all) are replayed in the order they were
 * assigned, with their text analyzed on several threads and the replay itself serial. Their
 * {@link Meaning} vectors are read from the store, where each membership keeps its article's; a
 * member stored before vectors were kept is encoded once and its vector stored then. Then every
 * stored article without a story (stored by an older version, by {@code ingest --no-stories}, or
 * left behind by a crash between its two transactions) is grouped, in id order. Loading happens at
 * the first use unless asked for earlier.
 *
 * <p><b>Several processes.</b> Each grouping step is saved against the stored grouping version;
 * when another process grouped meanwhile the step is refused and the desk reloads from the store
 * (where its articles are then grouped as part of the catch-up), so two processes never overwrite
 * each other's stories.
 *
 * <p>Near-duplicates (the same article syndicated or re-posted) are found within a story by
 * their MinHash {@link Fingerprint}s and marked with the member they copy, so readers show them
 * once with all their sources. Thread-safe: steps are serialized.
 */
public final class StoryDesk {

    /** Related stories kept per story. */
    public static final int RELATED = 4;
    /** Keyphrases kept per story. */
    public static final int KEYPHRASES = 8;
    /** Keyphrases kept per member article, from which the story's are summed. */
    static final int ARTICLE_KEYPHRASES = 8;
    /** Articles per page read back and per grouping step when catching up or regrouping. */
    static final int PAGE = 500;
    private static final int ATTEMPTS = 5;
    private static final int PRUNE_EVERY = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What a load did.
     *
     * @param restored  members replayed into live stories
     * @param stories   live stories restored
     * @param caughtUp  articles without a story that were grouped
     * @param seconds   wall time of the load
     */
    public record Loaded(int restored, int stories, int caughtUp, double seconds) {
    }

    /**
     * What a regrouping from scratch did.
     *
     * @param articles   articles grouped
     * @param stories    stories now
     * @param merges     merges made along the way
     * @param duplicates articles that are near-duplicates of another member
     * @param seconds    wall time
     */
    public record Rebuilt(int articles, int stories, int merges, int duplicates, double seconds) {
    }

    private final Store store;
    private final StoryGrouper.Options options;
    private final int threads;
    private final Map<Long, LiveStory> live = new HashMap<>();
    /** A lock rather than monitors, so that virtual threads (feed polling) waiting here do not pin their carriers. */
    private final ReentrantLock lock = new ReentrantLock();
    private StoryGrouper grouper;
    private long version;
    private long position;
    private LocalDate clock;
    private int sincePrune;
    private Loaded loaded;

    /** A desk over {@code store} with the default grouping, analyzing on every core; it loads at first use. */
    public StoryDesk(Store store) {
        this(store, StoryGrouper.Options.defaults(), Runtime.getRuntime().availableProcessors());
    }

    /** A desk with the given grouping options and analysis threads (for loading); it loads at first use. */
    public StoryDesk(Store store, StoryGrouper.Options options, int threads) {
        this.store = store;
        this.options = options;
        this.threads = Math.max(1, threads);
    }

    /** The store this desk keeps. */
    public Store store() {
        return store;
    }

    /** What the last load did, or {@code null} before the first. */
    public Loaded loaded() {
        lock.lock();
        try {
            return loaded;
        } finally {
            lock.unlock();
        }
    }

    /**
     * (Re)builds the grouping from the store now: replays the live stories of the window, then
     * groups stored articles that have none.
     */
    public Loaded load() {
        return retrying(() -> loaded = loadOnce());
    }

    /**
     * Runs grouping work under this desk's lock; when another process grouped meanwhile, reloads
     * and tries again. After any failure the in-memory grouping is dropped (reloaded at next use).
     */
    private <T> T retrying(java.util.function.Supplier<T> work) {
        lock.lock();
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    return work.get();
                } catch (StoryConflictException e) {
                    grouper = null;
                    if (attempt == ATTEMPTS) {
                        throw e;
                    }
                } catch (RuntimeException e) {
                    grouper = null;
                    throw e;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stores a batch ({@link Store#add}) and groups the articles that were added, in one step
     * under this desk's lock, so concurrent callers (feeds polled side by side) still group in
     * store order. A grouping failure leaves the articles stored without a story (the next load
     * groups them) and is reported on standard error; the outcomes are returned either way. A desk
     * that has not loaded yet loads before storing, so the batch is not caught up by the load and
     * then grouped (and encoded) again.
     *
     * @param inputs one input per article of {@code batch}, in the same order
     */
    public List<AddOutcome> add(List<AnalyzedArticle> batch, List<StoryInput> inputs) {
        return add(batch.size(), inputs, () -> store.add(batch));
    }

    /**
     * Like {@link #add}, for a feed's entries: the articles are stored and linked to the feed in
     * one transaction ({@link Store#addFromFeed}), then grouped.
     */
    public List<AddOutcome> addFromFeed(long feedId, List<AnalyzedArticle> batch, List<String> entryIds,
                                        List<StoryInput> inputs) {
        return add(batch.size(), inputs, () -> store.addFromFeed(feedId, batch, entryIds));
    }

    private List<AddOutcome> add(int size, List<StoryInput> inputs, Supplier<List<AddOutcome>> storing) {
        if (size != inputs.size()) {
            throw new IllegalArgumentException("one story input per article");
        }
        lock.lock();
        try {
            if (grouper == null) {
                try {
                    load();
                } catch (RuntimeException e) {
                    // stored all the same; grouping reports the failure below, or the next load groups them
                }
            }
            List<AddOutcome> outcomes = storing.get();
            List<StoryInput> added = new ArrayList<>();
            for (int i = 0; i < outcomes.size(); i++) {
                if (outcomes.get(i).kind() == AddOutcome.Kind.ADDED) {
                    added.add(inputs.get(i).stored(outcomes.get(i).id()));
                }
            }
            try {
                group(added);
            } catch (RuntimeException e) {
                System.err.println("precis: grouping stories failed; they are grouped at the next start: " + e.getMessage());
            }
            return outcomes;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Groups articles just stored, in the order given (their store order). Articles that already
     * have a story (grouped by a catch-up) are skipped.
     */
    public void group(List<StoryInput> stored) {
        if (stored.isEmpty()) {
            return;
        }
        retrying(() -> {
            if (grouper == null) {
                loaded = loadOnce();
            }
            Set<Long> done = store.groupedAmong(stored.stream().map(StoryInput::articleId).toList());
            List<StoryInput> todo = stored.stream().filter(s -> !done.contains(s.articleId())).toList();
            if (!todo.isEmpty()) {
                save(step(todo));
            }
            return null;
        });
    }

    /**
     * Regroups every stored article from scratch, in date order (publication day, else the day it
     * was stored; then store order), and replaces all stories in one transaction: readers see the
     * old stories until the new ones are complete, and an interrupted rebuild changes nothing.
     * Every article is encoded afresh (stored meaning vectors are not read), so a rebuild also
     * renews the vectors kept with the memberships.
     *
     * @throws StoryConflictException when another process grouped articles meanwhile
     */
    public static Rebuilt rebuild(Store store, StoryGrouper.Options options, int threads) {
        long t0 = System.nanoTime();
        StoryGroupingState state = store.storyGrouping();
        List<ArticleRow> rows = new ArrayList<>(store.allArticles());
        Map<Long, LocalDate> days = new HashMap<>();
        rows.forEach(r -> days.put(r.id(), day(r.published(), r.addedAt())));
        rows.sort(Comparator.comparing((ArticleRow r) -> days.get(r.id())).thenComparingLong(ArticleRow::id));
        List<Long> order = rows.stream().map(ArticleRow::id).toList();

        StoryDesk desk = new StoryDesk(store, options, threads);
        desk.grouper = new StoryGrouper(options);
        Map<Long, StoryRow> stories = new LinkedHashMap<>();
        Map<Long, StoryChanges.Membership> members = new LinkedHashMap<>();
        List<StoryInput> chunk = new ArrayList<>();
        Runnable flush = () -> {
            StoryChanges c = desk.step(chunk);
            chunk.clear();
            c.stories().forEach(s -> stories.put(s.id(), s));
            c.memberships().forEach(m -> members.put(m.articleId(), m));
            c.moves().forEach(v -> members.computeIfPresent(v.articleId(), (k, m) -> m.withStory(v.storyId())));
            c.duplicates().forEach(d -> members.computeIfPresent(d.articleId(), (k, m) -> m.withDuplicateOf(d.duplicateOf())));
        };
        int[] next = {0};
        try (OrderedAnalysis analysis = new OrderedAnalysis(threads, 2 * PAGE)) {
            analysis.run(() -> {
                List<Long> ids = order.subList(next[0], Math.min(order.size(), next[0] + PAGE));
                next[0] += ids.size();
                return ids.isEmpty() ? List.of() : store.groupingRows(ids);
            }, StoryDesk::analyze, input -> {
                chunk.add(input);
                if (chunk.size() == PAGE) {
                    flush.run();
                }
            });
        }
        if (!chunk.isEmpty()) {
            flush.run();
        }
        StoryGrouper g = desk.grouper;
        List<StoryRow> finalStories = new ArrayList<>();
        int merged = 0;
        for (StoryRow s : stories.values()) {
            long into = g.resolve(s.id());
            if (into != s.id()) {
                merged++;
                s = new StoryRow(s.id(), s.label(), s.keyphrases(), 0, s.firstSeen(), s.lastSeen(), into, List.of(), 0);
            }
            finalStories.add(s);
        }
        List<StoryChanges.Membership> finalMembers = new ArrayList<>(members.size());
        int duplicates = 0;
        for (StoryChanges.Membership m : members.values()) {
            finalMembers.add(m.withStory(g.resolve(m.storyId())));
            duplicates += m.duplicateOf() == null ? 0 : 1;
        }
        store.replaceStories(new StoryChanges(finalStories, finalMembers, List.of(), List.of(), desk.position), state.version());
        return new Rebuilt(finalMembers.size(), finalStories.size() - merged, merged, duplicates,
                (System.nanoTime() - t0) / 1e9);
    }

    private Loaded loadOnce() {
        long t0 = System.nanoTime();
        grouper = new StoryGrouper(options);
        live.clear();
        clock = null;
        StoryGroupingState state = store.storyGrouping();
        version = state.version();
        position = state.position();
        grouper.reserveIds(state.maxStoryId());
        int restored = 0;
        if (state.latestSeen() != null) {
            LocalDate latest = ArticleFeatures.day(state.latestSeen());
            String since = latest == null ? "" : latest.minusDays(options.windowDays() + 1L).toString();
            long[] cursor = {-1, -1};
            int[] count = {0};
            Map<Long, float[]> encoded = new HashMap<>();
            try (OrderedAnalysis analysis = new OrderedAnalysis(threads, 2 * PAGE)) {
                analysis.run(() -> {
                    List<GroupingRow> page = store.storyWindow(since, cursor[0], cursor[1], PAGE);
                    if (!page.isEmpty()) {
                        cursor[0] = page.getLast().position();
                        cursor[1] = page.getLast().articleId();
                    }
                    return page;
                }, StoryDesk::restoring, r -> {
                    restore(r);
                    count[0]++;
                    if (r.row().meaning() == null && r.meaning() != null) {
                        encoded.put(r.row().articleId(), r.meaning());
                        if (encoded.size() == PAGE) {
                            store.fillMeanings(encoded);
                            encoded.clear();
                        }
                    }
                });
            }
            store.fillMeanings(encoded);
            restored = count[0];
        }
        int stories = live.size();
        int caughtUp = catchUp();
        return new Loaded(restored, stories, caughtUp, (System.nanoTime() - t0) / 1e9);
    }

    private void restore(Restored r) {
        GroupingRow row = r.row();
        Article a = row.article();
        LocalDate day = day(a.published(), row.addedAt());
        grouper.restoreMember(row.storyId(), row.articleId(),
                new ArticleFeatures(a.title(), a.text(), day, a.source(), a.url(), r.doc(), r.meaning()));
        live.computeIfAbsent(row.storyId(), LiveStory::new).add(row.articleId(), row.duplicateOf(), r.fingerprint(),
                keyphrases(row.keyphrases()), time(a, row.addedAt()), day);
        tick(day);
    }

    /** Groups every stored article that has no story yet, in id order; returns how many. */
    private int catchUp() {
        long[] after = {0};
        int[] count = {0};
        List<StoryInput> chunk = new ArrayList<>();
        try (OrderedAnalysis analysis = new OrderedAnalysis(threads, 2 * PAGE)) {
            analysis.run(() -> {
                List<GroupingRow> page = store.ungroupedArticles(after[0], PAGE);
                if (!page.isEmpty()) {
                    after[0] = page.getLast().articleId();
                }
                return page;
            }, StoryDesk::analyze, input -> {
                chunk.add(input);
                count[0]++;
                if (chunk.size() == PAGE) {
                    save(step(chunk));
                    chunk.clear();
                }
            });
        }
        if (!chunk.isEmpty()) {
            save(step(chunk));
        }
        return count[0];
    }

    private void save(StoryChanges changes) {
        version = store.saveStories(changes, version);
    }

    /** A stored article analyzed for grouping. */
    private static StoryInput analyze(GroupingRow row) {
        return StoryInput.of(row.articleId(), row.article(), row.addedAt(), Doc.of(row.article().text()));
    }

    /**
     * A member replayed at a restart: its keyphrases and (when it was stored with one) its meaning
     * are stored, so only the text analysis and the fingerprint are computed again, and the meaning
     * of a member stored without one.
     */
    private static Restored restoring(GroupingRow row) {
        Doc doc = Doc.of(row.article().text());
        float[] meaning = row.meaning() != null ? row.meaning() : Meaning.of(row.article().title(), row.article().text());
        return new Restored(row, doc, Fingerprint.of(doc), meaning);
    }

    private record Restored(GroupingRow row, Doc doc, Fingerprint fingerprint, float[] meaning) {
    }

    /** Assigns the articles in order and collects what the step changes; nothing is written here. */
    private StoryChanges step(List<StoryInput> articles) {
        Map<Long, StoryChanges.Membership> pending = new LinkedHashMap<>();
        Set<Long> touched = new LinkedHashSet<>();
        Map<Long, StoryRow> mergedAway = new LinkedHashMap<>();
        Map<Long, Long> duplicates = new LinkedHashMap<>();
        Map<Long, Long> moved = new LinkedHashMap<>();
        for (StoryInput in : articles) {
            LocalDate day = day(in);
            StoryAssignment a = grouper.assign(in.articleId(), features(in, day));
            List<Keyphrases.Keyphrase> kp = in.keyphrases().best(ARTICLE_KEYPHRASES, grouper::idf);
            LiveStory story = live.computeIfAbsent(a.storyId(), LiveStory::new);
            Long dup = story.duplicateOf(in.fingerprint());
            story.add(in.articleId(), dup, in.fingerprint(), kp, time(in), day);
            pending.put(in.articleId(), new StoryChanges.Membership(a.storyId(), in.articleId(), a.similarity(), ++position,
                    dup, json(kp), in.meaning()));
            touched.add(a.storyId());
            tick(day);
            for (StoryMerge m : grouper.pollMerges()) {
                LiveStory from = live.remove(m.from());
                LiveStory into = live.computeIfAbsent(m.into(), LiveStory::new);
                String first = from != null ? from.first() : into.first();
                String last = from != null ? from.last() : into.last();
                if (from != null) {
                    duplicates.putAll(into.absorb(from));
                }
                mergedAway.put(m.from(), mergedRow(m.from(), first, last, m.into()));
                touched.add(m.into());
            }
            if (grouper.regroupDue()) {
                regrouped(grouper.regroup(), pending, moved, touched, mergedAway, duplicates);
            }
        }
        List<StoryChanges.Move> moves = new ArrayList<>();
        moved.forEach((article, story) -> moves.add(new StoryChanges.Move(article, grouper.resolve(story))));
        List<StoryChanges.Duplicate> storedDuplicates = new ArrayList<>();
        duplicates.forEach((article, canonical) -> {
            if (pending.computeIfPresent(article, (k, m) -> m.withDuplicateOf(canonical)) == null) {
                storedDuplicates.add(new StoryChanges.Duplicate(article, canonical));
            }
        });
        List<StoryRow> rows = new ArrayList<>();
        for (long id : touched) {
            LiveStory s = live.get(id);
            if (grouper.resolve(id) == id && s != null) {
                rows.add(new StoryRow(id, label(id), s.keyphrases(KEYPHRASES), s.size(), s.first(), s.last(), null,
                        related(id), 0));
            }
        }
        mergedAway.values().forEach(r -> rows.add(mergedRow(r.id(), r.firstSeen(), r.lastSeen(), grouper.resolve(r.id()))));
        List<StoryChanges.Membership> memberships = new ArrayList<>(pending.size());
        for (StoryChanges.Membership m : pending.values()) {
            memberships.add(m.withStory(grouper.resolve(m.storyId())));
        }
        if ((sincePrune += articles.size()) >= PRUNE_EVERY) {
            sincePrune = 0;
            prune();
        }
        return new StoryChanges(rows, memberships, moves, storedDuplicates, position);
    }

    /**
     * Carries a regroup over to this step: moved members that were assigned in this step change
     * their pending membership, stored ones are recorded as moves; the stories involved are built
     * again from their members (near-duplicates found afresh, changes recorded), and retired stories
     * point at the story that took most of their members.
     */
    private void regrouped(Regrouping r, Map<Long, StoryChanges.Membership> pending, Map<Long, Long> moved,
                           Set<Long> touched, Map<Long, StoryRow> mergedAway, Map<Long, Long> duplicates) {
        if (r.moves().isEmpty()) {
            return;
        }
        Map<Long, Long> to = new HashMap<>();
        Set<Long> involved = new LinkedHashSet<>();
        for (StoryMove m : r.moves()) {
            to.put(m.key(), m.to());
            involved.add(m.from());
            involved.add(m.to());
            if (pending.computeIfPresent(m.key(), (k, p) -> p.withStory(m.to())) == null) {
                moved.put(m.key(), m.to());
            }
        }
        Map<Long, LiveStory> before = new LinkedHashMap<>();
        for (long id : involved) {
            LiveStory s = live.remove(id);
            if (s != null) {
                before.put(id, s);
            }
        }
        for (Map.Entry<Long, LiveStory> e : before.entrySet()) {
            for (LiveStory.Member m : e.getValue().members()) {
                long story = to.getOrDefault(m.articleId(), e.getKey());
                Long dup = live.computeIfAbsent(story, LiveStory::new).readd(m);
                if (!Objects.equals(dup, m.duplicateOf())) {
                    duplicates.put(m.articleId(), dup);
                }
            }
        }
        for (StoryMerge m : r.retired()) {
            LiveStory old = before.get(m.from());
            String first = old != null ? old.first() : null;
            String last = old != null ? old.last() : null;
            mergedAway.put(m.from(), mergedRow(m.from(), first, last, m.into()));
            touched.remove(m.from());
        }
        involved.stream().filter(live::containsKey).forEach(touched::add);
    }

    /** The row of a story merged away (or retired by a regroup) into {@code into}: no members of its own. */
    private static StoryRow mergedRow(long id, String first, String last, long into) {
        return new StoryRow(id, null, List.of(), 0, first, last, into, List.of(), 0);
    }

    private String label(long storyId) {
        String label = grouper.label(storyId);
        return label == null || label.isBlank() ? null : label;
    }

    private List<Long> related(long storyId) {
        List<Long> out = new ArrayList<>();
        for (StoryMatch m : grouper.related(storyId, RELATED)) {
            long id = grouper.resolve(m.storyId());
            if (id != storyId && !out.contains(id)) {
                out.add(id);
            }
        }
        return out;
    }

    /** Forgets stories whose latest member left the window: the grouper no longer offers them. */
    private void prune() {
        if (clock == null) {
            return;
        }
        LocalDate cut = clock.minusDays(options.windowDays() + 2L);
        for (Iterator<LiveStory> it = live.values().iterator(); it.hasNext(); ) {
            LiveStory s = it.next();
            if (s.lastDay() != null && s.lastDay().isBefore(cut)) {
                it.remove();
            }
        }
    }

    private void tick(LocalDate day) {
        if (clock == null || day.isAfter(clock)) {
            clock = day;
        }
    }

    private static ArticleFeatures features(StoryInput in, LocalDate day) {
        Article a = in.article();
        return new ArticleFeatures(a.title(), a.text(), day, a.source(), a.url(), in.doc(), in.meaning());
    }

    private static LocalDate day(StoryInput in) {
        return day(in.article().published(), in.addedAt());
    }

    /**
     * The day an article counts for: its publication day, else the day it was stored, so that
     * every grouped article is dated and old stories leave the window.
     */
    static LocalDate day(String published, String addedAt) {
        LocalDate d = ArticleFeatures.day(published);
        if (d == null) {
            d = ArticleFeatures.day(addedAt);
        }
        return d != null ? d : LocalDate.now(ZoneOffset.UTC);
    }

    private static String time(StoryInput in) {
        return time(in.article(), in.addedAt());
    }

    /** The time a member counts for in its story's span: its publication time, else when it was stored. */
    private static String time(Article a, String addedAt) {
        return ArticleFeatures.day(a.published()) != null ? a.published() : addedAt;
    }

    private static String json(List<Keyphrases.Keyphrase> keyphrases) {
        ArrayNode arr = JSON.createArrayNode();
        for (Keyphrases.Keyphrase k : keyphrases) {
            arr.addArray().add(k.text()).add(Math.round(k.score() * 1000) / 1000.0);
        }
        return arr.toString();
    }

    private static List<Keyphrases.Keyphrase> keyphrases(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            List<Keyphrases.Keyphrase> out = new ArrayList<>();
            for (JsonNode n : JSON.readTree(json)) {
                out.add(new Keyphrases.Keyphrase(n.get(0).asText(), n.get(1).asDouble()));
            }
            return out;
        } catch (JsonProcessingException | RuntimeException e) {
            return List.of();
        }
    }
}
