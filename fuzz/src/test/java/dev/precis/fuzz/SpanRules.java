package dev.precis.fuzz;

import dev.precis.text.Doc;
import dev.precis.text.Span;

import java.util.List;

/**
 * The promises every span-producing stage makes about its offsets, checked on fuzzed text: spans
 * lie inside the text, are not empty, come in text order and do not overlap. A broken promise
 * throws {@link AssertionError}, which the fuzzer reports as a finding.
 */
public final class SpanRules {

    private SpanRules() {
    }

    /** Fails unless {@code span} is a non-empty range inside {@code text}. */
    public static void inside(String what, Span span, String text) {
        if (span == null || span.start() < 0 || span.end() > text.length() || span.length() == 0) {
            throw new AssertionError(what + " " + span + " is not a non-empty range of a text of " + text.length() + " chars");
        }
    }

    /** Fails unless the spans are inside {@code text}, ordered and non-overlapping. */
    public static void ordered(String what, List<Span> spans, String text) {
        int end = 0;
        for (int i = 0; i < spans.size(); i++) {
            Span s = spans.get(i);
            inside(what + " " + i, s, text);
            if (s.start() < end) {
                throw new AssertionError(what + " " + i + " " + s + " starts before the previous one ends (" + end + ")");
            }
            end = s.end();
        }
    }

    /**
     * Fails unless the doc's sentences obey {@link #ordered}, carry no surrounding white space, and
     * hold their tokens: tokens inside their sentence, in order, non-empty.
     */
    public static void doc(Doc doc) {
        String text = doc.text();
        int end = 0;
        for (int s = 0; s < doc.sentenceCount(); s++) {
            Span span = doc.sentence(s);
            inside("sentence " + s, span, text);
            if (span.start() < end) {
                throw new AssertionError("sentence " + s + " " + span + " overlaps the previous one");
            }
            if (isSpace(text.charAt(span.start())) || isSpace(text.charAt(span.end() - 1))) {
                throw new AssertionError("sentence " + s + " " + span + " is not trimmed");
            }
            if (s > 0 && doc.paragraphOf(s) < doc.paragraphOf(s - 1)) {
                throw new AssertionError("sentence " + s + " has a smaller paragraph number than the one before");
            }
            end = span.end();
            int tokenEnd = span.start();
            for (int t = doc.firstToken(s); t < doc.endToken(s); t++) {
                if (doc.tokenStart(t) < tokenEnd || doc.tokenEnd(t) <= doc.tokenStart(t) || doc.tokenEnd(t) > span.end()) {
                    throw new AssertionError("token " + t + " [" + doc.tokenStart(t) + ", " + doc.tokenEnd(t)
                            + ") is not in order inside sentence " + s + " " + span);
                }
                tokenEnd = doc.tokenEnd(t);
            }
        }
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u00A0';
    }
}
