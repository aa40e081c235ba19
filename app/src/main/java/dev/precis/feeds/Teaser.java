package dev.precis.feeds;

import java.util.regex.Pattern;

/**
 * Tells a feed entry that carries the whole article from one that only teases it, so that the poller
 * fetches the linked page for the latter.
 */
public final class Teaser {

    /** Bodies shorter than this many characters are taken as teasers. */
    public static final int MIN_FULL_TEXT = 600;

    private static final Pattern TEASER_END = Pattern.compile(
            "(?i)(?:\u2026|\\.\\.\\.|\\[\u2026]|\\[\\.\\.\\.]|read more|continue reading|read the full (?:story|article)"
                    + "|more\\s*(?:»|&raquo;|>>))[\\s\\p{Punct}»›→]*$");

    private Teaser() {
    }

    /** Whether the entry's plain text is missing, short, or ends like a teaser ("…", "Read more"). */
    public static boolean isTeaser(String plainText) {
        if (plainText == null) {
            return true;
        }
        String text = plainText.strip();
        return text.length() < MIN_FULL_TEXT || TEASER_END.matcher(text).find();
    }
}
