package dev.precis.store;

import java.util.ArrayList;
import java.util.List;

/**
 * One search result, best first.
 *
 * @param score      relevance, higher is better (BM25 in SQLite; in PostgreSQL ts_rank over title and lead, 0 for a
 *                   match only further down the text; not comparable across stores)
 * @param snippet    a passage of the text around the matches, as plain text
 * @param highlights {@code [start, end)} ranges in {@code snippet} of the matched words
 */
public record SearchHit(long id, String title, String source, String published, String url, double score,
                        String snippet, List<int[]> highlights) {

    /** Marks the start of a matched word in snippets as the databases return them. */
    static final char OPEN = '\u0002';
    /** Marks the end of a matched word. */
    static final char CLOSE = '\u0003';

    /** Builds a hit from a snippet with {@link #OPEN}/{@link #CLOSE} marks around matches. */
    static SearchHit marked(long id, String title, String source, String published, String url, double score, String marked) {
        StringBuilder text = new StringBuilder();
        List<int[]> ranges = new ArrayList<>();
        int open = -1;
        String m = marked == null ? "" : marked;
        for (int i = 0; i < m.length(); i++) {
            char c = m.charAt(i);
            if (c == OPEN) {
                open = text.length();
            } else if (c == CLOSE) {
                if (open >= 0 && text.length() > open) {
                    ranges.add(new int[]{open, text.length()});
                }
                open = -1;
            } else if (Character.isWhitespace(c)) {
                if (!text.isEmpty() && text.charAt(text.length() - 1) != ' ') {
                    text.append(' ');
                }
            } else {
                text.append(c);
            }
        }
        return new SearchHit(id, title, source, published, url, score, text.toString(), List.copyOf(ranges));
    }

    /** The snippet with each highlight wrapped in {@code open} … {@code close}. */
    public String snippet(String open, String close) {
        StringBuilder sb = new StringBuilder();
        int at = 0;
        for (int[] r : highlights) {
            sb.append(snippet, at, r[0]).append(open).append(snippet, r[0], r[1]).append(close);
            at = r[1];
        }
        return sb.append(snippet.substring(at)).toString();
    }
}
