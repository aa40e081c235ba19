package dev.precis.statements;

import dev.precis.text.ResourceLines;

import dev.precis.text.Doc;

import java.util.HashMap;
import java.util.Map;

/**
 * The speech cues: surface forms of reporting verbs and phrases ("stressed", "told", "went on",
 * "according to") with their lemmas.
 *
 * <p>The forms live in the resource {@code cues-en.txt} beside this class, one
 * {@code surface<TAB>lemma[<TAB>quote|clause]} a line, so the list is tuned as data. Multi-word surfaces are matched
 * on consecutive tokens of a {@link Doc}.
 */
public final class CueLexicon {

    private static final CueLexicon ENGLISH = load("cues-en.txt");

    private final Map<String, String> lemmas;
    private final Map<String, String[][]> phrases;
    private final java.util.Set<String> quoteOnly;
    private final java.util.Set<String> clauseOnly;

    private CueLexicon(Map<String, String> lemmas, Map<String, String[][]> phrases, java.util.Set<String> quoteOnly,
                       java.util.Set<String> clauseOnly) {
        this.lemmas = lemmas;
        this.phrases = phrases;
        this.quoteOnly = quoteOnly;
        this.clauseOnly = clauseOnly;
    }

    /** The English lexicon. */
    public static CueLexicon english() {
        return ENGLISH;
    }

    /**
     * The cue that starts at token {@code t}, or {@code null}: its token count and lemma. The longest
     * surface form wins ("pointed out" over "pointed").
     */
    public Match match(Doc doc, int t) {
        String first = doc.norm(t);
        String[][] multi = phrases.get(first);
        if (multi != null) {
            for (String[] words : multi) {
                if (t + words.length <= doc.tokenCount() && startsWith(doc, t, words)) {
                    String surface = String.join(" ", words);
                    return new Match(words.length, lemmas.get(surface), quoteOnly.contains(surface), clauseOnly.contains(surface));
                }
            }
        }
        String lemma = lemmas.get(first);
        return lemma == null ? null : new Match(1, lemma, quoteOnly.contains(first), clauseOnly.contains(first));
    }

    /**
     * Whether a cue as written ("has said", "said in a statement", "according to") holds a speech cue
     * of this lexicon; used to keep only speech when scoring against corpora that also attribute
     * beliefs and intentions ("think", "wants").
     */
    public boolean isSpeechCue(String phrase) {
        if (phrase == null) {
            return false;
        }
        String lower = phrase.strip().toLowerCase(java.util.Locale.ROOT);
        if (lemmas.containsKey(lower)) {
            return true;
        }
        for (String word : lower.split("[^\\p{L}']+")) {
            if (lemmas.containsKey(word)) {
                return true;
            }
        }
        return false;
    }

    /** The lemma of a one-word surface form, or {@code null}. */
    public String lemma(String surface) {
        return lemmas.get(surface);
    }

    private static boolean startsWith(Doc doc, int t, String[] words) {
        for (int k = 0; k < words.length; k++) {
            if (!doc.norm(t + k).equals(words[k])) {
                return false;
            }
        }
        return true;
    }

    /**
     * A cue found in a Doc: how many tokens it spans, its lemma, whether it attributes only
     * quotations ("…," she laughed) and not plain reported speech, and whether reported speech after
     * it must open with "that" or a subject pronoun ("announced that …", not "announced a plan").
     */
    public record Match(int tokens, String lemma, boolean quoteOnly, boolean clauseOnly) {
    }

    private static CueLexicon load(String resource) {
        Map<String, String> lemmas = new HashMap<>();
        Map<String, java.util.List<String[]>> multi = new HashMap<>();
        java.util.Set<String> quoteOnly = new java.util.HashSet<>();
        java.util.Set<String> clauseOnly = new java.util.HashSet<>();
        for (String line : ResourceLines.read(CueLexicon.class, resource)) {
            String[] cols = line.split("\t");
            String surface = cols[0].strip();
            lemmas.put(surface, cols[1].strip());
            String flag = cols.length > 2 ? cols[2].strip() : "";
            if (flag.equals("quote")) {
                quoteOnly.add(surface);
            } else if (flag.equals("clause")) {
                clauseOnly.add(surface);
            }
            String[] words = surface.split(" ");
            if (words.length > 1) {
                multi.computeIfAbsent(words[0], k -> new java.util.ArrayList<>()).add(words);
            }
        }
        Map<String, String[][]> phrases = new HashMap<>();
        multi.forEach((k, v) -> {
            v.sort((a, b) -> b.length - a.length);
            phrases.put(k, v.toArray(String[][]::new));
        });
        return new CueLexicon(Map.copyOf(lemmas), Map.copyOf(phrases), java.util.Set.copyOf(quoteOnly),
                java.util.Set.copyOf(clauseOnly));
    }
}
