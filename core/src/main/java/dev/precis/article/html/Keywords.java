package dev.precis.article.html;

import java.util.Locale;

/**
 * A list of lower-case keywords looked for inside class and id names, faster than one regular
 * expression of alternatives because each keyword is a plain substring search. A keyword written
 * with a leading or trailing {@code \b} must sit at a word edge there (not next to a letter).
 */
final class Keywords {

    private final String[] words;
    private final boolean[] edgeBefore;
    private final boolean[] edgeAfter;

    /** Keywords separated by {@code |}. */
    Keywords(String alternatives) {
        String[] parts = alternatives.split("\\|");
        words = new String[parts.length];
        edgeBefore = new boolean[parts.length];
        edgeAfter = new boolean[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String w = parts[i].toLowerCase(Locale.ROOT);
            if (w.startsWith("\\b")) {
                edgeBefore[i] = true;
                w = w.substring(2);
            }
            if (w.endsWith("\\b")) {
                edgeAfter[i] = true;
                w = w.substring(0, w.length() - 2);
            }
            words[i] = w;
        }
    }

    /** Whether any keyword occurs in {@code lowerText} (already lower-cased). */
    boolean in(String lowerText) {
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            for (int at = lowerText.indexOf(w); at >= 0; at = lowerText.indexOf(w, at + 1)) {
                if (edgeBefore[i] && at > 0 && Character.isLetter(lowerText.charAt(at - 1))) {
                    continue;
                }
                int end = at + w.length();
                if (edgeAfter[i] && end < lowerText.length() && Character.isLetter(lowerText.charAt(end))) {
                    continue;
                }
                return true;
            }
        }
        return false;
    }
}
