package dev.precis.text;

/**
 * Text that every place Precis writes it can hold, and messages that are one harmless line. PostgreSQL refuses NUL in text; XML 1.0 (OPML
 * exports) refuses NUL, the other C0 controls but tab, line feed and carriage return, unpaired
 * surrogates, U+FFFE and U+FFFF. Feeds and JSON deliver all of them ({@code "\u0000"} is a valid
 * JSON escape), so text from outside is made portable before it is analyzed or stored: each such
 * character becomes U+FFFD, one for one, so that offsets into the text stay valid.
 */
public final class PortableText {

    private static final char REPLACEMENT = '\uFFFD';

    private PortableText() {
    }

    /** {@code s} with every character that cannot be stored or exported replaced by U+FFFD; {@code null} stays {@code null}. */
    public static String of(String s) {
        if (s == null || is(s)) {
            return s;
        }
        char[] out = s.toCharArray();
        for (int i = 0; i < out.length; i++) {
            char c = out[i];
            if (Character.isHighSurrogate(c) && i + 1 < out.length && Character.isLowSurrogate(out[i + 1])) {
                i++;
            } else if (!allowed(c)) {
                out[i] = REPLACEMENT;
            }
        }
        return new String(out);
    }

    /**
     * {@code s} as one line of a message for a terminal: control characters (C0, DEL, C1), which a
     * terminal would act on, are shown as {@code \\uXXXX} escapes, line breaks included, a tab
     * becomes a space, and the rest is made portable as by {@link #of}. Messages quote what a
     * hostile file, feed or server sent. {@code null} stays {@code null}.
     */
    public static String line(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\t') {
                out.append(' ');
            } else if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return of(out.toString());
    }

    /** Whether {@code s} holds only characters that can be stored and exported. */
    public static boolean is(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (!allowed(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean allowed(char c) {
        return c >= 0x20 ? c < 0xD800 || c > 0xDFFF && c < 0xFFFE : c == '\t' || c == '\n' || c == '\r';
    }
}
