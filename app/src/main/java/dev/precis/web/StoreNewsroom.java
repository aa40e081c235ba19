package dev.precis.web;

import dev.precis.article.Article;
import dev.precis.digest.Digest;
import dev.precis.store.ArticleRow;
import dev.precis.store.FeedRecord;
import dev.precis.store.SearchQuery;
import dev.precis.store.Store;
import dev.precis.store.StoreStats;
import dev.precis.store.StoredArticle;
import dev.precis.text.Doc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link Newsroom} over a {@link Store}: articles, digests and search come from the store;
 * stories come from a {@link StoryIndex} rebuilt by {@link #refresh()}; feeds are the store's. Article views are analyzed once and kept in a bounded cache, so a busy
 * article page costs no database work. The cache keeps what never changes (a stored article and its
 * analysis) and survives regrouping: a refresh does not send every reader of the next seconds back to
 * the database and the sentence splitter at once.
 */
public final class StoreNewsroom implements Newsroom {

    /** Article views kept in memory. */
    static final int CACHE = 4096;
    /** Articles the story index is built from (the newest). */
    static final int STORY_WINDOW = 5000;

    private final Store store;
    private final StoryIndex.Grouping grouping;
    private final Map<String, ArticleView> cache = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, ArticleView> eldest) {
                    return size() > CACHE;
                }
            });
    private volatile StoryIndex stories = StoryIndex.EMPTY;
    private volatile FeedSubscriber subscriber;
    private volatile long seen = -1;
    private volatile Map<Long, List<String>> byFeed = Map.of();

    /** A newsroom over {@code store}, grouping stories with {@code grouping}. */
    public StoreNewsroom(Store store, StoryIndex.Grouping grouping) {
        this.store = store;
        this.grouping = grouping;
        refresh();
    }

    /** Fetches feeds when they are added (without one, feeds are only listed until polled). */
    public void subscriber(FeedSubscriber s) {
        this.subscriber = s;
    }

    /** The store this newsroom reads. */
    Store store() {
        return store;
    }

    /** Refreshes when the store's article count changed since the last refresh (cheap to call often). */
    public void refreshIfChanged() {
        if (store.stats().articles() != seen) {
            refresh();
        }
    }

    /** Re-reads the newest articles and regroups them into stories (after an ingest or a poll). */
    public synchronized void refresh() {
        seen = store.stats().articles();
        List<StoredArticle> recent = new ArrayList<>();
        Map<Long, List<String>> fromFeeds = new HashMap<>();
        for (ArticleRow row : store.articles(STORY_WINDOW, 0)) {
            store.article(row.id()).ifPresent(recent::add);
            for (long feed : store.feedsOfArticle(row.id())) {
                fromFeeds.computeIfAbsent(feed, k -> new ArrayList<>()).add(String.valueOf(row.id()));
            }
        }
        byFeed = fromFeeds;
        stories = StoryIndex.build(recent, grouping);
    }

    @Override
    public Slice<StoryCard> stories(int offset, int limit) {
        return stories.cards(offset, limit);
    }

    @Override
    public Optional<StoryView> story(long id) {
        return stories.view(id);
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
        ArticleCard known = stories.card(String.valueOf(id));
        return known != null ? known : new ArticleCard(String.valueOf(id), title, source, published, null);
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

    /** The view with its place among the current stories (which change with every regrouping). */
    private ArticleView placed(ArticleView v) {
        StoryIndex index = stories;
        Long storyId = index.storyOf(v.article().id());
        return new ArticleView(v.article(), v.sentences(), v.scores(), v.statements(), storyId,
                storyId == null ? null : index.view(storyId).map(StoryView::label).orElse(null),
                storyId == null ? List.of() : index.related(storyId));
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
            article(ids.get(i)).ifPresent(v -> cards.add(card(Long.parseLong(v.article().id()), v.article().title(),
                    v.article().source(), v.article().published())));
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
        return new Counts(s.articles(), stories.size(), s.feeds(), s.statements());
    }
}
