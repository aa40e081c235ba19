package dev.precis.web;

import dev.precis.article.Article;
import dev.precis.digest.Digest;
import dev.precis.store.StoredArticle;
import dev.precis.stories.StoryMember;
import dev.precis.stories.StorySentence;
import dev.precis.stories.StorySummarizer;
import dev.precis.summary.SummarySentence;
import dev.precis.text.Doc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
 * by the grouping). Immutable; {@link StoreNewsroom} swaps in a new one when articles arrive.
 */
public final class StoryIndex {

    /** Sentences in a story summary. */
    static final int SUMMARY_SENTENCES = 5;
    /** Related stories shown. */
    static final int RELATED = 4;

    /** A stored article with its analysis, as groupings read it. */
    public record Analyzed(StoredArticle stored, Doc doc) {
    }

    /**
     * One story as a grouping found it.
     *
     * @param members indices into the grouped list
     * @param label   a short title, or null to use the first article's headline
     * @param related indices of related groups in the same result
     */
    public record Group(List<Integer> members, String label, List<Integer> related) {
    }

    /** Decides which articles tell the same story. */
    @FunctionalInterface
    public interface Grouping {
        /**
         * Groups {@code articles} (oldest first) into stories; every index appears in exactly
         * one group.
         */
        List<Group> group(List<Analyzed> articles);

        /** Every article its own story. */
        Grouping SINGLETONS = articles -> {
            List<Group> out = new ArrayList<>();
            for (int i = 0; i < articles.size(); i++) {
                out.add(new Group(List.of(i), null, List.of()));
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
        List<Analyzed> analyzed = new ArrayList<>(oldestFirst.size());
        for (StoredArticle s : oldestFirst) {
            analyzed.add(new Analyzed(s, Doc.of(s.article().text())));
        }
        record Built(long id, List<Analyzed> members, String updated, String label, List<Integer> related) {
        }
        List<Built> built = new ArrayList<>();
        for (Group group : grouping.group(analyzed)) {
            List<Analyzed> members = new ArrayList<>();
            group.members().forEach(i -> members.add(analyzed.get(i)));
            members.sort(Comparator.comparing((Analyzed m) -> time(m.stored())).thenComparingLong(m -> m.stored().id()));
            long id = members.stream().mapToLong(m -> m.stored().id()).min().orElseThrow();
            String label = group.label() != null && !group.label().isBlank() ? group.label() : label(members.get(0).stored());
            built.add(new Built(id, members, time(members.get(members.size() - 1).stored()), label, group.related()));
        }
        List<Long> groupIds = built.stream().map(Built::id).toList();
        built.sort(Comparator.comparing(Built::updated).reversed().thenComparing(Built::id, Comparator.reverseOrder()));

        List<Newsroom.StoryCard> cards = new ArrayList<>();
        Map<Long, Newsroom.StoryCard> cardById = new HashMap<>();
        Map<String, Long> storyOf = new HashMap<>();
        Map<Long, List<Newsroom.StorySentence>> summaries = new HashMap<>();
        for (Built b : built) {
            List<Newsroom.ArticleCard> members = new ArrayList<>();
            Set<String> outlets = new LinkedHashSet<>();
            for (Analyzed m : b.members()) {
                members.add(articleCards.get(String.valueOf(m.stored().id())));
                if (m.stored().article().source() != null) {
                    outlets.add(m.stored().article().source());
                }
                storyOf.put(String.valueOf(m.stored().id()), b.id());
            }
            List<Newsroom.StorySentence> summary = b.members().size() > 1 ? summary(b.members()) : List.of();
            summaries.put(b.id(), summary);
            Newsroom.StoryCard card = new Newsroom.StoryCard(b.id(), b.label(), List.copyOf(outlets), b.updated(),
                    summary.isEmpty() ? gist(b.members().get(0).stored().digest()) : summary.get(0).text(), members);
            cards.add(card);
            cardById.put(b.id(), card);
        }
        Map<Long, List<Newsroom.StoryCard>> related = new HashMap<>();
        Map<Long, Newsroom.StoryView> views = new HashMap<>();
        for (Built b : built) {
            List<Newsroom.StoryCard> rel = b.related().stream().map(i -> cardById.get(groupIds.get(i))).limit(RELATED).toList();
            related.put(b.id(), rel);
            Newsroom.StoryCard card = cardById.get(b.id());
            views.put(b.id(), new Newsroom.StoryView(b.id(), card.label(), b.updated(), card.articles(),
                    summaries.get(b.id()).isEmpty() ? summary(b.members()) : summaries.get(b.id()),
                    speakers(b.members()), rel));
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

    /** The story summary across outlets ({@link StorySummarizer}), each sentence tagged with its article and outlet. */
    private static List<Newsroom.StorySentence> summary(List<Analyzed> members) {
        List<StoryMember> input = new ArrayList<>();
        for (Analyzed m : members) {
            input.add(new StoryMember(String.valueOf(m.stored().id()), m.stored().article().source(),
                    m.stored().article().title(), m.doc()));
        }
        List<Newsroom.StorySentence> out = new ArrayList<>();
        for (StorySentence s : StorySummarizer.summarize(input, SUMMARY_SENTENCES)) {
            out.add(new Newsroom.StorySentence(s.text(), s.articleId(), s.source()));
        }
        return out;
    }

    /** Statements of all members, grouped by speaker. */
    private static List<Newsroom.Speaker> speakers(List<Analyzed> members) {
        List<Newsroom.Said> all = new ArrayList<>();
        for (Analyzed a : members) {
            StoredArticle m = a.stored();
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
}
