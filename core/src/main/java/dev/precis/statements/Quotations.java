package dev.precis.statements;

import dev.precis.text.Doc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The quoted passages of a {@link Doc}: runs of tokens between an opening and a closing quotation
 * mark, found on the Doc's tokens.
 *
 * <p>Curly quotes (“ ”), guillemets, low-9 quotes, PTB quotes ({@code ``} {@code ''}) and straight
 * double quotes are understood; a straight quote opens or closes by turns. A passage never crosses a
 * paragraph: news style opens every paragraph of a long quotation again and closes only the last,
 * so an unclosed quotation ends with its paragraph. A quotation mark inside an open quotation
 * (a typo or a nested quote of the same kind) does not start a new one.
 */
final class Quotations {

    /** One passage: tokens {@code first..last} inclusive, both quotation marks when {@code closed}. */
    record Passage(int first, int last, boolean closed) {
    }

    private final List<Passage> passages;
    private final int[] passageOfToken;

    private Quotations(List<Passage> passages, int[] passageOfToken) {
        this.passages = passages;
        this.passageOfToken = passageOfToken;
    }

    List<Passage> passages() {
        return passages;
    }

    /** Index of the passage that holds token {@code t}, or -1. */
    int passageOf(int t) {
        return passageOfToken[t];
    }

    static Quotations of(Doc doc) {
        int n = doc.tokenCount();
        int[] of = new int[n];
        Arrays.fill(of, -1);
        List<Passage> passages = new ArrayList<>();
        Paragraphs paragraphs = Paragraphs.of(doc);
        for (int p = 0; p < paragraphs.count(); p++) {
            scanParagraph(doc, paragraphs.firstToken(p), paragraphs.endToken(p), passages, of);
        }
        return new Quotations(List.copyOf(passages), of);
    }

    private static void scanParagraph(Doc doc, int from, int to, List<Passage> passages, int[] of) {
        int open = -1;
        for (int t = from; t < to; t++) {
            if (doc.isWord(t)) {
                continue;
            }
            int mark = mark(doc, t);
            if (mark == 0) {
                continue;
            }
            if (open < 0) {
                if (mark == OPEN || mark == EITHER) {
                    open = t;
                }
            } else if (mark == CLOSE || mark == EITHER) {
                add(passages, of, open, t, true);
                open = -1;
            }
        }
        if (open >= 0 && open + 1 < to) {
            add(passages, of, open, to - 1, false);
        }
    }

    private static void add(List<Passage> passages, int[] of, int first, int last, boolean closed) {
        int index = passages.size();
        passages.add(new Passage(first, last, closed));
        Arrays.fill(of, first, last + 1, index);
    }

    private static final int OPEN = 1;
    private static final int CLOSE = 2;
    private static final int EITHER = 3;

    /** Whether token {@code t} is an opening, closing or straight quotation mark (0 if none). */
    static int mark(Doc doc, int t) {
        String s = doc.tokenText(t);
        return switch (s) {
            case "“", "``", "«", "„" -> OPEN;
            case "”", "''", "»" -> CLOSE;
            case "\"" -> EITHER;
            default -> 0;
        };
    }

    /** Whether token {@code t} is any double quotation mark. */
    static boolean isMark(Doc doc, int t) {
        return !doc.isWord(t) && mark(doc, t) != 0;
    }
}
