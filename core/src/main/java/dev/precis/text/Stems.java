package dev.precis.text;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Stems words with {@link PorterStemmer}, remembering recent results: news vocabulary repeats
 * heavily, so a bounded cache turns most stems into one hash lookup.
 */
final class Stems {

    private static final int LIMIT = 200_000;
    private static final ConcurrentHashMap<String, String> CACHE = new ConcurrentHashMap<>();

    private Stems() {
    }

    static String of(String lowercaseWord) {
        String stem = CACHE.get(lowercaseWord);
        if (stem == null) {
            stem = PorterStemmer.stem(lowercaseWord);
            if (CACHE.size() >= LIMIT) {
                CACHE.clear();
            }
            CACHE.put(lowercaseWord, stem);
        }
        return stem;
    }
}
