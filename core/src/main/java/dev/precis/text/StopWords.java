package dev.precis.text;

import java.util.Set;

/**
 * The English function words that carry no topic: "the", "said", "would", …
 *
 * <p>The list lives in {@code stopwords-en.txt} beside this class so it can be tuned without
 * touching code. Words are matched in lower case.
 */
public final class StopWords {

    private static final Set<String> ENGLISH = load("stopwords-en.txt");

    private StopWords() {
    }

    /** Whether the lower-cased word is an English stop word. */
    public static boolean isStopWord(String lowercaseWord) {
        return ENGLISH.contains(lowercaseWord);
    }

    private static Set<String> load(String resource) {
        return Set.copyOf(ResourceLines.read(StopWords.class, resource));
    }
}
