package dev.precis.stories;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * "Who said what" across a story: statements of all member articles grouped by speaker.
 *
 * <p>Speakers are matched by surname, so "President Joe Biden", "Joe Biden" and "Biden" are one
 * speaker, shown under the longest name used. Pronoun speakers ("he", "she", "they") are left out:
 * they only mean something inside their article. The same statement reported by several outlets
 * (same words, case and punctuation aside) is kept once, with its first article.
 */
public final class WhoSaidWhat {

    /** One speaker and their statements in the story, in the order given. */
    public record Speaker(String name, List<Attribution> statements) {
    }

    private static final Set<String> PRONOUNS = Set.of("he", "she", "they", "it", "we", "i", "you", "who");

    private WhoSaidWhat() {
    }

    /** The statements grouped by speaker, the speaker with most statements first. */
    public static List<Speaker> group(List<Attribution> statements) {
        Map<String, List<Attribution>> bySpeaker = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (Attribution a : statements) {
            if (a.speaker() == null || a.content() == null) {
                continue;
            }
            String key = key(a.speaker());
            if (key.isEmpty() || PRONOUNS.contains(key)) {
                continue;
            }
            if (!seen.add(key + "\u0000" + a.content().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip())) {
                continue;
            }
            bySpeaker.computeIfAbsent(key, k -> new ArrayList<>()).add(a);
            names.merge(key, a.speaker().strip(), (x, y) -> y.length() > x.length() ? y : x);
        }
        List<Speaker> out = new ArrayList<>();
        bySpeaker.forEach((key, list) -> out.add(new Speaker(names.get(key), List.copyOf(list))));
        out.sort((x, y) -> Integer.compare(y.statements().size(), x.statements().size()));
        return out;
    }

    /** The surname: the last word of the name, lower-cased, without a possessive. */
    static String key(String speaker) {
        String[] words = speaker.strip().toLowerCase(Locale.ROOT).split("[\\s]+");
        String last = words[words.length - 1].replaceAll("['’]s$", "").replaceAll("[^\\p{L}\\p{N}-]", "");
        return last;
    }
}
