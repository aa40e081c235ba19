package dev.precis.store;

import dev.precis.text.PorterStemmer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Highlighted snippets for search results, made the same way for every store: the window of
 * {@value #WINDOW} words with the most distinct query words (compared by Porter stem, prefixes
 * by their start), matches wrapped in {@link SearchHit#OPEN}/{@link SearchHit#CLOSE}. Done in
 * Java on the few returned articles, so the databases only rank.
 */
final class Snippets {

    /** Words in a snippet. */
    static final int WINDOW = 28;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private final Set<String> stems = new HashSet<>();
    private final List<String> prefixes = new ArrayList<>();

    Snippets(SearchQuery query) {
        collect(query.expression());
    }

    private void collect(SearchQuery.Node n) {
        switch (n) {
            case null -> { }
            case SearchQuery.Term t -> {
                for (int i = 0; i < t.words().size(); i++) {
                    if (t.prefix() && i == t.words().size() - 1) {
                        prefixes.add(t.words().get(i));
                    } else {
                        stems.add(PorterStemmer.stem(t.words().get(i)));
                    }
                }
            }
            case SearchQuery.And a -> a.parts().forEach(this::collect);
            case SearchQuery.Or o -> o.parts().forEach(this::collect);
            case SearchQuery.Not x -> { } // excluded words are not in the results
        }
    }

    /** A cheap pre-check: Porter stems keep a word's first letters, so only such words are stemmed. */
    private boolean couldStemTo(String lower) {
        for (String s : stems) {
            int n = Math.min(3, s.length());
            if (lower.regionMatches(0, s, 0, n)) {
                return true;
            }
        }
        return false;
    }

    /** The snippet of {@code text} with matches marked. */
    String of(String text) {
        List<int[]> words = new ArrayList<>();
        List<String> matchKey = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            words.add(new int[]{m.start(), m.end()});
            matchKey.add(key(m.group().toLowerCase(Locale.ROOT)));
        }
        if (words.isEmpty()) {
            return "";
        }
        int bestStart = 0;
        int bestScore = -1;
        for (int s = 0; s < words.size(); s++) {
            if (matchKey.get(s) == null) {
                continue;
            }
            Set<String> distinct = new HashSet<>();
            int hits = 0;
            for (int w = s; w < Math.min(words.size(), s + WINDOW); w++) {
                if (matchKey.get(w) != null) {
                    distinct.add(matchKey.get(w));
                    hits++;
                }
            }
            int score = distinct.size() * 1000 + hits;
            if (score > bestScore) {
                bestScore = score;
                bestStart = s;
            }
        }
        int from = Math.max(0, bestStart - 4);
        int to = Math.min(words.size(), from + WINDOW);
        StringBuilder sb = new StringBuilder();
        if (from > 0) {
            sb.append('…');
        }
        int at = words.get(from)[0];
        for (int w = from; w < to; w++) {
            int[] span = words.get(w);
            sb.append(text, at, span[0]);
            if (matchKey.get(w) != null) {
                sb.append(SearchHit.OPEN).append(text, span[0], span[1]).append(SearchHit.CLOSE);
            } else {
                sb.append(text, span[0], span[1]);
            }
            at = span[1];
        }
        if (to < words.size()) {
            sb.append(" …");
        } else {
            sb.append(text.substring(at).strip());
        }
        return sb.toString();
    }

    /** What a word matches in the query, or {@code null}. */
    private String key(String lower) {
        if (couldStemTo(lower)) {
            String stem = PorterStemmer.stem(lower);
            if (stems.contains(stem)) {
                return stem;
            }
        }
        for (String p : prefixes) {
            if (lower.startsWith(p)) {
                return p + "*";
            }
        }
        return null;
    }
}
