package dev.precis.stories;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Online story grouping: each new article joins the most similar recent story or starts a new one.
 *
 * <p>An article is compared with a story by a link between average link and centroid cosine:
 * the dot product {@code d} of the article's unit TF-IDF vector with the sum {@code S} of the
 * story's {@code n} members' unit vectors, divided by {@code sqrt(n * |S|)}. Average link
 * ({@code d / n}) is dragged down as a story grows and its members spread, so big stories split;
 * centroid cosine ({@code d / |S|}) lets a big story pull in a whole topic. The geometric mean of
 * the two normalizers sits between, and it still never looks at the nearest member alone, so a
 * chain of pairwise-similar articles cannot glue a topic into one story (single-link chaining).
 * Similarity is a weighted sum of such links over four views: headline terms, lead terms (first
 * three sentences), body terms (headline included) and proper names (named speakers counted
 * twice); by default the headline has no view of its own, as it is already part of the body.
 * A fifth view is the article's {@link Meaning}, a sentence encoder's vector of headline and lead,
 * which finds outlets that tell one event in different words. Such vectors all lean one common
 * way, so cosines between unrelated articles are high; each is centred on the running mean of all
 * vectors seen (Mu and Viswanath, "All-but-the-Top", ICLR 2018), started from
 * {@link Meaning#prior()}, before it is compared, which makes
 * one threshold fit both small and large stories. Its link is plain average link (the mean of the
 * member cosines), and the similarity is {@code (terms + w * meaning) / (1 + w)} with
 * {@code w = } {@link Options#meaningWeight}.
 * Document frequencies are learned online from every article seen, and a member's idf weights
 * are fixed when it joins. This follows the multi-view
 * streaming clustering of Miranda et al., "Multilingual Clustering of Streaming News" (EMNLP 2018),
 * with a fixed weighting instead of a learned one.
 *
 * <p>Candidates come from an inverted index (term → stories holding it among their headline, name
 * and top body terms): an article is scored only against the few stories that share its most
 * telling terms, so the cost does not grow with the number of stories.
 *
 * <p><b>Time.</b> A dated article may only join a story whose dated members lie within
 * {@link Options#windowDays} of its day, and stories whose last dated member is older than the
 * window before the newest day seen leave the index. An undated article's day is unknown, so it
 * is neither kept from nor pushed towards any story by time: it is compared with every story still
 * in the index and does not move the clock; a story with no dated member never expires. Callers
 * that know when an article arrived (ingest) should pass that day rather than none. The default
 * window is wide (60 days): a hard cut on dates costs more recall where dates are guessed from
 * the text and wrong than it gains, and a wide window still keeps the index bounded.
 *
 * <p><b>Merging.</b> Every {@link Options#mergeEvery} assignments, the stories changed since the last
 * pass are compared with their candidates (the same link, between their members) and merged when at least
 * {@link Options#mergeThreshold} similar (the older id survives); see {@link #pollMerges()}.
 *
 * <p><b>Regrouping.</b> Online assignment decides in arrival order; a {@link #regroup()}, due every so
 * often ({@link #regroupDue()}), takes those decisions again for all members of the live stories at
 * once, so that early mistakes (a story started too soon, two events sharing one story) are mended.
 * A member it leaves alone joins its reciprocal best link above {@link #LONER_THRESHOLD}
 * (see {@link Agglomeration}). Callers move the members it reports ({@link Regrouping#moves()}).
 *
 * <p><b>Sibling events.</b> Regroups and merge passes never join two stories that {@link EventNames}
 * tells apart: each gives, in its headlines and leads, a name or figure the other never gives.
 * Two events of one kind share their words, so no similarity threshold alone keeps them apart.
 *
 * <p><b>State.</b> Story ids are assigned here; the store keeps ids and memberships, and
 * {@link #restoreMember} rebuilds a grouper from them. Not thread-safe: one ingest thread assigns.
 */
public final class StoryGrouper {

    /**
     * Tuning of the grouping.
     *
     * @param windowDays       how many days apart a dated article and a story's dated members may be
     * @param threshold        least similarity to join a story
     * @param titleWeight      weight of the headline cosine
     * @param leadWeight       weight of the lead cosine
     * @param bodyWeight       weight of the body cosine
     * @param namesWeight      weight of the proper-name cosine
     * @param mergeThreshold   least average-link similarity for two stories to merge
     * @param mergeEvery       assignments between merge passes (0: never merge)
     * @param relatedThreshold least similarity for a story to count as related
     * @param candidates       stories fully scored per article, the best by index overlap
     * @param meaningWeight    weight of the {@link Meaning} view against the four term views together
     * @param regroupEvery     least assignments between two {@link #regroup()}s (0: never due); see {@link #regroupDue()}
     */
    public record Options(int windowDays, double threshold, double titleWeight, double leadWeight,
                          double bodyWeight, double namesWeight, double mergeThreshold, int mergeEvery,
                          double relatedThreshold, int candidates, double meaningWeight, int regroupEvery) {

        /**
         * The configuration measured on the dev data with {@code precis eval stories}, one
         * configuration for both sets (see the README for the figures).
         */
        public static Options defaults() {
            return new Options(60, 0.50, 0.0, 0.15, 0.70, 0.15, 0.50, 10, 0.25, 100, 6.0, 100);
        }

        /** A copy with another join threshold. */
        public Options withThreshold(double t) {
            return new Options(windowDays, t, titleWeight, leadWeight, bodyWeight, namesWeight, mergeThreshold,
                    mergeEvery, relatedThreshold, candidates, meaningWeight, regroupEvery);
        }

        /** A copy with another time window. */
        public Options withWindowDays(int days) {
            return new Options(days, threshold, titleWeight, leadWeight, bodyWeight, namesWeight, mergeThreshold,
                    mergeEvery, relatedThreshold, candidates, meaningWeight, regroupEvery);
        }

        /** A copy with another merge threshold. */
        public Options withMergeThreshold(double t) {
            return new Options(windowDays, threshold, titleWeight, leadWeight, bodyWeight, namesWeight, t,
                    mergeEvery, relatedThreshold, candidates, meaningWeight, regroupEvery);
        }

        /** A copy with regroups due every {@code n} assignments at least (0: never). */
        public Options withRegroupEvery(int n) {
            return new Options(windowDays, threshold, titleWeight, leadWeight, bodyWeight, namesWeight, mergeThreshold,
                    mergeEvery, relatedThreshold, candidates, meaningWeight, n);
        }

        /** A copy with another weight of the {@link Meaning} view (0: terms alone). */
        public Options withMeaningWeight(double w) {
            return new Options(windowDays, threshold, titleWeight, leadWeight, bodyWeight, namesWeight, mergeThreshold,
                    mergeEvery, relatedThreshold, candidates, w, regroupEvery);
        }
    }

    private static final int INDEXED_BODY_TERMS = 12;
    /** Members each member is compared with in a {@link #regroup()}: the best by shared index terms. */
    static final int REGROUP_NEIGHBOURS = 30;
    /**
     * The bar for an article left alone by a regroup to join its reciprocal best link (see
     * {@link Agglomeration}): well under {@link Options#threshold}, as being each other's nearest
     * is evidence of its own.
     */
    static final double LONER_THRESHOLD = 0.32;
    /** A regroup is due once the assignments since the last one reach this share of the members it regrouped. */
    static final double REGROUP_SHARE = 0.2;
    /**
     * The {@link Meaning#prior()} counts as this many articles in the mean that meanings are centred
     * on: with only a few articles seen, their own mean would pull paraphrases apart (two articles
     * centred on their mean point in opposite directions).
     */
    private static final int PRIOR_WEIGHT = 50;
    private static final int KEPT_TITLES = 8;
    /**
     * Terms held by more live stories than this are not looked up: they are too common to
     * tell stories apart (their idf is low), and scanning them would make the cost grow with the
     * number of stories. Other shared terms still find the candidates.
     */
    private static final int MAX_POSTINGS = 1000;

    private final Options options;
    private final Vocabulary vocabulary = new Vocabulary();
    private final List<Story> stories = new ArrayList<>();
    private final Map<Long, Story> byId = new HashMap<>();
    private int[][] postings = new int[1024][];
    private int[] postingSize = new int[1024];
    private float[] accumulator = new float[1024];
    private final Map<Long, Long> mergedInto = new HashMap<>();
    private final List<StoryMerge> merges = new ArrayList<>();
    private final Set<Story> changed = new LinkedHashSet<>();
    private final double[] meaningSum = new double[Meaning.DIMENSIONS];
    private long meaningCount;
    private LocalDate clock;
    private long clockDay;
    private long nextId = 1;
    private long assignments;
    private long sinceRegroup;
    private int regrouped;

    /** A grouper with {@link Options#defaults()}. */
    public StoryGrouper() {
        this(Options.defaults());
    }

    public StoryGrouper(Options options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    public Options options() {
        return options;
    }

    /**
     * Puts one article into a story: the most similar live story when it reaches
     * {@link Options#threshold}, else a new story. {@code key} names the article in
     * {@link Regrouping#moves()} (the store's article id, say); it plays no part in the grouping.
     */
    public StoryAssignment assign(long key, ArticleFeatures article) {
        ArticleProfile profile = ArticleProfile.of(article, vocabulary);
        vocabulary.count(profile.distinctTerms);
        LocalDate date = article.date();
        if (date != null && (clock == null || date.isAfter(clock))) {
            clock = date;
            clockDay = date.toEpochDay();
        }
        Story best = null;
        double bestSim = -1;
        Weighted weighted = new Weighted(profile, vocabulary, centered(article.meaning(), true));
        for (Story s : candidates(queryTerms(profile), null)) {
            if (!compatible(s, date)) {
                continue;
            }
            double sim = similarity(weighted, s);
            if (sim > bestSim) {
                bestSim = sim;
                best = s;
            }
        }
        StoryAssignment result;
        Member member = new Member(key, profile, article.meaning(), date);
        if (best != null && bestSim >= options.threshold) {
            best.add(member, weighted.meaning, vocabulary);
            index(best, queryTerms(profile));
            result = new StoryAssignment(best.id, false, Math.min(1, bestSim));
        } else {
            best = newStory(nextId++);
            best.add(member, weighted.meaning, vocabulary);
            index(best, queryTerms(profile));
            result = new StoryAssignment(best.id, true, 0);
        }
        changed.add(best);
        assignments++;
        sinceRegroup++;
        if (options.mergeEvery > 0 && assignments % options.mergeEvery == 0) {
            mergePass();
        }
        return result;
    }

    /**
     * Adds one stored member to story {@code storyId}, creating the story at its first member.
     * Replaying the stored members of all stories in the order they were assigned, one call each,
     * learns the document frequencies in that same order, so members get the idf weights they had.
     */
    public void restoreMember(long storyId, long key, ArticleFeatures member) {
        Story story = byId.get(storyId);
        if (story == null) {
            if (mergedInto.containsKey(storyId)) {
                throw new IllegalArgumentException("story " + storyId + " was merged away");
            }
            story = newStory(storyId);
            nextId = Math.max(nextId, storyId + 1);
        }
        addRestored(story, key, member);
    }

    /** Makes new stories take ids above {@code storyId}: for ids used by stored stories that were not restored. */
    public void reserveIds(long storyId) {
        nextId = Math.max(nextId, storyId + 1);
    }

    private void addRestored(Story story, long key, ArticleFeatures member) {
        ArticleProfile profile = ArticleProfile.of(member, vocabulary);
        vocabulary.count(profile.distinctTerms);
        if (member.date() != null && (clock == null || member.date().isAfter(clock))) {
            clock = member.date();
            clockDay = clock.toEpochDay();
        }
        story.add(new Member(key, profile, member.meaning(), member.date()), centered(member.meaning(), true),
                vocabulary);
        index(story, queryTerms(profile));
    }

    /** Merges made since the last call, in order; the store moves the members of each {@code from}. */
    public List<StoryMerge> pollMerges() {
        List<StoryMerge> out = List.copyOf(merges);
        merges.clear();
        return out;
    }

    /** Runs a merge pass now over the stories changed since the last one. */
    public void mergeNow() {
        mergePass();
    }

    /** The id a story has now: itself, or the story it was merged into (transitively). */
    public long resolve(long storyId) {
        long id = storyId;
        Long next;
        while ((next = mergedInto.get(id)) != null) {
            id = next;
        }
        return id;
    }

    /** Number of live stories (not merged away). */
    public int storyCount() {
        return byId.size();
    }

    /** Number of articles in a story, 0 when unknown. */
    public int size(long storyId) {
        Story s = byId.get(resolve(storyId));
        return s == null ? 0 : s.size;
    }

    /**
     * A short label for a story: the member headline closest to the story's headline centroid,
     * or {@code null} for an unknown story or one whose members have no headline.
     */
    public String label(long storyId) {
        Story s = byId.get(resolve(storyId));
        if (s == null) {
            return null;
        }
        String best = null;
        double bestSim = -1;
        for (int k = 0; k < s.titles.size(); k++) {
            double sim = s.titleVectors.get(k).dot(s.title);
            if (!s.titles.get(k).isEmpty() && sim > bestSim) {
                bestSim = sim;
                best = s.titles.get(k);
            }
        }
        return best;
    }

    /**
     * Stories related to an article but not its story: similarity at least
     * {@link Options#relatedThreshold} and below {@link Options#threshold}, best first. Does not
     * change the grouping.
     */
    public List<StoryMatch> related(ArticleFeatures article, int limit) {
        ArticleProfile profile = ArticleProfile.of(article, vocabulary);
        List<StoryMatch> out = new ArrayList<>();
        Weighted weighted = new Weighted(profile, vocabulary, centered(article.meaning(), false));
        for (Story s : candidates(queryTerms(profile), null)) {
            double sim = similarity(weighted, s);
            if (sim >= options.relatedThreshold && sim < options.threshold) {
                out.add(new StoryMatch(s.id, Math.min(1, sim)));
            }
        }
        return best(out, limit);
    }

    /** Stories related to a story (similar, but not similar enough to merge), best first. */
    public List<StoryMatch> related(long storyId, int limit) {
        Story story = byId.get(resolve(storyId));
        if (story == null) {
            return List.of();
        }
        List<StoryMatch> out = new ArrayList<>();
        for (Story s : candidates(queryTerms(story), story)) {
            double sim = similarity(story, s);
            if (sim >= options.relatedThreshold && sim < options.mergeThreshold) {
                out.add(new StoryMatch(s.id, Math.min(1, sim)));
            }
        }
        return best(out, limit);
    }

    /** Inverse document frequency of a stem (or of a name, written {@code "~joe biden"}) as learned so far. */
    public double idf(String term) {
        int id = vocabulary.find(term);
        return id < 0 ? Math.log(vocabulary.documents() + 1.0) + 1 : vocabulary.of(id);
    }

    private static List<StoryMatch> best(List<StoryMatch> matches, int limit) {
        matches.sort((a, b) -> Double.compare(b.similarity(), a.similarity()));
        return matches.size() > limit ? List.copyOf(matches.subList(0, limit)) : matches;
    }

    private Story newStory(long id) {
        Story s = new Story(id, stories.size());
        stories.add(s);
        byId.put(id, s);
        if (accumulator.length < stories.size()) {
            accumulator = Arrays.copyOf(accumulator, stories.size() * 2);
        }
        return s;
    }

    private double similarity(Weighted a, Story s) {
        double terms = combine(a.title.isEmpty() ? 0 : options.titleWeight, meanCosine(a.title, 1, s.title, s.nTitle),
                a.lead.isEmpty() ? 0 : options.leadWeight, meanCosine(a.lead, 1, s.lead, s.nLead),
                a.body.isEmpty() ? 0 : options.bodyWeight, meanCosine(a.body, 1, s.body, s.nBody),
                a.names.isEmpty() ? 0 : options.namesWeight, meanCosine(a.names, 1, s.names, s.nNames));
        return withMeaning(terms, a.meaning, 1, s.meaning, s.nMeaning);
    }

    /** An article's unit TF-IDF vectors under the current idf and its centred meaning, computed once per lookup. */
    private record Weighted(SparseVector title, SparseVector lead, SparseVector body, SparseVector names,
                            float[] meaning) {
        Weighted(ArticleProfile p, SparseVector.Idf idf, float[] meaning) {
            this(p.title.weighted(idf), p.lead.weighted(idf), p.body.weighted(idf), p.names.weighted(idf), meaning);
        }
    }

    private double similarity(Story a, Story s) {
        double terms = combine(a.title.isEmpty() ? 0 : options.titleWeight, meanCosine(a.title, a.nTitle, s.title, s.nTitle),
                a.lead.isEmpty() ? 0 : options.leadWeight, meanCosine(a.lead, a.nLead, s.lead, s.nLead),
                a.body.isEmpty() ? 0 : options.bodyWeight, meanCosine(a.body, a.nBody, s.body, s.nBody),
                a.names.isEmpty() ? 0 : options.namesWeight, meanCosine(a.names, a.nNames, s.names, s.nNames));
        return withMeaning(terms, a.meaning, a.nMeaning, s.meaning, s.nMeaning);
    }

    /**
     * The similarity of two stories both ways, the lower: a view one side lacks is left out of
     * that side's weighting. When both have the same views the two ways are equal, and it is
     * computed once.
     */
    private double mutual(Story a, Story b) {
        boolean same = a.title.isEmpty() == b.title.isEmpty() && a.lead.isEmpty() == b.lead.isEmpty()
                && a.body.isEmpty() == b.body.isEmpty() && a.names.isEmpty() == b.names.isEmpty();
        return same ? similarity(a, b) : Math.min(similarity(a, b), similarity(b, a));
    }

    /**
     * The term similarity blended with the average link of two sums of centred meaning vectors
     * ({@code na}, {@code nb} vectors summed); the terms alone when either side has no meaning.
     */
    private double withMeaning(double terms, float[] a, int na, float[] b, int nb) {
        double w = options.meaningWeight;
        if (w <= 0 || a == null || b == null || na == 0 || nb == 0) {
            return terms;
        }
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return (terms + w * dot / ((double) na * nb)) / (1 + w);
    }

    /**
     * An article's meaning centred on the mean of all meanings seen (this one included when
     * {@code learn}, which then updates the mean) and scaled to unit length; null without one.
     */
    private float[] centered(float[] meaning, boolean learn) {
        if (meaning == null || options.meaningWeight <= 0) {
            return null;
        }
        if (meaningCount == 0) {
            float[] prior = Meaning.prior();
            for (int i = 0; i < prior.length; i++) {
                meaningSum[i] = PRIOR_WEIGHT * prior[i];
            }
            meaningCount = PRIOR_WEIGHT;
        }
        if (learn) {
            for (int i = 0; i < meaning.length; i++) {
                meaningSum[i] += meaning[i];
            }
            meaningCount++;
        }
        float[] c = new float[meaning.length];
        double norm = 0;
        for (int i = 0; i < meaning.length; i++) {
            c[i] = (float) (meaning[i] - meaningSum[i] / meaningCount);
            norm += c[i] * c[i];
        }
        if (norm == 0) {
            return null;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < c.length; i++) {
            c[i] *= scale;
        }
        return c;
    }

    /**
     * The link between two groups from the sums of their members' unit TF-IDF vectors ({@code nx},
     * {@code ny} vectors summed): the dot product over {@code sqrt(nx |x| ny |y|)}, between average
     * link and centroid cosine (see the class comment); 1 for two equal single vectors. Idf weights
     * are fixed into a member's vector when it joins, so a story is compared by its sums alone.
     */
    private static double meanCosine(SparseVector x, int nx, SparseVector y, int ny) {
        if (nx == 0 || ny == 0) {
            return 0;
        }
        double dot = x.dot(y);
        return dot == 0 ? 0 : dot / Math.sqrt(nx * x.norm() * ny * y.norm());
    }

    private static double combine(double wt, double t, double wl, double l, double wb, double b, double wn, double n) {
        double weights = wt + wl + wb + wn;
        return weights == 0 ? 0 : (wt * t + wl * l + wb * b + wn * n) / weights;
    }

    private boolean compatible(Story s, LocalDate date) {
        if (date == null || s.first == null) {
            return true;
        }
        long gap = date.isBefore(s.first) ? ChronoUnit.DAYS.between(date, s.first)
                : date.isAfter(s.last) ? ChronoUnit.DAYS.between(s.last, date) : 0;
        return gap <= options.windowDays;
    }

    private boolean compatible(Story a, Story b) {
        return a.first == null || b.first == null
                || compatible(b, a.first) && compatible(b, a.last);
    }

    private static boolean apart(Story a, Story b) {
        return EventNames.apart(a.keyNames, a.size, b.keyNames, b.size);
    }

    private boolean expired(Story s) {
        return s.last != null && clock != null && clockDay - s.last.toEpochDay() > options.windowDays;
    }

    /** The terms an article is indexed and looked up under: headline, names and its top body terms. */
    private int[] queryTerms(ArticleProfile p) {
        SparseVector body = p.body;
        int[] order = topByWeight(body, INDEXED_BODY_TERMS);
        SparseVector picked = p.title.plus(p.names, 1);
        int[] out = Arrays.copyOf(picked.ids, picked.ids.length + order.length);
        System.arraycopy(order, 0, out, picked.ids.length, order.length);
        Arrays.sort(out);
        return distinct(out);
    }

    /** A story's lookup terms: the telling terms of its summed headline, names and body. */
    private int[] queryTerms(Story s) {
        int[] out = new int[0];
        for (SparseVector v : List.of(s.title, s.names, s.body)) {
            int[] top = topByWeight(v, INDEXED_BODY_TERMS);
            int n = out.length;
            out = Arrays.copyOf(out, n + top.length);
            System.arraycopy(top, 0, out, n, top.length);
        }
        Arrays.sort(out);
        return distinct(out);
    }

    private int[] topByWeight(SparseVector v, int k) {
        int n = v.size();
        if (n <= k) {
            return v.ids.clone();
        }
        double[] w = new double[n];
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            w[i] = v.values[i] * vocabulary.of(v.ids[i]);
            idx[i] = i;
        }
        Arrays.sort(idx, (x, y) -> Double.compare(w[y], w[x]));
        int[] out = new int[k];
        for (int i = 0; i < k; i++) {
            out[i] = v.ids[idx[i]];
        }
        return out;
    }

    private static int[] distinct(int[] sorted) {
        int n = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[n++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, n);
    }

    private void index(Story s, int[] terms) {
        int[] merged = new int[s.indexed.length + terms.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < s.indexed.length || j < terms.length) {
            if (j == terms.length || i < s.indexed.length && s.indexed[i] < terms[j]) {
                merged[n++] = s.indexed[i++];
            } else if (i == s.indexed.length || terms[j] < s.indexed[i]) {
                post(terms[j], s.slot);
                merged[n++] = terms[j++];
            } else {
                merged[n++] = s.indexed[i++];
                j++;
            }
        }
        s.indexed = Arrays.copyOf(merged, n);
    }

    private void post(int term, int slot) {
        if (term >= postings.length) {
            int cap = Math.max(term + 1, postings.length * 2);
            postings = Arrays.copyOf(postings, cap);
            postingSize = Arrays.copyOf(postingSize, cap);
        }
        int[] list = postings[term];
        if (list == null) {
            list = postings[term] = new int[4];
        } else if (postingSize[term] == list.length) {
            int kept = 0;
            for (int k = 0; k < list.length; k++) {
                Story s = stories.get(list[k]);
                if (s.alive && !expired(s)) {
                    list[kept++] = list[k];
                }
            }
            postingSize[term] = kept;
            if (kept * 4 > list.length * 3) {
                list = postings[term] = Arrays.copyOf(list, list.length * 2);
            }
        }
        list[postingSize[term]++] = slot;
    }

    /**
     * The live stories sharing the most (idf-weighted) query terms, at most
     * {@link Options#candidates}; merged and expired stories are dropped from the postings on the way.
     */
    private List<Story> candidates(int[] terms, Story self) {
        int[] touched = new int[64];
        int nTouched = 0;
        for (int term : terms) {
            if (term >= postings.length || postings[term] == null) {
                continue;
            }
            int size = postingSize[term];
            if (size > MAX_POSTINGS) {
                continue;
            }
            float w = (float) vocabulary.of(term);
            int[] list = postings[term];
            int kept = 0;
            for (int k = 0; k < size; k++) {
                int slot = list[k];
                Story s = stories.get(slot);
                if (!s.alive || expired(s)) {
                    continue;
                }
                list[kept++] = slot;
                if (s == self) {
                    continue;
                }
                if (accumulator[slot] == 0) {
                    if (nTouched == touched.length) {
                        touched = Arrays.copyOf(touched, nTouched * 2);
                    }
                    touched[nTouched++] = slot;
                }
                accumulator[slot] += w;
            }
            postingSize[term] = kept;
        }
        int limit = options.candidates;
        List<Story> out = new ArrayList<>(Math.min(limit, nTouched));
        if (nTouched <= limit) {
            for (int k = 0; k < nTouched; k++) {
                out.add(stories.get(touched[k]));
            }
        } else {
            float[] scores = new float[nTouched];
            for (int k = 0; k < nTouched; k++) {
                scores[k] = accumulator[touched[k]];
            }
            float[] sorted = scores.clone();
            Arrays.sort(sorted);
            float cut = sorted[nTouched - limit];
            for (int k = 0; k < nTouched && out.size() < limit; k++) {
                if (scores[k] >= cut) {
                    out.add(stories.get(touched[k]));
                }
            }
        }
        for (int k = 0; k < nTouched; k++) {
            accumulator[touched[k]] = 0;
        }
        return out;
    }

    private void mergePass() {
        List<Story> pass = new ArrayList<>(changed);
        changed.clear();
        for (Story s : pass) {
            if (!s.alive) {
                continue;
            }
            Story best = null;
            double bestSim = -1;
            for (Story c : candidates(queryTerms(s), s)) {
                if (!compatible(s, c) || apart(s, c)) {
                    continue;
                }
                double sim = mutual(s, c);
                if (sim > bestSim) {
                    bestSim = sim;
                    best = c;
                }
            }
            if (best != null && bestSim >= options.mergeThreshold) {
                Story into = best.id < s.id ? best : s;
                Story from = into == best ? s : best;
                into.absorb(from);
                from.members.clear();
                index(into, from.indexed);
                from.alive = false;
                byId.remove(from.id);
                mergedInto.put(from.id, into.id);
                merges.add(new StoryMerge(from.id, into.id));
            }
        }
    }

    /**
     * Re-clusters the members of all live stories from scratch: best-first agglomeration
     * ({@link Agglomeration}) with the same similarity and {@link Options#threshold} as
     * {@link #assign}, under the document frequencies and meaning centre learned so far. Online
     * assignment decides in arrival order, with what it knew then: an early article can start a
     * story that a later one would have joined, or glue two events that later articles tell
     * apart. A regroup takes those decisions again with every member in view, and it can split a
     * story as well as merge.
     *
     * <p>Each member is compared with the {@value #REGROUP_NEIGHBOURS} members that share the
     * most telling index terms with it, and clusters only with clusters it is linked to, so the
     * cost grows with the number of members, not with its square. Story ids stay where most of
     * their members stay: each new cluster, largest first, keeps the id most of its members had,
     * if no larger cluster took it; other clusters get new ids, and a story whose id was not kept
     * is retired into the story that took most of its members ({@link #resolve} follows it).
     */
    public Regrouping regroup() {
        sinceRegroup = 0;
        List<Story> live = new ArrayList<>();
        List<Member> members = new ArrayList<>();
        List<Story> home = new ArrayList<>();
        for (Story s : stories) {
            if (s.alive && !expired(s)) {
                live.add(s);
                for (Member m : s.members) {
                    members.add(m);
                    home.add(s);
                }
            } else {
                s.members.clear();
            }
        }
        int n = members.size();
        Story[] unit = new Story[n];
        int[][] terms = new int[n][];
        for (int i = 0; i < n; i++) {
            Member m = members.get(i);
            unit[i] = new Story(-1, -1);
            unit[i].add(m, centered(m.meaning, false), vocabulary);
            terms[i] = queryTerms(m.profile);
        }
        Agglomeration agglomeration = new Agglomeration(n, options.threshold, LONER_THRESHOLD, new Agglomeration.Linkage() {
            @Override
            public double similarity(int a, int b) {
                return compatible(unit[a], unit[b]) && !apart(unit[a], unit[b])
                        ? mutual(unit[a], unit[b])
                        : Double.NaN;
            }

            @Override
            public void merge(int into, int from) {
                unit[into].absorb(unit[from]);
            }
        });
        linkNeighbours(terms, agglomeration);
        int[] cluster = agglomeration.run();
        return rebuild(live, members, home, cluster, unit, terms);
    }

    /**
     * Whether a {@link #regroup()} is due: once the assignments since the last one reach
     * {@link Options#regroupEvery} and a fifth of the members the last one regrouped. So a regroup
     * costs a bounded amount of work per assigned article, whatever the size of the window, and
     * a young grouping, whose early decisions had the least to go on, is regrouped most often.
     * Callers that assign (ingest, {@code eval stories}) ask after each article.
     */
    public boolean regroupDue() {
        return options.regroupEvery > 0
                && sinceRegroup >= Math.max(options.regroupEvery, (long) (REGROUP_SHARE * regrouped));
    }

    /** Offers each member's {@value #REGROUP_NEIGHBOURS} best index neighbours to the agglomeration. */
    private void linkNeighbours(int[][] terms, Agglomeration agglomeration) {
        int n = terms.length;
        Map<Integer, int[]> postingsOf = new HashMap<>();
        Map<Integer, Integer> sizes = new HashMap<>();
        for (int i = 0; i < n; i++) {
            for (int t : terms[i]) {
                int size = sizes.merge(t, 1, Integer::sum);
                int[] list = postingsOf.computeIfAbsent(t, k -> new int[4]);
                if (size > list.length) {
                    postingsOf.put(t, list = Arrays.copyOf(list, list.length * 2));
                }
                list[size - 1] = i;
            }
        }
        float[] score = new float[n];
        int[] touched = new int[n];
        for (int i = 0; i < n; i++) {
            int nTouched = 0;
            for (int t : terms[i]) {
                int size = sizes.get(t);
                if (size > MAX_POSTINGS) {
                    continue;
                }
                float w = (float) vocabulary.of(t);
                int[] list = postingsOf.get(t);
                for (int k = 0; k < size; k++) {
                    int j = list[k];
                    if (j != i) {
                        if (score[j] == 0) {
                            touched[nTouched++] = j;
                        }
                        score[j] += w;
                    }
                }
            }
            int[] best = nTouched <= REGROUP_NEIGHBOURS ? Arrays.copyOf(touched, nTouched)
                    : top(touched, nTouched, score, REGROUP_NEIGHBOURS);
            for (int k = 0; k < nTouched; k++) {
                score[touched[k]] = 0;
            }
            for (int j : best) {
                agglomeration.edge(i, j);
            }
        }
    }

    /**
     * The {@code k} items of {@code items[0..n)} with the highest {@code score}, ties to the lower
     * item, by a bounded heap (the weakest kept at the root).
     */
    private static int[] top(int[] items, int n, float[] score, int k) {
        int[] heap = new int[k];
        int size = 0;
        for (int t = 0; t < n; t++) {
            int item = items[t];
            if (size < k) {
                heap[size] = item;
                siftUp(heap, size++, score);
            } else if (stronger(item, heap[0], score)) {
                heap[0] = item;
                siftDown(heap, size, score);
            }
        }
        return heap;
    }

    private static boolean stronger(int a, int b, float[] score) {
        return score[a] > score[b] || score[a] == score[b] && a < b;
    }

    private static void siftUp(int[] heap, int i, float[] score) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (!stronger(heap[parent], heap[i], score)) {
                break;
            }
            int t = heap[parent];
            heap[parent] = heap[i];
            heap[i] = t;
            i = parent;
        }
    }

    private static void siftDown(int[] heap, int size, float[] score) {
        int i = 0;
        while (true) {
            int weakest = i;
            for (int c = 2 * i + 1; c <= 2 * i + 2 && c < size; c++) {
                if (stronger(heap[weakest], heap[c], score)) {
                    weakest = c;
                }
            }
            if (weakest == i) {
                return;
            }
            int t = heap[weakest];
            heap[weakest] = heap[i];
            heap[i] = t;
            i = weakest;
        }
    }

    /**
     * Puts the members into the stories the agglomeration found, keeping ids where most members
     * stay. Each cluster's sums are already built, in {@code unit} at its first item (the one the
     * others were merged into), and each member's index terms in {@code terms}.
     */
    private Regrouping rebuild(List<Story> live, List<Member> members, List<Story> home, int[] cluster,
                               Story[] unit, int[][] terms) {
        int n = members.size();
        Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            groups.computeIfAbsent(cluster[i], k -> new ArrayList<>()).add(i);
        }
        List<List<Integer>> ordered = new ArrayList<>(groups.values());
        ordered.sort((a, b) -> Integer.compare(b.size(), a.size()));
        Map<Long, Story> kept = new HashMap<>();
        List<Story> target = new ArrayList<>(ordered.size());
        for (List<Integer> group : ordered) {
            Map<Story, Integer> votes = new LinkedHashMap<>();
            for (int i : group) {
                votes.merge(home.get(i), 1, Integer::sum);
            }
            Story keep = null;
            int most = 0;
            for (Map.Entry<Story, Integer> v : votes.entrySet()) {
                if (!kept.containsKey(v.getKey().id) && v.getValue() > most) {
                    keep = v.getKey();
                    most = v.getValue();
                }
            }
            if (keep != null) {
                kept.put(keep.id, keep);
            }
            target.add(keep);
        }
        Map<Story, Map<Long, Integer>> whereTo = new HashMap<>();
        for (Story s : live) {
            if (!kept.containsKey(s.id)) {
                s.alive = false;
                byId.remove(s.id);
            }
            s.clear();
        }
        List<StoryMove> moves = new ArrayList<>();
        for (int g = 0; g < ordered.size(); g++) {
            Story story = target.get(g) != null ? target.get(g) : newStory(nextId++);
            List<Integer> group = ordered.get(g);
            story.absorb(unit[cluster[group.getFirst()]]);
            for (int i : group) {
                index(story, terms[i]);
                Story from = home.get(i);
                if (from != story) {
                    moves.add(new StoryMove(members.get(i).key, from.id, story.id));
                    whereTo.computeIfAbsent(from, k -> new LinkedHashMap<>()).merge(story.id, 1, Integer::sum);
                }
            }
        }
        List<StoryMerge> retired = new ArrayList<>();
        for (Story s : live) {
            if (!s.alive) {
                long into = whereTo.get(s).entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
                mergedInto.put(s.id, into);
                retired.add(new StoryMerge(s.id, into));
            }
        }
        changed.clear();
        regrouped = n;
        return new Regrouping(moves, retired, n);
    }

    /** One article as the grouper keeps it, to regroup: its terms, its raw meaning and its day. */
    private record Member(long key, ArticleProfile profile, float[] meaning, LocalDate date) {
    }

    /** One story's running sums. */
    private static final class Story {
        final long id;
        final int slot;
        SparseVector title = SparseVector.EMPTY;
        SparseVector lead = SparseVector.EMPTY;
        SparseVector body = SparseVector.EMPTY;
        SparseVector names = SparseVector.EMPTY;
        /** Each {@linkplain EventNames key name}'s number of members using it. */
        SparseVector keyNames = SparseVector.EMPTY;
        float[] meaning;
        int nMeaning;
        int nTitle;
        int nLead;
        int nBody;
        int nNames;
        int size;
        LocalDate first;
        LocalDate last;
        int[] indexed = new int[0];
        boolean alive = true;
        final List<Member> members = new ArrayList<>(1);
        final List<String> titles = new ArrayList<>(2);
        final List<SparseVector> titleVectors = new ArrayList<>(2);

        Story(long id, int slot) {
            this.id = id;
            this.slot = slot;
        }

        void add(Member m, float[] centeredMeaning, SparseVector.Idf idf) {
            members.add(m);
            ArticleProfile p = m.profile;
            LocalDate date = m.date;
            if (centeredMeaning != null) {
                meaning = plus(meaning, centeredMeaning);
                nMeaning++;
            }
            title = title.plus(p.title.weighted(idf), 1);
            lead = lead.plus(p.lead.weighted(idf), 1);
            body = body.plus(p.body.weighted(idf), 1);
            names = names.plus(p.names.weighted(idf), 1);
            keyNames = keyNames.plus(p.keyNames, 1);
            nTitle += p.title.isEmpty() ? 0 : 1;
            nLead += p.lead.isEmpty() ? 0 : 1;
            nBody += p.body.isEmpty() ? 0 : 1;
            nNames += p.names.isEmpty() ? 0 : 1;
            size++;
            widen(date, date);
            if (titles.size() < KEPT_TITLES) {
                titles.add(p.titleText);
                titleVectors.add(p.title.weighted(idf));
            }
        }

        /** Forgets the members and sums (not the index entries): the story is about to be refilled. */
        void clear() {
            members.clear();
            title = lead = body = names = keyNames = SparseVector.EMPTY;
            meaning = null;
            nMeaning = nTitle = nLead = nBody = nNames = size = 0;
            first = last = null;
            titles.clear();
            titleVectors.clear();
        }

        void absorb(Story o) {
            members.addAll(o.members);
            title = title.plus(o.title, 1);
            lead = lead.plus(o.lead, 1);
            body = body.plus(o.body, 1);
            names = names.plus(o.names, 1);
            keyNames = keyNames.plus(o.keyNames, 1);
            if (o.meaning != null) {
                meaning = plus(meaning, o.meaning);
                nMeaning += o.nMeaning;
            }
            nTitle += o.nTitle;
            nLead += o.nLead;
            nBody += o.nBody;
            nNames += o.nNames;
            size += o.size;
            widen(o.first, o.last);
            for (int k = 0; k < o.titles.size() && titles.size() < KEPT_TITLES; k++) {
                titles.add(o.titles.get(k));
                titleVectors.add(o.titleVectors.get(k));
            }
        }

        private static float[] plus(float[] sum, float[] v) {
            float[] out = sum == null ? new float[v.length] : sum;
            for (int i = 0; i < v.length; i++) {
                out[i] += v[i];
            }
            return out;
        }

        private void widen(LocalDate from, LocalDate to) {
            if (from != null && (first == null || from.isBefore(first))) {
                first = from;
            }
            if (to != null && (last == null || to.isAfter(last))) {
                last = to;
            }
        }
    }
}
