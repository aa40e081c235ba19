package dev.precis.web;

import dev.precis.article.Article;

import java.util.List;
import java.util.Optional;

/**
 * What the reader and the JSON API read and write: a narrow view of the store shaped for pages,
 * so the web room depends on one small interface instead of the store's whole surface. Offsets
 * in these records are UTF-16 indices into the article's {@code text}, as everywhere in Precis.
 */
public interface Newsroom {

    /** Latest stories, newest first. */
    Slice<StoryCard> stories(int offset, int limit);

    /** One story with all its articles, or empty when there is none with that id. */
    Optional<StoryView> story(long id);

    /** Latest articles, newest first. */
    Slice<ArticleCard> articles(int offset, int limit);

    /** One article with its digest, or empty. */
    Optional<ArticleView> article(String id);

    /** Full-text search over titles and bodies, best first. */
    Slice<SearchHit> search(String query, int offset, int limit);

    /** Articles that came from one feed, newest first. */
    Slice<ArticleCard> feedArticles(long feedId, int offset, int limit);

    /** Every subscribed feed with its status. */
    List<Feed> feeds();

    /**
     * Subscribes to a feed URL; returns the feed (the existing one when already subscribed). With
     * {@code fetchNow} the feed is fetched at once (so a wrong address is reported right away);
     * otherwise it waits for the next poll.
     *
     * @throws IllegalArgumentException when the URL is not an acceptable feed, saying why
     */
    Feed addFeed(String url, String title, boolean fetchNow);

    /** Unsubscribes; false when there was no such feed. */
    boolean removeFeed(long id);

    /** Counts for the health endpoint and the page footer. */
    Counts counts();

    /** A window of a longer list. */
    record Slice<T>(List<T> items, int offset, int total) {
        public Slice {
            items = List.copyOf(items);
        }

        /** True when items follow this window. */
        public boolean hasMore() {
            return offset + items.size() < total;
        }
    }

    /** A story as the front page lists it. */
    record StoryCard(long id, String label, List<String> outlets, String updated, String gist,
                     List<ArticleCard> articles) {
        public StoryCard {
            outlets = List.copyOf(outlets);
            articles = List.copyOf(articles);
        }
    }

    /**
     * An article as lists show it; in a story, {@code copies} are its near-duplicates (the same
     * article from other sources), shown with it rather than as articles of their own.
     */
    record ArticleCard(String id, String title, String source, String published, String gist, List<Copy> copies) {
        public ArticleCard {
            copies = copies == null ? List.of() : List.copyOf(copies);
        }

        /** A card without copies. */
        public ArticleCard(String id, String title, String source, String published, String gist) {
            this(id, title, source, published, gist, List.of());
        }
    }

    /** Another source's copy of an article. */
    record Copy(String id, String source, String published) {
    }

    /** A story with its articles, its multi-outlet summary and who said what across it. */
    record StoryView(long id, String label, String updated, List<String> keyphrases, List<ArticleCard> articles,
                     List<StorySentence> summary, List<Speaker> speakers, List<StoryCard> related) {
        public StoryView {
            keyphrases = List.copyOf(keyphrases);
            articles = List.copyOf(articles);
            summary = List.copyOf(summary);
            speakers = List.copyOf(speakers);
            related = List.copyOf(related);
        }
    }

    /** One sentence of a story summary, tagged with the article and outlet it comes from. */
    record StorySentence(String text, String articleId, String source) {
    }

    /** What one speaker said across a story (or an article). */
    record Speaker(String name, List<Said> statements) {
        public Speaker {
            statements = List.copyOf(statements);
        }
    }

    /**
     * One statement: who, how it is reported, where in its article, the words, and which
     * article and outlet carried it.
     */
    record Said(String speaker, String kind, int start, int end, String text, String articleId, String source) {
    }

    /**
     * An article with what was derived from it.
     *
     * @param sentences     every sentence's span, in text order
     * @param scores        summary score of every sentence (same indexing), so any length can be cut
     * @param statements    who said what, in text order
     * @param storyId       the story it belongs to, or {@code null}
     * @param related       related stories (not its own)
     */
    record ArticleView(Article article, List<int[]> sentences, double[] scores, List<Said> statements,
                       Long storyId, String storyLabel, List<StoryCard> related) {

        /** The {@code n} best-scored sentences, as indices in text order. */
        public List<Integer> summary(int n) {
            Integer[] order = new Integer[scores.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, (a, b) -> scores[a] != scores[b] ? Double.compare(scores[b], scores[a]) : a - b);
            List<Integer> chosen = new java.util.ArrayList<>(List.of(order).subList(0, Math.min(n, order.length)));
            chosen.sort(null);
            return chosen;
        }

        /** The text of sentence {@code i}. */
        public String sentenceText(int i) {
            int[] s = sentences.get(i);
            return article.text().substring(s[0], s[1]);
        }
    }

    /** A search result with a snippet whose matches are marked by {@code \u0001…\u0002}. */
    record SearchHit(ArticleCard article, String snippet) {
    }

    /** A subscribed feed and how polling it goes. */
    record Feed(long id, String url, String title, String lastFetch, String nextFetch, String lastError,
                int articleCount) {
    }

    /** Store-wide counts. */
    record Counts(long articles, long stories, long feeds, long statements) {
    }
}
