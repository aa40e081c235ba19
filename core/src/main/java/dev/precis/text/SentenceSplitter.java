package dev.precis.text;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits news text into sentences, returning trimmed spans into the original text.
 *
 * <p>Built for news copy: titles and abbreviations ("Mr.", "Gen.", "U.S.", "p.m.", "No. 10"),
 * initials ("J. K. Rowling"), decimals and money ("$1.5bn"), ellipses, sentence-final quotes
 * (straight and curly), dashes, headline and bullet lines without a full stop, and text that was
 * lower-cased and tokenized Penn-Treebank style ({@code "it was over . '' the next"}), where a
 * stand-alone stop token ends a sentence whatever the case of the next word.
 *
 * <p>Line breaks end a sentence unless the line reads as hard-wrapped prose (no terminal mark and
 * the next line continues in lower case). The abbreviation lists live in
 * {@code abbreviations-*.txt} beside this class.
 */
public final class SentenceSplitter {

    /** Abbreviations after which a stop never ends a sentence ("Mr.", "Gen."). */
    private static final Set<String> TITLES = load("abbreviations-titles.txt");
    /** Abbreviations that end a sentence only when a clear sentence opener follows ("Inc.", "Jan."). */
    private static final Set<String> ABBREVIATIONS = load("abbreviations-common.txt");
    /** Capitalized words that usually open a sentence, used to decide after an abbreviation. */
    private static final Set<String> OPENERS = load("sentence-openers.txt");

    private static final SentenceSplitter INSTANCE = new SentenceSplitter();

    /** The shared splitter; it holds no state, so one instance serves every thread. */
    public static SentenceSplitter english() {
        return INSTANCE;
    }

