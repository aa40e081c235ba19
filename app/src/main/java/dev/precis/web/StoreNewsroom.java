package dev.precis.web;

import dev.precis.article.Article;
import dev.precis.digest.Digest;
import dev.precis.store.ArticleRow;
import dev.precis.store.FeedRecord;
import dev.precis.store.SearchQuery;
import dev.precis.store.Store;
import dev.precis.store.StoreStats;
import dev.precis.store.StoredArticle;
import dev.precis.store.StoreUnavailableException;
import dev.precis.store.StoryMemberRow;
import dev.precis.store.StoryRow;
import dev.precis.stories.StorySummarizer;
import dev.precis.storydesk.StoryDetails;
import dev.precis.text.Doc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The {@link Newsroom} over a {@link Store}: articles, digests, search, feeds and stories all come
 * from the store; stories are the ones grouped as articles were stored. Story cards are read from
 * the story rows alone. An article's analysis never changes, so it is built once and kept in a
 * bounded cache that survives refreshes (a refresh after a poll does not send every reader back to
 * the sentence splitter at once); its place among the stories is read from the store on each view.
 * Story views (whose summary reads the members' text) are cached until a refresh.
 */
public final class StoreNewsroom implements Newsroom {

    /** Article views kept in memory. */
    static final int CACHE = 4096;
    /** Story views kept in memory. */
    static final int STORY_CACHE = 512;
    /** Sentences in a story summary. */
    static final int SUMMARY_SENTENCES = StorySummarizer.DEFAULT_SENTENCES;
    /** Articles whose feed links are read for the feed pages (the newest). */
    static final int FEED_WINDOW = 5000;

    private final Store store;
    private final Map<String, ArticleView> cache = lru(CACHE);
    private final Map<Long, StoryDetails> stories = lru(STORY_CACHE);
    private volatile FeedSubscriber subscriber;
    private volatile String seen = "";
    private volatile Map<Long, List<String>> byFeed = Map.of();

    /** A newsroom over {@code store}. */
    public StoreNewsroom(Store store) {
        this.store = store;
        refresh();
    }

    private static <K, V> Map<K, V> lru(int size) {
        return Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > size;
            }
        });
    }

    /** Fetches feeds when they are added (without one, feeds are only listed until polled). */
    public void subscriber(FeedSubscriber s) {
        this.subscriber = s;
    }

    /** The store this newsroom reads. */
    Store store() {
        return store;
    }

    /** Refreshes when articles or stories changed since the last refresh (cheap to call often). */
    public void refreshIfChanged() {
        if (!state().equals(seen)) {
            refresh();
        }
    }

    private String state() {
        return store.stats().articles() + ":" + store.storyGrouping().version();
    }

    /** Forgets cached story views and re-reads which articles came from which feed (after an ingest or a poll). */
    public synchronized void refresh() {
        seen = state();
        Map<Long, List<String>> fromFeeds = new HashMap<>();
        for (ArticleRow row : store.articles(FEED_WINDOW, 0)) {
            for (long feed : store.feedsOfArticle(row.id())) {
                fromFeeds.computeIfAbsent(feed, k -> new ArrayList<>()).add(String.valueOf(row.id()));
            }
        }
        byFeed = fromFeeds;
        stories.clear();
    }

    @Override
    public Slice<StoryCard> stories(int offset, int limit) {
        List<StoryCard> cards = new ArrayList<>();
        for (StoryRow row : store.stories(limit, offset)) {
            cards.add(card(row));
        }
        return new Slice<>(cards, offset, (int) Math.min(Integer.MAX_VALUE, store.stats().stories()));
    }

    /**
     * A story as lists show it, from its stored rows alone (no text is read): its distinct articles
     * with their copies, its outlets, and the gist of its first article.
     */
    private StoryCard card(StoryRow row) {
        List<StoryMemberRow> members = store.storyMembers(row.id());
        List<StoryDetails.Entry> entries = StoryDetails.entries(members);
        Set<String> outlets = new LinkedHashSet<>();
        members.forEach(m -> {
            if (m.source() != null) {
                outlets.add(m.source());
            }
        });
        List<ArticleCard> articles = new ArrayList<>();
        for (StoryDetails.Entry e : entries) {
            articles.add(card(e, null));
        }
        String gist = entries.isEmpty() ? null : gist(entries.getFirst().article().articleId());
        return new StoryCard(row.id(), label(row, members), List.copyOf(outlets), row.lastSeen(), gist, articles);
    }

    private static String label(StoryRow row, List<StoryMemberRow> members) {
        return row.label() != null && !row.label().isBlank() ? row.label()
                : members.stream().map(StoryMemberRow::title).filter(t -> t != null && !t.isBlank()).findFirst()
                .orElse("Untitled story");
    }

    private static ArticleCard card(StoryDetails.Entry e, String gist) {
        StoryMemberRow m = e.article();
        List<Copy> copies = e.copies().stream().map(c -> new Copy(String.valueOf(c.articleId()), c.source(), c.time())).toList();
        return new ArticleCard(String.valueOf(m.articleId()), m.title(), m.source(), m.time(), gist, copies);
    }

    @Override
    public Optional<StoryView> story(long id) {
        return StoryDetails.resolve(store, id).flatMap(this::details).map(this::view);
    }

    /** The story's details, from the cache while its revision is unchanged. */
    private Optional<StoryDetails> details(StoryRow row) {
        StoryDetails d = stories.get(row.id());
        if (d != null && d.story().revision() == row.revision()) {
            return Optional.of(d);
        }
        Optional<StoryDetails> loaded = StoryDetails.load(store, row.id(), SUMMARY_SENTENCES);
        loaded.ifPresent(x -> stories.put(row.id(), x));
        return loaded;
    }

    private StoryView view(StoryDetails d) {
        List<Newsroom.StorySentence> summary = d.summary().stream()
                .map(s -> new Newsroom.StorySentence(s.text(), s.articleId(), s.source())).toList();
        List<Speaker> speakers = new ArrayList<>();
        for (StoryDetails.Speaker sp : d.speakers()) {
            speakers.add(new Speaker(sp.name(), sp.statements().stream().map(q -> new Said(q.statement().speaker(),
                    q.statement().kind(), q.statement().start(), q.statement().end(), q.statement().text(),
                    String.valueOf(q.articleId()), q.source())).toList()));
        }
        return new StoryView(d.story().id(), d.label(), d.story().lastSeen(), d.story().keyphrases(), articles(d), summary,
                speakers, d.related().stream().map(this::brief).toList());
    }

    /** The distinct articles of a story, each with its copies from other sources. */
    private static List<ArticleCard> articles(StoryDetails d) {
        return d.articles().stream().map(e -> card(e, d.gists().get(e.article().articleId()))).toList();
    }

    /** A related story as a short card: label and outlets. */
    private StoryCard brief(StoryRow row) {
        List<StoryMemberRow> members = store.storyMembers(row.id());
        Set<String> outlets = new LinkedHashSet<>();
        members.forEach(m -> {
            if (m.source() != null) {
                outlets.add(m.source());
            }
        });
        return new StoryCard(row.id(), label(row, members), List.copyOf(outlets), row.lastSeen(), null, List.of());
    }

    @Override
    public Slice<ArticleCard> articles(int offset, int limit) {
        List<ArticleCard> cards = new ArrayList<>();
        for (ArticleRow row : store.articles(limit, offset)) {
            cards.add(card(row.id(), row.title(), row.source(), row.published()));
        }
        return new Slice<>(cards, offset, (int) Math.min(Integer.MAX_VALUE, store.stats().articles()));
    }

    private ArticleCard card(long id, String title, String source, String published) {
        ArticleView known = cache.get(String.valueOf(id));
        return new ArticleCard(String.valueOf(id), title, source, published, known == null ? null : gist(known));
    }

    @Override
    public Optional<ArticleView> article(String id) {
        if (id == null || !id.matches("\\d{1,18}")) {
            return Optional.empty();
        }
        ArticleView v = cache.get(id);
        if (v == null) {
            Optional<ArticleView> read = store.article(Long.parseLong(id)).map(StoreNewsroom::view);
            if (read.isEmpty()) {
                return Optional.empty();
            }
            v = read.get();
            cache.put(id, v);
        }
        return Optional.of(placed(v));
    }

    /**
     * The view with its story, its story's label and related stories, as stored now; while the store
     * is unreachable, the article alone (its text is in memory, so the reader still has it).
     */
    private ArticleView placed(ArticleView v) {
        OptionalLong member;
        try {
            member = store.storyOf(Long.parseLong(v.article().id()));
        } catch (StoreUnavailableException e) {
            return v;
        }
        Optional<StoryRow> story = member.isEmpty() ? Optional.empty() : StoryDetails.resolve(store, member.getAsLong());
        Long storyId = story.map(StoryRow::id).orElse(null);
        String label = story.map(r -> brief(r).label()).orElse(null);
        List<StoryCard> related = new ArrayList<>();
        story.ifPresent(r -> r.related().forEach(rel -> StoryDetails.resolve(store, rel)
                .filter(x -> x.id() != r.id() && related.stream().noneMatch(c -> c.id() == x.id()))
                .ifPresent(x -> related.add(brief(x)))));
        return new ArticleView(v.article(), v.sentences(), v.scores(), v.statements(), storyId, label, related);
    }

    /** The analysis of a stored article, without its story (see {@link #placed}). */
    private static ArticleView view(StoredArticle s) {
        Article a = s.article().withId(String.valueOf(s.id()));
        Doc doc = Doc.of(a.text());
        List<int[]> sentences = new ArrayList<>(doc.sentenceCount());
        for (int i = 0; i < doc.sentenceCount(); i++) {
            sentences.add(new int[]{doc.sentence(i).start(), doc.sentence(i).end()});
        }
        double[] scores = s.digest().summary().scores();
        if (scores.length != sentences.size()) {
            scores = java.util.Arrays.copyOf(scores, sentences.size());
        }
        return new ArticleView(a, sentences, scores, said(a, s.digest()), null, null, List.of());
    }

    /** The best summary sentence of a stored article. */
    private String gist(long articleId) {
        ArticleView known = cache.get(String.valueOf(articleId));
        if (known != null) {
            return gist(known);
        }
        return store.article(articleId).flatMap(s -> s.digest().summary().sentences().stream()
                .max(java.util.Comparator.comparingDouble(dev.precis.summary.SummarySentence::score)))
                .map(dev.precis.summary.SummarySentence::text).orElse(null);
    }

    /** The best sentence of an article, as a one-line gist. */
    private static String gist(ArticleView v) {
        return v.scores().length == 0 ? null : v.sentenceText(v.summary(1).getFirst());
    }

    static List<Said> said(Article a, Digest d) {
        List<Said> out = new ArrayList<>();
        for (Digest.Statement st : d.statements()) {
            out.add(new Said(st.speaker(), st.kind(), st.start(), st.end(), st.text(), a.id(), a.source()));
        }
        return out;
    }

    @Override
    public Slice<SearchHit> search(String query, int offset, int limit) {
        SearchQuery q = SearchQuery.parse(query);
        List<dev.precis.store.SearchHit> hits = store.search(q, offset + limit + 1);
        List<SearchHit> out = new ArrayList<>();
        for (int i = offset; i < Math.min(hits.size(), offset + limit); i++) {
            dev.precis.store.SearchHit h = hits.get(i);
            out.add(new SearchHit(card(h.id(), h.title(), h.source(), h.published()),
                    h.snippet(Snippets.START, Snippets.END)));
        }
        return new Slice<>(out, offset, hits.size());
    }

    @Override
    public Slice<ArticleCard> feedArticles(long feedId, int offset, int limit) {
        List<ArticleCard> cards = new ArrayList<>();
        List<String> ids = byFeed.getOrDefault(feedId, List.of());
        for (int i = offset; i < Math.min(ids.size(), offset + limit); i++) {
            article(ids.get(i)).ifPresent(v -> cards.add(new ArticleCard(v.article().id(), v.article().title(),
                    v.article().source(), v.article().published(), gist(v))));
        }
        return new Slice<>(cards, offset, ids.size());
    }

    @Override
    public List<Feed> feeds() {
        return store.feeds().stream().map(StoreNewsroom::feed).toList();
    }

    /** A stored feed as the reader shows it. */
    static Feed feed(FeedRecord f) {
        return new Feed(f.id(), f.url(), f.title(), f.lastFetch() == null ? null : f.lastFetch().toString(),
                f.nextFetch() == null ? null : f.nextFetch().toString(), f.lastError(), f.articleCount());
    }

    @Override
    public Feed addFeed(String url, String title, boolean fetchNow) {
        if (!fetchNow || subscriber == null) {
            return feed(store.addFeed(url, title, null));
        }
        return subscriber.subscribe(url, title, this);
    }

    @Override
    public boolean removeFeed(long id) {
        return store.removeFeed(id);
    }

    @Override
    public Counts counts() {
        StoreStats s = store.stats();
        return new Counts(s.articles(), s.stories(), s.feeds(), s.statements());
    }
}
