package dev.precis.text;

/**
 * Cuts text into word and punctuation tokens with their offsets.
 *
 * <p>A word is a run of letters and digits that may hold inner apostrophes, hyphens, stops and
 * commas when a letter or digit follows them ("don't", "al-Shabaab", "U.S.", "1,000", "1.5"), so
 * "U.S." and "$1.5bn" stay whole. Every other visible character is a one-char punctuation token,
 * except the tokenized-text forms {@code ``}, {@code ''} and {@code --}, which stay together.
 */
public final class Tokenizer {

    /** Receives each token as it is found. */
    @FunctionalInterface
    public interface Sink {
        /** One token {@code [start, end)}; {@code word} is false for punctuation. */
        void token(int start, int end, boolean word);
    }

    private Tokenizer() {
    }

    /** Tokenizes {@code text[from, to)}, feeding tokens to {@code sink} in order. */
    public static void tokenize(String text, int from, int to, Sink sink) {
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00A0') {
                i++;
                continue;
            }
            if (Character.isLetterOrDigit(c) || isApostrophe(c) && i + 1 < to && Character.isLetter(text.charAt(i + 1))
                    && (i == from || Character.isWhitespace(text.charAt(i - 1)))) {
                int end = i + 1;
                while (end < to) {
                    char d = text.charAt(end);
                    if (Character.isLetterOrDigit(d) || Character.getType(d) == Character.NON_SPACING_MARK) {
                        end++;
                    } else if (isInner(d) && end + 1 < to && Character.isLetterOrDigit(text.charAt(end + 1))
                            && (d != ',' || Character.isDigit(text.charAt(end - 1)) && Character.isDigit(text.charAt(end + 1)))) {
                        end += 2;
                    } else if (d == '.' && isDottedAbbreviation(text, i, end)) {
                        end++; // the final stop of "U.S."
                        break;
                    } else {
                        break;
                    }
                }
                sink.token(i, end, true);
                i = end;
                continue;
            }
            int end = i + 1;
            if ((c == '`' || c == '\'' || c == '-') && end < to && text.charAt(end) == c) {
                end++;
            }
            sink.token(i, end, false);
            i = end;
        }
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '’';
    }

    private static boolean isInner(char c) {
        return c == '\'' || c == '’' || c == '-' || c == '.' || c == ',' || c == '&' || c == '/';
    }

    /** "U.S" + "." : single letters separated by stops. */
    private static boolean isDottedAbbreviation(String text, int start, int end) {
        if (end - start < 3) {
            return false;
        }
        for (int k = start; k < end; k++) {
            boolean letterPos = (k - start) % 2 == 0;
            char ch = text.charAt(k);
            if (letterPos ? !Character.isLetter(ch) : ch != '.') {
                return false;
            }
        }
        return true;
    }
}
