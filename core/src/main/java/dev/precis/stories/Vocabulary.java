package dev.precis.stories;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Global term ids and document frequencies learned online from every article seen: inverse
 * document frequency {@code ln((N + 1) / (df + 1)) + 1}, the smoothed form scikit-learn uses.
 */
final class Vocabulary implements SparseVector.Idf {

    private final Map<String, Integer> ids = new HashMap<>();
    private String[] strings = new String[1024];
    private int[] df = new int[1024];
    private int documents;

    int id(String term) {
        Integer id = ids.get(term);
        if (id == null) {
            id = ids.size();
            ids.put(term, id);
            if (id == df.length) {
                df = Arrays.copyOf(df, id * 2);
                strings = Arrays.copyOf(strings, id * 2);
            }
            strings[id] = term;
        }
        return id;
    }

    /** The id of {@code term}, or -1 when never seen. */
    int find(String term) {
        Integer id = ids.get(term);
        return id == null ? -1 : id;
    }

    String string(int id) {
        return strings[id];
    }

    /** Counts one more document holding the given distinct term ids. */
    void count(int[] distinctIds) {
        documents++;
        for (int id : distinctIds) {
            df[id]++;
        }
    }

    int documents() {
        return documents;
    }

    int df(int id) {
        return df[id];
    }

    @Override
    public double of(int id) {
        return Math.log((documents + 1.0) / (df[id] + 1.0)) + 1;
    }
}
