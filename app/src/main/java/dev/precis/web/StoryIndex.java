package dev.precis.web;

import dev.precis.article.Article;
import dev.precis.digest.Digest;
import dev.precis.store.StoredArticle;
import dev.precis.summary.SummarySentence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The stories the reader shows, built in memory from the newest stored articles: each story's
 * card (label, outlets, time, gist), its page (members, a summary across outlets with each
 * sentence tagged by outlet, statements grouped by speaker) and related stories (shared
 * keyphrases). Immutable; {@link StoreNewsroom} swaps in a new one when articles arrive.
 */
public final class StoryIndex {

    /** Sentences in a story summary. */
    static final int SUMMARY_SENTENCES = 5;
    /** Related stories shown. */
    static final int RELATED = 4;

    /**
     * Decides which articles tell the same story.
     */
    @FunctionalInterface
    public interface Grouping {
        /**
         * Groups {@code articles} (oldest first) into stories: each group lists indices into
         * {@code articles}; every index appears in exactly one group.
         */
        List<List<Integer>> group(List<StoredArticle> articles);

        /** Every article its own story: the grouping until a story grouper is wired in. */
        Grouping SINGLETONS = articles -> {
            List<List<Integer>> out = new ArrayList<>();
            for (int i = 0; i < articles.size(); i++) {
                out.add(List.of(i));
            }
            return out;
        };
    }

    static final StoryIndex EMPTY = new StoryIndex(List.of(), Map.of(), Map.of(), Map.of(), Map.of());

    private final List<Newsroom.StoryCard> cards;
    private final Map<Long, Newsroom.StoryView> views;
    private final Map<String, Long> storyOf;
    private final Map<String, Newsroom.ArticleCard> articleCards;
    private final Map<Long, List<Newsroom.StoryCard>> related;

    private StoryIndex(List<Newsroom.StoryCard> cards, Map<Long, Newsroom.StoryView> views, Map<String, Long> storyOf,
                       Map<String, Newsroom.ArticleCard> articleCards, Map<Long, List<Newsroom.StoryCard>> related) {
        this.cards = cards;
        this.views = views;
        this.storyOf = storyOf;
        this.articleCards = articleCards;
        this.related = related;
    }

    /** Builds the index of {@code newestFirst} grouped by {@code grouping}. */
    static StoryIndex build(List<StoredArticle> newestFirst, Grouping grouping) {
        List<StoredArticle> oldestFirst = new ArrayList<>(newestFirst);
        oldestFirst.sort(Comparator.comparing(StoryIndex::time).thenComparingLong(StoredArticle::id));
        Map<String, Newsroom.ArticleCard> articleCards = new HashMap<>();
        for (StoredArticle s : oldestFirst) {
            Article a = s.article();
            articleCards.put(String.valueOf(s.id()), new Newsroom.ArticleCard(String.valueOf(s.id()), a.title(), a.source(),
                    time(s), gist(s.digest())));
        }
        record Built(long id, List<StoredArticle> members, String updated, Set<String> keys) {
        }
        List<Built> built = new ArrayList<>();
        for (List<Integer> group : grouping.group(oldestFirst)) {
            if (group.isEmpty()) {
                continue;
            }
            List<StoredArticle> members = new ArrayList<>();
            group.forEach(i -> members.add(oldestFirst.get(i)));
            members.sort(Comparator.comparing(StoryIndex::time).thenComparingLong(StoredArticle::id));
            long id = members.stream().mapToLong(StoredArticle::id).min().orElseThrow();
            Set<String> keys = new HashSet<>();
            members.forEach(m -> m.digest().keyphrases().forEach(k -> keys.add(k.toLowerCase(Locale.ROOT))));
            built.add(new Built(id, members, time(members.get(members.size() - 1)), keys));
        }
        built.sort(Comparator.comparing(Built::updated).reversed().thenComparing(Built::id, Comparator.reverseOrder()));

        List<Newsroom.StoryCard> cards = new ArrayList<>();
        Map<Long, Newsroom.StoryCard> cardById = new HashMap<>();
        Map<String, Long> storyOf = new HashMap<>();
        for (Built b : built) {
            List<Newsroom.ArticleCard> members = new ArrayList<>();
            Set<String> outlets = new LinkedHashSet<>();
            for (StoredArticle m : b.members()) {
                members.add(articleCards.get(String.valueOf(m.id())));
                if (m.article().source() != null) {
                    outlets.add(m.article().source());
                }
                storyOf.put(String.valueOf(m.id()), b.id());
            }
            StoredArticle first = b.members().get(0);
            Newsroom.StoryCard card = new Newsroom.StoryCard(b.id(), label(first), List.copyOf(outlets), b.updated(),
                    gist(first.digest()), members);
            cards.add(card);
            cardById.put(b.id(), card);
        }
        Map<Long, List<Newsroom.StoryCard>> related = new HashMap<>();
        for (Built b : built) {
            List<Map.Entry<Long, Double>> scored = new ArrayList<>();
            for (Built o : built) {
                if (o.id() != b.id()) {
                    double j = jaccard(b.keys(), o.keys());
                    if (j >= 0.12) {
                        scored.add(Map.entry(o.id(), j));
                    }
                }
            }
            scored.sort(Map.Entry.<Long, Double>comparingByValue().reversed());
            related.put(b.id(), scored.stream().limit(RELATED).map(e -> cardById.get(e.getKey())).toList());
        }
        Map<Long, Newsroom.StoryView> views = new HashMap<>();
        for (Built b : built) {
            Newsroom.StoryCard card = cardById.get(b.id());
            List<Newsroom.ArticleCard> newest = new ArrayList<>(card.articles());
            views.put(b.id(), new Newsroom.StoryView(b.id(), card.label(), b.updated(), newest,
                    summary(b.members()), speakers(b.members()), related.get(b.id())));
        }
        return new StoryIndex(List.copyOf(cards), views, storyOf, articleCards, related);
    }

