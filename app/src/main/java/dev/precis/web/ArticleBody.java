package dev.precis.web;

import java.util.List;
import java.util.Set;

/**
 * The article body as markup: one {@code <p>} per paragraph, each sentence in a
 * {@code <span class="s" id="sN">} so the summary can be highlighted in place by its offsets.
 * Only the article's plain text is rendered, escaped character by character: hostile markup in a
 * source page can never reach the reader as markup.
 */
final class ArticleBody {

    private ArticleBody() {
    }

    /**
     * The body of {@code text} with sentence spans; sentences whose index is in {@code marked}
     * get the class {@code hl}.
     */
    static String html(String text, List<int[]> sentences, Set<Integer> marked) {
        StringBuilder out = new StringBuilder(text.length() + sentences.size() * 40 + 64);
        int s = 0;
        int pos = 0;
        while (pos < text.length()) {
            int paraEnd = text.indexOf("\n\n", pos);
            if (paraEnd < 0) {
                paraEnd = text.length();
            }
            int start = skipSpace(text, pos, paraEnd);
            if (start < paraEnd) {
                out.append("<p>");
                int at = start;
                while (s < sentences.size() && sentences.get(s)[1] <= start) {
                    s++;
                }
                while (s < sentences.size() && sentences.get(s)[0] < paraEnd) {
                    int from = Math.max(sentences.get(s)[0], at);
                    int to = Math.min(sentences.get(s)[1], paraEnd);
                    Html.escape(text, at, from, out);
                    out.append("<span class=\"s").append(marked.contains(s) ? " hl" : "")
                            .append("\" id=\"s").append(s).append("\">");
                    Html.escape(text, from, to, out);
                    out.append("</span>");
                    at = to;
                    if (sentences.get(s)[1] > paraEnd) {
                        break;
                    }
                    s++;
                }
                Html.escape(text, at, paraEnd, out);
                out.append("</p>\n");
            }
            pos = paraEnd + 2;
        }
        return out.toString();
    }

    private static int skipSpace(String text, int from, int to) {
        while (from < to && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        return from;
    }
}
