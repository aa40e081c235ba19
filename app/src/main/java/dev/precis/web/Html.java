package dev.precis.web;

/** HTML escaping for the few places that build markup in Java instead of a template. */
final class Html {

    private Html() {
    }

    /** {@code s} with every character that could start markup or end an attribute escaped. */
    static String escape(CharSequence s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        escape(s, 0, s.length(), out);
        return out.toString();
    }

    /** Appends {@code s[from, to)} escaped to {@code out}. */
    static void escape(CharSequence s, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }
}
