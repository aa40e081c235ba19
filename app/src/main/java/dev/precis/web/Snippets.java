package dev.precis.web;

/**
 * Search snippets as markup: the snippet is escaped, then its match markers
 * ({@link #START} … {@link #END}) become {@code <mark>} elements.
 */
final class Snippets {

    /** Marks the start of a match in a snippet. */
    static final String START = "\u0001";
    /** Marks the end of a match in a snippet. */
    static final String END = "\u0002";

    private Snippets() {
    }

    static String html(String snippet) {
        if (snippet == null) {
            return "";
        }
        String escaped = Html.escape(snippet);
        StringBuilder out = new StringBuilder(escaped.length() + 32);
        boolean open = false;
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c == '\u0001' && !open) {
                out.append("<mark>");
                open = true;
            } else if (c == '\u0002' && open) {
                out.append("</mark>");
                open = false;
            } else if (c != '\u0001' && c != '\u0002') {
                out.append(c);
            }
        }
        if (open) {
            out.append("</mark>");
        }
        return out.toString();
    }
}