    Newsroom.Slice<Newsroom.StoryCard> cards(int offset, int limit) {
        int from = Math.min(offset, cards.size());
        return new Newsroom.Slice<>(cards.subList(from, Math.min(cards.size(), from + limit)), offset, cards.size());
    }

    Optional<Newsroom.StoryView> view(long id) {
        return Optional.ofNullable(views.get(id));
    }

    Long storyOf(String articleId) {
        return storyOf.get(articleId);
    }

    Newsroom.ArticleCard card(String articleId) {
        return articleCards.get(articleId);
    }

    List<Newsroom.StoryCard> related(long storyId) {
        return related.getOrDefault(storyId, List.of());
    }

    int size() {
        return cards.size();
    }

    private static String time(StoredArticle s) {
        String p = s.article().published();
        return p != null && !p.isBlank() ? p : s.addedAt();
    }

    private static String label(StoredArticle first) {
        String t = first.article().title();
        return t == null || t.isBlank() ? "Untitled story" : t;
    }

    /** The best sentence of a digest, as a one-line gist. */
    private static String gist(Digest d) {
        return d.summary().sentences().stream().max(Comparator.comparingDouble(SummarySentence::score))
                .map(SummarySentence::text).orElse(null);
    }

    /**
     * A summary across outlets: the members' best sentences, best first, skipping any that
     * repeats one already chosen (word overlap), each tagged with its article and outlet.
     */
    private static List<Newsroom.StorySentence> summary(List<StoredArticle> members) {
        record Candidate(SummarySentence s, StoredArticle from) {
        }
        List<Candidate> candidates = new ArrayList<>();
        for (StoredArticle m : members) {
            m.digest().summary().sentences().forEach(s -> candidates.add(new Candidate(s, m)));
        }
        candidates.sort(Comparator.comparingDouble((Candidate c) -> c.s().score()).reversed());
        List<Newsroom.StorySentence> out = new ArrayList<>();
        List<Set<String>> chosen = new ArrayList<>();
        Map<Long, Integer> perArticle = new HashMap<>();
        for (Candidate c : candidates) {
            if (out.size() == SUMMARY_SENTENCES) {
                break;
            }
            Set<String> words = words(c.s().text());
            boolean repeats = chosen.stream().anyMatch(w -> jaccard(w, words) > 0.4);
            int taken = perArticle.getOrDefault(c.from().id(), 0);
            if (repeats || (taken >= 2 && members.size() > 1)) {
                continue;
            }
            chosen.add(words);
            perArticle.merge(c.from().id(), 1, Integer::sum);
            out.add(new Newsroom.StorySentence(c.s().text(), String.valueOf(c.from().id()), c.from().article().source()));
        }
        return out;
    }

    /** Statements of all members, grouped by speaker. */
    private static List<Newsroom.Speaker> speakers(List<StoredArticle> members) {
        List<Newsroom.Said> all = new ArrayList<>();
        for (StoredArticle m : members) {
            all.addAll(StoreNewsroom.said(m.article().withId(String.valueOf(m.id())), m.digest()));
        }
        return bySpeaker(all);
    }

    /** Statements grouped by speaker (case-insensitive; unnamed ones together), most quoted first. */
    static List<Newsroom.Speaker> bySpeaker(List<Newsroom.Said> statements) {
        Map<String, List<Newsroom.Said>> by = new LinkedHashMap<>();
        Map<String, String> names = new HashMap<>();
        for (Newsroom.Said s : statements) {
            String name = s.speaker() == null || s.speaker().isBlank() ? "Unnamed sources" : s.speaker().strip();
            String key = name.toLowerCase(Locale.ROOT);
            names.putIfAbsent(key, name);
            by.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
        }
        List<Newsroom.Speaker> out = new ArrayList<>();
        by.forEach((k, v) -> out.add(new Newsroom.Speaker(names.get(k), v)));
        out.sort(Comparator.comparingInt((Newsroom.Speaker s) -> -s.statements().size()));
        return out;
    }

    private static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (w.length() > 3) {
                out.add(w);
            }
        }
        return out;
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        int common = 0;
        for (String x : a) {
            if (b.contains(x)) {
                common++;
            }
        }
        return (double) common / (a.size() + b.size() - common);
    }
}
