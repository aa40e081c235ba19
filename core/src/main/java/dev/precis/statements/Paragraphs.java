package dev.precis.statements;

import dev.precis.text.Doc;

/** The paragraphs of a {@link Doc} as token ranges, indexed like {@link Doc#paragraphOf(int)}. */
final class Paragraphs {

    private final int[] firstToken;
    private final int[] endToken;

    private Paragraphs(int[] firstToken, int[] endToken) {
        this.firstToken = firstToken;
        this.endToken = endToken;
    }

    static Paragraphs of(Doc doc) {
        int sentences = doc.sentenceCount();
        int count = sentences == 0 ? 0 : doc.paragraphOf(sentences - 1) + 1;
        int[] first = new int[count];
        int[] end = new int[count];
        for (int s = sentences - 1; s >= 0; s--) {
            int p = doc.paragraphOf(s);
            first[p] = doc.firstToken(s);
            if (end[p] == 0) {
                end[p] = doc.endToken(s);
            }
        }
        return new Paragraphs(first, end);
    }

    int count() {
        return firstToken.length;
    }

    /** First token of paragraph {@code p}. */
    int firstToken(int p) {
        return firstToken[p];
    }

    /** One past the last token of paragraph {@code p}. */
    int endToken(int p) {
        return endToken[p];
    }
}
