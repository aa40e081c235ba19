package dev.precis.summary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The summarization algorithms users can choose by name, with {@value #DEFAULT} as the default.
 */
public final class Summarizers {

    /** The name of the default algorithm. */
    public static final String DEFAULT = "precis";

    private static final Map<String, Supplier<Summarizer>> BY_NAME = new LinkedHashMap<>();

    static {
        BY_NAME.put("precis", PrecisSummarizer::new);
        BY_NAME.put("lead", LeadSummarizer::new);
        BY_NAME.put("textrank", TextRankSummarizer::new);
        BY_NAME.put("lexrank", LexRankSummarizer::new);
    }

    private Summarizers() {
    }

    /** The algorithm called {@code name}; throws {@link IllegalArgumentException} naming the choices. */
    public static Summarizer byName(String name) {
        Supplier<Summarizer> s = BY_NAME.get(name);
        if (s == null) {
            throw new IllegalArgumentException("unknown algorithm '" + name + "' (choose one of " + String.join(", ", names()) + ")");
        }
        return s.get();
    }

    /** The default algorithm. */
    public static Summarizer standard() {
        return byName(DEFAULT);
    }

    /** Names of all algorithms. */
    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }
}
