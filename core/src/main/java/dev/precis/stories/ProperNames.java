package dev.precis.stories;

import dev.precis.text.Doc;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Proper names found by capitalization: maximal runs of capitalized words ("Joe Biden",
 * "Supreme Court", "Marfin Bank"). A sentence's first word counts only when the next word is
 * capitalized too and it is not a stop word ("The Senate" gives "Senate"). A name followed or
 * preceded by a speech verb ("Biden said", "said Biden") is marked as a named speaker.
 */
public final class ProperNames {

    /** One name occurrence: the lower-cased words joined by spaces, its tokens and whether it speaks. */
    public record Name(String text, int firstToken, int endToken, boolean speaker) {

        /** The last word: a surname for people, the head for most other names. */
        public String head() {
            int space = text.lastIndexOf(' ');
            return space < 0 ? text : text.substring(space + 1);
        }
    }

    private static final Set<String> SPEECH = Set.of("said", "says", "told", "stated", "added", "asked",
            "announced", "argued", "warned", "wrote", "tweeted", "explained", "claimed", "insisted");

    private ProperNames() {
    }

    /** The names of every sentence of {@code doc}, in text order. */
    public static List<Name> of(Doc doc) {
        List<Name> out = new ArrayList<>();
        for (int s = 0; s < doc.sentenceCount(); s++) {
            int end = doc.endToken(s);
            int t = doc.firstToken(s);
            while (t < end && !doc.isWord(t)) {
                t++;
            }
            int sentenceStart = t;
            while (t < end) {
                if (!capitalized(doc, t)) {
                    t++;
                    continue;
                }
                int runEnd = t;
                while (runEnd < end && capitalized(doc, runEnd)) {
                    runEnd++;
                }
                int first = t;
                if (first == sentenceStart && (runEnd - first == 1 || doc.isStop(first))) {
                    first++;
                }
                while (first < runEnd && doc.isStop(first)) {
                    first++;
                }
                if (first < runEnd) {
                    StringBuilder sb = new StringBuilder();
                    for (int k = first; k < runEnd; k++) {
                        if (k > first) {
                            sb.append(' ');
                        }
                        sb.append(doc.norm(k));
                    }
                    boolean speaker = runEnd < end && SPEECH.contains(doc.norm(runEnd))
                            || first > sentenceStart && SPEECH.contains(doc.norm(first - 1));
                    out.add(new Name(sb.toString(), first, runEnd, speaker));
                }
                t = runEnd;
            }
        }
        return out;
    }

    /** Whether most content words of a headline are capitalized, so capitals say nothing there. */
    static boolean titleCase(Doc doc) {
        int content = 0;
        int capitals = 0;
        for (int t = 0; t < doc.tokenCount(); t++) {
            if (doc.isContent(t)) {
                content++;
                if (Character.isUpperCase(doc.text().charAt(doc.tokenStart(t)))) {
                    capitals++;
                }
            }
        }
        return content > 0 && capitals * 10 >= content * 7;
    }

    private static boolean capitalized(Doc doc, int t) {
        if (!doc.isWord(t)) {
            return false;
        }
        char c = doc.text().charAt(doc.tokenStart(t));
        return Character.isUpperCase(c);
    }
}