    /** Splits {@code text} into sentence spans in text order; never returns an empty span. */
    public List<Span> split(String text) {
        List<Span> out = new ArrayList<>();
        int n = text.length();
        int lineStart = 0;
        int sentenceStart = 0;
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                int lineEnd = i;
                int next = skipWhitespace(text, i);
                if (!continuesAfterBreak(text, sentenceStart, lineEnd, next)) {
                    add(out, text, sentenceStart, lineEnd);
                    sentenceStart = next;
                }
                lineStart = next;
                i = next;
                continue;
            }
            if (isTerminal(c)) {
                int end = endOfTerminalRun(text, i);
                int boundary = boundaryAfter(text, lineStart, sentenceStart, i, end);
                if (boundary >= 0) {
                    add(out, text, sentenceStart, boundary);
                    sentenceStart = boundary;
                }
                i = Math.max(end, i + 1);
                continue;
            }
            i++;
        }
        add(out, text, sentenceStart, n);
        return out;
    }

    /**
     * Decides whether the terminal run {@code [termStart, termEnd)} ends a sentence. Returns the
     * end of the sentence (after closing quotes and brackets) or -1.
     */
    private static int boundaryAfter(String text, int lineStart, int sentenceStart, int termStart, int termEnd) {
        int n = text.length();
        int close = termEnd;
        while (close < n && isCloser(text.charAt(close))) {
            close++;
        }
        if (close < n && !Character.isWhitespace(text.charAt(close))) {
            return -1; // "$1.5bn", "U.S.-led", "Yahoo!'s", "example.com"
        }
        int next = skipSpaces(text, close);
        if (next >= n) {
            return close;
        }
        char nc = text.charAt(next);
        if (nc == '\n' || nc == '\r') {
            return close; // a line break ends the sentence anyway
        }
        boolean standalone = termStart > sentenceStart && Character.isWhitespace(text.charAt(termStart - 1));
        String run = text.substring(termStart, termEnd);
        boolean ellipsis = run.contains("…") || run.contains("..");
        if (!standalone && isDetachedCloser(text, next)) {
            return next + 1; // 'options. " Replacement': a closing quote set off by a space
        }
        if (standalone && !ellipsis) {
            // Tokenized text: " . '' next" — the closing quote token belongs to this sentence.
            if (text.startsWith("''", next) && (next + 2 >= n || Character.isWhitespace(text.charAt(next + 2)))) {
                return next + 2;
            }
            return close;
        }
        if (ellipsis) {
            return Character.isUpperCase(nc) && startsWithOpener(text, next) ? close : -1;
        }
        if (Character.isLowerCase(nc)) {
            return -1;
        }
        if (!isSentenceStartChar(nc)) {
            return -1;
        }
        if (run.charAt(0) != '.') {
            return close; // ! or ?
        }
        String word = wordBefore(text, sentenceStart, termStart);
        if (word.isEmpty()) {
            return close;
        }
        String lower = word.toLowerCase(Locale.ROOT);
        if (TITLES.contains(lower) && (word.equals(lower) || isCapitalized(word))) {
            return -1;
        }
        if (Character.isDigit(word.charAt(0)) && word.length() <= 3 && isDigits(word)
                && termStart - word.length() == lineStart) {
            return -1; // numbered list item "1. First point"
        }
        boolean initial = word.length() == 1 && Character.isUpperCase(word.charAt(0));
        boolean dotted = isDottedAbbreviation(word);
        if (initial || dotted || ABBREVIATIONS.contains(lower)) {
            return startsWithOpener(text, next) ? close : -1;
        }
        return close;
    }

    private static boolean continuesAfterBreak(String text, int sentenceStart, int lineEnd, int next) {
        if (next >= text.length()) {
            return false;
        }
        if (countNewlines(text, lineEnd, next) > 1) {
            return false; // blank line: paragraph break
        }
        int last = lineEnd - 1;
        while (last >= sentenceStart && Character.isWhitespace(text.charAt(last))) {
            last--;
        }
        if (last < sentenceStart) {
            return false;
        }
        char lc = text.charAt(last);
        if (isTerminal(lc) || isCloser(lc) || lc == ':') {
            return false;
        }
        return Character.isLowerCase(text.charAt(next));
    }

    private static int countNewlines(String text, int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        return count;
    }

    private static String wordBefore(String text, int sentenceStart, int termStart) {
        int s = termStart;
        while (s > sentenceStart) {
            char c = text.charAt(s - 1);
            if (Character.isLetterOrDigit(c) || c == '.' || c == '\'' || c == '’' || c == '-') {
                s--;
            } else {
                break;
            }
        }
        while (s < termStart && !Character.isLetterOrDigit(text.charAt(s))) {
            s++;
        }
        return text.substring(s, termStart);
    }

    private static boolean startsWithOpener(String text, int at) {
        int s = at;
        int n = text.length();
        while (s < n && isOpener(text.charAt(s))) {
            s++;
        }
        if (s > at && s < n) {
            // A quotation or bracket opens here, unless lower case follows: "Jr. 's", "T. ' the".
            int w = skipSpaces(text, s);
            return w >= n || !Character.isLowerCase(text.charAt(w));
        }
        int e = s;
        while (e < n && Character.isLetter(text.charAt(e))) {
            e++;
        }
        if (e == s) {
            return false;
        }
        return OPENERS.contains(text.substring(s, e).toLowerCase(Locale.ROOT)) && Character.isUpperCase(text.charAt(s));
    }

    private static boolean isSentenceStartChar(char c) {
        return Character.isUpperCase(c) || Character.isDigit(c) || isOpener(c) || Character.isTitleCase(c)
                || c == '-' || c == '–' || c == '—' || c == '•' || c == '*' || c == '$' || c == '£' || c == '€'
                || (Character.isLetter(c) && !Character.isLowerCase(c));
    }

    private static boolean isTerminal(char c) {
        return c == '.' || c == '!' || c == '?' || c == '…';
    }

    private static boolean isCloser(char c) {
        return c == '"' || c == '\'' || c == '”' || c == '’' || c == '»' || c == ')' || c == ']' || c == '›';
    }

    private static boolean isOpener(char c) {
        return c == '"' || c == '“' || c == '‘' || c == '«' || c == '(' || c == '[' || c == '`' || c == '\''
                || c == '„' || c == '‹';
    }

    private static int endOfTerminalRun(String text, int i) {
        int n = text.length();
        int e = i;
        while (e < n && (isTerminal(text.charAt(e)))) {
            e++;
        }
        return e;
    }

    private static int skipSpaces(String text, int i) {
        int n = text.length();
        while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '\u00A0')) {
            i++;
        }
        return i;
    }

    private static int skipWhitespace(String text, int i) {
        int n = text.length();
        while (i < n && Character.isWhitespace(text.charAt(i)) || i < n && text.charAt(i) == '\u00A0') {
            i++;
        }
        return i;
    }

    private static boolean isCapitalized(String word) {
        if (!Character.isUpperCase(word.charAt(0))) {
            return false;
        }
        for (int i = 1; i < word.length(); i++) {
            if (Character.isUpperCase(word.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** "U.S", "p.m", "e.g": single letters joined by stops. */
    private static boolean isDottedAbbreviation(String word) {
        if (word.length() < 3) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (i % 2 == 0 ? !Character.isLetter(c) : c != '.') {
                return false;
            }
        }
        return true;
    }

    private static boolean isDetachedCloser(String text, int at) {
        char c = text.charAt(at);
        return (c == '"' || c == '”') && (at + 1 >= text.length() || Character.isWhitespace(text.charAt(at + 1)));
    }

    private static boolean isDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static void add(List<Span> out, String text, int start, int end) {
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            out.add(new Span(start, end));
        }
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u00A0';
    }

    private static Set<String> load(String resource) {
        Set<String> words = new HashSet<>();
        for (String word : ResourceLines.read(SentenceSplitter.class, resource)) {
            words.add(word.toLowerCase(Locale.ROOT));
        }
        return Set.copyOf(words);
    }
}
