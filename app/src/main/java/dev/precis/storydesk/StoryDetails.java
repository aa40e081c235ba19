package dev.precis.storydesk;

import dev.precis.digest.Digest;
import dev.precis.store.Store;
import dev.precis.store.StoredArticle;
import dev.precis.store.StoryMemberRow;
import dev.precis.store.StoryRow;
import dev.precis.stories.Attribution;
import dev.precis.stories.StoryMember;
import dev.precis.stories.StorySentence;
import dev.precis.stories.StorySummarizer;
import dev.precis.stories.WhoSaidWhat;
import dev.precis.summary.SummarySentence;
import dev.precis.text.Doc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A stored story put together for reading: its articles with near-duplicates shown once (with
 * every source that carried them), a summary across outlets whose sentences name their article
 * and outlet ({@link StorySummarizer}), who said what grouped by speaker ({@link WhoSaidWhat}),
 * and its related stories. What {@code precis stories show}, the web reader and the API show.
 *
 * @param story       the story (the live one when the id asked for was merged into it)
 * @param requestedId the id asked for
 * @param articles    one entry per distinct article, oldest first
 * @param outlets     the outlets that carried the story, in order of first report
 * @param summary     the summary sentences, best first
 * @param speakers    statements by speaker, the speaker with most statements first
 * @param related     related live stories, best first
 * @param gists       the best summary sentence of each article read (by article id)
 */
public record StoryDetails(StoryRow story, long requestedId, List<Entry> articles, List<String> outlets,
                           List<StorySentence> summary, List<Speaker> speakers, List<StoryRow> related,
                           Map<Long, String> gists) {

    /**
     * Distinct member articles read for the summary and the statements at most: the latest ones. A
     * story of hundreds of reports says nothing more in its summary than its latest fifty.
     */
    public static final int READ_MEMBERS = 50;

    /**
     * An article of the story and its near-duplicates (the same article from other sources).
     *
     * @param article the first stored copy
     * @param copies  the other copies, oldest first
     */
    public record Entry(StoryMemberRow article, List<StoryMemberRow> copies) {

        /** The outlets that carried this article, first copy first, each once. */
        public List<String> sources() {
            Set<String> out = new LinkedHashSet<>();
            if (article.source() != null) {
                out.add(article.source());
            }
            copies.forEach(c -> {
                if (c.source() != null) {
                    out.add(c.source());
                }
            });
            return List.copyOf(out);
        }
    }

    /** One speaker and what they said across the story. */
    public record Speaker(String name, List<Quote> statements) {
    }

    /** A statement and the article (and outlet) that carried it. */
    public record Quote(long articleId, String source, Digest.Statement statement) {
    }

    /** Whether the requested id was merged into {@link #story()}. */
    public boolean wasMerged() {
        return requestedId != story.id();
    }

    /** The label to show: the stored one, else the first headline. */
    public String label() {
        if (story.label() != null && !story.label().isBlank()) {
            return story.label();
        }
        return articles.stream().map(e -> e.article().title()).filter(t -> t != null && !t.isBlank()).findFirst()
                .orElse("Untitled story");
    }

    /** Every member article, copies included. */
    public int articleCount() {
        return articles.stream().mapToInt(e -> 1 + e.copies().size()).sum();
    }

    /**
     * Story {@code id} from {@code store} (following merges), with a summary of {@code sentences}
     * sentences; empty when there is no such story.
     */
    public static Optional<StoryDetails> load(Store store, long id, int sentences) {
        Optional<StoryRow> found = resolve(store, id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        StoryRow story = found.get();
        List<StoryMemberRow> members = store.storyMembers(story.id());
        List<Entry> entries = entries(members);
        Set<String> outlets = new LinkedHashSet<>();
        members.forEach(m -> {
            if (m.source() != null) {
                outlets.add(m.source());
            }
        });
        List<StoryMember> read = new ArrayList<>();
        List<Attribution> said = new ArrayList<>();
        Map<Attribution, Quote> quotes = new IdentityHashMap<>();
        Map<Long, String> gists = new HashMap<>();
        for (Entry e : entries.subList(Math.max(0, entries.size() - READ_MEMBERS), entries.size())) {
            StoryMemberRow m = e.article();
            Optional<StoredArticle> stored = store.article(m.articleId());
            if (stored.isEmpty()) {
                continue;
            }
            StoredArticle s = stored.get();
            String articleId = String.valueOf(m.articleId());
            read.add(new StoryMember(articleId, m.source(), m.title(), Doc.of(s.article().text())));
            s.digest().summary().sentences().stream().max(Comparator.comparingDouble(SummarySentence::score))
                    .ifPresent(best -> gists.put(m.articleId(), best.text()));
            for (Digest.Statement st : s.digest().statements()) {
                Attribution a = new Attribution(articleId, m.source(), st.speaker(), st.text());
                said.add(a);
                quotes.put(a, new Quote(m.articleId(), m.source(), st));
            }
        }
        List<StorySentence> summary = read.isEmpty() ? List.of() : StorySummarizer.summarize(read, sentences);
        List<Speaker> speakers = new ArrayList<>();
        for (WhoSaidWhat.Speaker sp : WhoSaidWhat.group(said)) {
            speakers.add(new Speaker(sp.name(), sp.statements().stream().map(quotes::get).toList()));
        }
        List<StoryRow> related = new ArrayList<>();
        Set<Long> seen = new LinkedHashSet<>(List.of(story.id()));
        for (long r : story.related()) {
            resolve(store, r).filter(row -> seen.add(row.id())).ifPresent(related::add);
        }
        return Optional.of(new StoryDetails(story, id, entries, List.copyOf(outlets), summary, speakers, related,
                Map.copyOf(gists)));
    }

    /** The story with id {@code id}, or the live story it was merged into. */
    public static Optional<StoryRow> resolve(Store store, long id) {
        Optional<StoryRow> row = store.story(id);
        for (int hops = 0; row.isPresent() && !row.get().isLive() && hops < 16; hops++) {
            row = store.story(row.get().mergedInto());
        }
        return row.filter(StoryRow::isLive);
    }

    /** Members grouped by near-duplicates, in the members' order of each article's first copy. */
    public static List<Entry> entries(List<StoryMemberRow> members) {
        Map<Long, StoryMemberRow> byId = new LinkedHashMap<>();
        members.forEach(m -> byId.put(m.articleId(), m));
        Map<Long, List<StoryMemberRow>> copies = new LinkedHashMap<>();
        for (StoryMemberRow m : members) {
            Long canonical = m.duplicateOf() != null && byId.containsKey(m.duplicateOf()) ? m.duplicateOf() : m.articleId();
            copies.computeIfAbsent(canonical, k -> new ArrayList<>());
            if (canonical != m.articleId()) {
                copies.get(canonical).add(m);
            }
        }
        List<Entry> out = new ArrayList<>();
        copies.forEach((canonical, list) -> out.add(new Entry(byId.get(canonical), List.copyOf(list))));
        return out;
    }
}
