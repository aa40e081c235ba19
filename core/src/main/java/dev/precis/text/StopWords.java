package dev.precis.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
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
        Set<String> words = new HashSet<>();
        try (InputStream in = StopWords.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
