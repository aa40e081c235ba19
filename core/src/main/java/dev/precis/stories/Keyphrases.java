package dev.precis.stories;

import dev.precis.text.Doc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;
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
        return best(scores(doc, title, idf), limit);
    }

    /**
     * The {@code limit} best keyphrases of a story: each phrase's scores summed over the member
     * articles and multiplied by the number of members that use it, so that what the outlets agree
     * on comes first.
     */
    public static List<Keyphrase> ofStory(List<Doc> docs, List<String> titles, int limit, ToDoubleFunction<String> idf) {
        Map<String, Candidate> all = new LinkedHashMap<>();
        for (int i = 0; i < docs.size(); i++) {
            for (Candidate c : scores(docs.get(i), titles == null || i >= titles.size() ? null : titles.get(i), idf).values()) {
                Candidate into = all.computeIfAbsent(c.key, k -> new Candidate(c.key, c.stems, c.text));
                into.score += c.score;
                into.documents++;
            }
        }
        for (Candidate c : all.values()) {
            c.score *= c.documents;
        }
        return best(all, limit);
    }

    private static final class Candidate {
        final String key;
        final List<String> stems;
        final String text;
        double score;
        int documents;

        Candidate(String key, List<String> stems, String text) {
            this.key = key;
            this.stems = stems;
            this.text = text;
        }
    }

    private static Map<String, Candidate> scores(Doc doc, String title, ToDoubleFunction<String> idf) {
        Map<String, Candidate> out = new LinkedHashMap<>();
        collect(doc, 1, idf, out);
        if (title != null && !title.isBlank()) {
            collect(Doc.of(title), TITLE_BOOST, idf, out);
        }
        return out;
    }

    private static void collect(Doc doc, double boost, ToDoubleFunction<String> idf, Map<String, Candidate> out) {
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
                for (int from = t; from < runEnd; from++) {
                    for (int to = from + 1; to <= Math.min(runEnd, from + MAX_WORDS); to++) {
                        add(doc, from, to, boost, idf, out);
                    }
                }
                t = runEnd;
            }
        }
    }

    private static void add(Doc doc, int from, int to, double boost, ToDoubleFunction<String> idf,
                            Map<String, Candidate> out) {
        List<String> stems = new ArrayList<>(to - from);
        double weight = 0;
        boolean name = true;
        for (int t = from; t < to; t++) {
            String stem = doc.termString(doc.term(t));
            if (stem.length() < 2 || Character.isDigit(stem.charAt(0)) && to - from == 1) {
                return;
            }
            stems.add(stem);
            weight += idf.applyAsDouble(stem);
            name &= Character.isUpperCase(doc.text().charAt(doc.tokenStart(t)));
        }
        double score = weight / Math.sqrt(stems.size()) * boost * (name ? NAME_BOOST : 1);
        String key = String.join(" ", stems);
        Candidate c = out.computeIfAbsent(key, k -> new Candidate(k, stems,
                doc.text().substring(doc.tokenStart(from), doc.tokenEnd(to - 1))));
        c.score += score;
    }

    private static List<Keyphrase> best(Map<String, Candidate> candidates, int limit) {
        List<Candidate> ranked = new ArrayList<>(candidates.values());
        ranked.sort((a, b) -> Double.compare(b.score, a.score));
        List<Keyphrase> out = new ArrayList<>();
        List<Set<String>> taken = new ArrayList<>();
        for (Candidate c : ranked) {
            if (out.size() == limit) {
                break;
            }
            Set<String> words = new HashSet<>(c.stems);
            if (taken.stream().anyMatch(t -> t.containsAll(words))) {
                continue;
            }
            taken.add(words);
            out.add(new Keyphrase(c.text, c.score));
        }
        return out;
    }
}
