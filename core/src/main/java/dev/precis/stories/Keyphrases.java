package dev.precis.stories;

import dev.precis.text.Doc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Keyphrases of an article or a story. Candidates are RAKE-style (Rose et al., "Automatic Keyword
 * Extraction from Individual Documents", 2010): runs of content words between stop words and
 * punctuation, here every part of up to {@value #MAX_WORDS} words of such a run. A candidate scores
 * its frequency times the summed idf of its words over the square root of its length, with a boost
 * for proper names (every word capitalized) and for occurrences in the headline. A phrase whose
 * words all belong to a better phrase is left out.
 */
public final class Keyphrases {

    /** One keyphrase: its text as first written, and its score (higher is more telling). */
    public record Keyphrase(String text, double score) {
    }

    static final int MAX_WORDS = 3;
    private static final double NAME_BOOST = 1.5;
    private static final double TITLE_BOOST = 1.5;

    private Keyphrases() {
    }

    /**
     * The {@code limit} best keyphrases of one article.
     *
     * @param doc   the body's analysis
     * @param title the headline, or {@code null}
     * @param idf   inverse document frequency of a stem (e.g. {@link StoryGrouper#idf}); {@code s -> 1} for none
     */
    public static List<Keyphrase> of(Doc doc, String title, int limit, ToDoubleFunction<String> idf) {
        return candidates(doc, title).best(limit, idf);
    }

    /**
     * The candidates of one article, found without any idf: the costly part of {@link #of}, which
     * can run apart (on another thread) from the scoring, e.g. where the idf is learned serially.
     */
    public static Candidates candidates(Doc doc, String title) {
        Doc titleDoc = title != null && !title.isBlank() ? Doc.of(title) : null;
        Candidates c = new Candidates(doc, titleDoc);
        PhraseIndex index = new PhraseIndex();
        int[] bodyIds = new int[doc.termCount()];
        for (int term = 0; term < bodyIds.length; term++) {
            bodyIds[term] = term;
        }
        c.collect(0, 1, bodyIds, index);
        if (titleDoc != null) {
            // a headline term shares its id with the same stem in the body, so phrases of both merge
            Map<String, Integer> inBody = new HashMap<>();
            for (int term = 0; term < doc.termCount(); term++) {
                inBody.put(doc.termString(term), term);
            }
            int[] titleIds = new int[titleDoc.termCount()];
            for (int term = 0; term < titleIds.length; term++) {
                titleIds[term] = inBody.getOrDefault(titleDoc.termString(term), doc.termCount() + term);
            }
            c.collect(1, TITLE_BOOST, titleIds, index);
        }
        return c;
    }

    /** Phrases (up to three term ids packed in a long) to candidate numbers: open addressing, no boxing. */
    private static final class PhraseIndex {
        private long[] keys = new long[1024];
        private int[] values = new int[1024];
        private int size;

        /** The candidate number of {@code key}, or -1. */
        int get(long key) {
            int mask = keys.length - 1;
            for (int i = slot(key, mask); ; i = (i + 1) & mask) {
                if (keys[i] == key) {
                    return values[i];
                }
                if (keys[i] == 0) {
                    return -1;
                }
            }
        }

        void put(long key, int value) {
            if (2 * (size + 1) > keys.length) {
                long[] oldKeys = keys;
                int[] oldValues = values;
                keys = new long[oldKeys.length * 2];
                values = new int[oldKeys.length * 2];
                size = 0;
                for (int i = 0; i < oldKeys.length; i++) {
                    if (oldKeys[i] != 0) {
                        put(oldKeys[i], oldValues[i]);
                    }
                }
            }
            int mask = keys.length - 1;
            int i = slot(key, mask);
            while (keys[i] != 0) {
                i = (i + 1) & mask;
            }
            keys[i] = key;
            values[i] = value;
            size++;
        }

        private static int slot(long key, int mask) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32)) & mask;
        }
    }

    /**
     * The {@code limit} best keyphrases of a story: each phrase's scores summed over the member
     * articles and multiplied by the number of members that use it, so that what the outlets agree
     * on comes first.
     */
    public static List<Keyphrase> ofStory(List<Doc> docs, List<String> titles, int limit, ToDoubleFunction<String> idf) {
        Map<String, Scored> all = new LinkedHashMap<>();
        for (int i = 0; i < docs.size(); i++) {
            Candidates c = candidates(docs.get(i), titles == null || i >= titles.size() ? null : titles.get(i));
            double[] score = c.scores(idf);
            for (int k = 0; k < c.size; k++) {
                List<String> stems = c.stems(k);
                String text = c.text(k);
                Scored into = all.computeIfAbsent(String.join(" ", stems), key -> new Scored(stems, text));
                into.score += score[k];
                into.documents++;
            }
        }
        List<Scored> ranked = new ArrayList<>(all.values());
        ranked.forEach(x -> x.score *= x.documents);
        ranked.sort((a, b) -> Double.compare(b.score, a.score));
        List<Keyphrase> out = new ArrayList<>();
        List<Set<String>> taken = new ArrayList<>();
        for (Scored x : ranked) {
            if (out.size() == limit) {
                break;
            }
            if (take(x.stems, taken)) {
                out.add(new Keyphrase(x.text, x.score));
            }
        }
        return out;
    }

    private static final class Scored {
        final List<String> stems;
        final String text;
        double score;
        int documents;

        Scored(List<String> stems, String text) {
            this.stems = stems;
            this.text = text;
        }
    }

    /** Whether a phrase of these words is kept: none of the phrases taken already holds them all. */
    private static boolean take(List<String> stems, List<Set<String>> taken) {
        Set<String> words = new HashSet<>(stems);
        if (taken.stream().anyMatch(t -> t.containsAll(words))) {
            return false;
        }
        taken.add(words);
        return true;
    }

    /**
     * The keyphrase candidates of one article: every distinct phrase (by stems) with its first
     * occurrence and its weight without idf (occurrences, headline and name boosts, length). A
     * phrase's score is that weight times the summed idf of its words, so scoring needs one idf
     * lookup per distinct word.
     */
    public static final class Candidates {

        private final Doc body;
        private final Doc title;
        private byte[] where = new byte[64];
        private int[] from = new int[64];
        private int[] to = new int[64];
        private double[] weight = new double[64];
        private int size;

        private Candidates(Doc body, Doc title) {
            this.body = body;
            this.title = title;
        }

        /** The {@code limit} best keyphrases under {@code idf}. */
        public List<Keyphrase> best(int limit, ToDoubleFunction<String> idf) {
            double[] score = scores(idf);
            // the best few in order are usually enough; all of them only when many are left out
            for (int head = Math.min(size, 4 * limit + 8); ; head = size) {
                List<Keyphrase> out = new ArrayList<>();
                List<Set<String>> taken = new ArrayList<>();
                for (int k : ranked(score, head)) {
                    if (out.size() == limit) {
                        return out;
                    }
                    if (take(stems(k), taken)) {
                        out.add(new Keyphrase(text(k), score[k]));
                    }
                }
                if (out.size() == limit || head == size) {
                    return out;
                }
            }
        }

        /** The indices of the {@code head} best scores, best first, ties in order of first occurrence. */
        private int[] ranked(double[] score, int head) {
            int[] top = new int[head];
            int n = 0;
            for (int k = 0; k < size; k++) {
                if (n == head && score[k] <= score[top[n - 1]]) {
                    continue;
                }
                int at = n == head ? n - 1 : n++;
                while (at > 0 && score[k] > score[top[at - 1]]) {
                    top[at] = top[at - 1];
                    at--;
                }
                top[at] = k;
            }
            return Arrays.copyOf(top, n);
        }

        private double[] scores(ToDoubleFunction<String> idf) {
            double[][] known = {new double[body.termCount()], title == null ? new double[0] : new double[title.termCount()]};
            Arrays.fill(known[0], Double.NaN);
            Arrays.fill(known[1], Double.NaN);
            double[] score = new double[size];
            for (int k = 0; k < size; k++) {
                Doc doc = where[k] == 0 ? body : title;
                double[] cache = known[where[k]];
                double sum = 0;
                for (int t = from[k]; t < to[k]; t++) {
                    int term = doc.term(t);
                    if (Double.isNaN(cache[term])) {
                        cache[term] = idf.applyAsDouble(doc.termString(term));
                    }
                    sum += cache[term];
                }
                score[k] = weight[k] * sum;
            }
            return score;
        }

        private List<String> stems(int k) {
            Doc doc = where[k] == 0 ? body : title;
            List<String> out = new ArrayList<>(to[k] - from[k]);
            for (int t = from[k]; t < to[k]; t++) {
                out.add(doc.termString(doc.term(t)));
            }
            return out;
        }

        private String text(int k) {
            Doc doc = where[k] == 0 ? body : title;
            return doc.text().substring(doc.tokenStart(from[k]), doc.tokenEnd(to[k] - 1));
        }

        private void collect(int which, double boost, int[] ids, PhraseIndex index) {
            Doc doc = which == 0 ? body : title;
            boolean[] word = new boolean[doc.termCount()];
            boolean[] number = new boolean[doc.termCount()];
            for (int term = 0; term < word.length; term++) {
                String stem = doc.termString(term);
                word[term] = stem.length() >= 2;
                number[term] = !stem.isEmpty() && Character.isDigit(stem.charAt(0));
            }
            for (int s = 0; s < doc.sentenceCount(); s++) {
                int t = doc.firstToken(s);
                int end = doc.endToken(s);
                while (t < end) {
                    if (!doc.isContent(t)) {
                        t++;
                        continue;
                    }
                    int runEnd = t;
                    while (runEnd < end && doc.isContent(runEnd)) {
                        runEnd++;
                    }
                    for (int a = t; a < runEnd; a++) {
                        long key = 0;
                        boolean name = true;
                        for (int b = a + 1; b <= Math.min(runEnd, a + MAX_WORDS); b++) {
                            int term = doc.term(b - 1);
                            if (!word[term]) {
                                break;
                            }
                            key |= (ids[term] + 1L) << (21 * (b - 1 - a));
                            name &= Character.isUpperCase(doc.text().charAt(doc.tokenStart(b - 1)));
                            if (b - a == 1 && number[term]) {
                                continue;
                            }
                            add(which, a, b, key, boost * (name ? NAME_BOOST : 1) / Math.sqrt(b - a), index);
                        }
                    }
                    t = runEnd;
                }
            }
        }

        private void add(int which, int a, int b, long key, double w, PhraseIndex index) {
            int k = index.get(key);
            if (k < 0) {
                k = size++;
                index.put(key, k);
                if (k == from.length) {
                    where = Arrays.copyOf(where, k * 2);
                    from = Arrays.copyOf(from, k * 2);
                    to = Arrays.copyOf(to, k * 2);
                    weight = Arrays.copyOf(weight, k * 2);
                }
                where[k] = (byte) which;
                from[k] = a;
                to[k] = b;
            }
            weight[k] += w;
        }
    }
}
