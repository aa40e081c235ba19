package dev.precis.statements;

import dev.precis.text.ResourceLines;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The word classes that shape speaker phrases (titles, honorifics, auxiliaries, determiners,
 * clause boundaries, pronouns), read from the resource {@code speaker-words.txt}.
 */
final class SpeakerWords {

    private static final Map<String, Set<String>> CLASSES = load("speaker-words.txt");

    private SpeakerWords() {
    }

    static boolean is(String wordClass, String lowercaseWord) {
        Set<String> words = CLASSES.get(wordClass);
        return words != null && words.contains(lowercaseWord);
    }

    static boolean isPronoun(String w) {
        return is("male", w) || is("female", w) || is("plural", w) || is("other", w);
    }

    private static Map<String, Set<String>> load(String resource) {
        Map<String, Set<String>> classes = new HashMap<>();
        for (String line : ResourceLines.read(SpeakerWords.class, resource)) {
            String[] cols = line.split("\t");
            classes.computeIfAbsent(cols[0], k -> new HashSet<>()).add(cols[1].strip());
        }
        Map<String, Set<String>> frozen = new HashMap<>();
        classes.forEach((k, v) -> frozen.put(k, Set.copyOf(v)));
        return Map.copyOf(frozen);
    }
}
