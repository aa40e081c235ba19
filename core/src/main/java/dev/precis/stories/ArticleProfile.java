package dev.precis.stories;

import dev.precis.text.Doc;

import java.util.Arrays;

/**
 * The vectors story grouping compares: headline terms, lead terms (first sentences), all body
 * terms, and proper names (named speakers counted twice), over one {@link Vocabulary}. Names are
 * interned with a leading {@code '~'} so they never collide with stems.
 */
final class ArticleProfile {

    static final int LEAD_SENTENCES = 3;

    final SparseVector title;
    final SparseVector lead;
    final SparseVector body;
    final SparseVector names;
    final int[] distinctTerms;
    final String titleText;

    private ArticleProfile(SparseVector title, SparseVector lead, SparseVector body, SparseVector names,
                           String titleText) {
        this.title = title;
        this.lead = lead;
        this.body = body;
        this.names = names;
        this.titleText = titleText;
        SparseVector all = title.plus(lead, 1).plus(body, 1).plus(names, 1);
        this.distinctTerms = all.ids;
    }

    static ArticleProfile of(ArticleFeatures a, Vocabulary vocabulary) {
        String titleText = a.title() == null ? "" : a.title().strip();
        Doc titleDoc = Doc.of(titleText);
        Doc doc = a.doc();
        SparseVector title = terms(titleDoc, 0, titleDoc.tokenCount(), vocabulary);
        int leadEnd = doc.sentenceCount() == 0 ? 0 : doc.endToken(Math.min(LEAD_SENTENCES, doc.sentenceCount()) - 1);
        SparseVector lead = terms(doc, 0, leadEnd, vocabulary);
        SparseVector body = terms(doc, 0, doc.tokenCount(), vocabulary).plus(title, 1).scaled(1);
        int[] buffer = new int[16];
        int n = 0;
        Iterable<ProperNames.Name> titleNames = ProperNames.titleCase(titleDoc) ? java.util.List.of() : ProperNames.of(titleDoc);
        for (Iterable<ProperNames.Name> names : java.util.List.of(titleNames, ProperNames.of(doc))) {
            for (ProperNames.Name name : names) {
                int copies = name.speaker() ? 2 : 1;
                for (int c = 0; c < copies; c++) {
                    if (n + 2 > buffer.length) {
                        buffer = Arrays.copyOf(buffer, buffer.length * 2);
                    }
                    buffer[n++] = vocabulary.id("~" + name.text());
                    if (name.text().indexOf(' ') > 0) {
                        buffer[n++] = vocabulary.id("~" + name.head());
                    }
                }
            }
        }
        SparseVector names = n == 0 ? SparseVector.EMPTY : SparseVector.ofCounts(buffer, n);
        return new ArticleProfile(title, lead, body, names, titleText);
    }

    private static SparseVector terms(Doc doc, int from, int to, Vocabulary vocabulary) {
        int[] ids = new int[Math.max(1, to - from)];
        int n = 0;
        int[] local = new int[doc.termCount()];
        Arrays.fill(local, -1);
        for (int t = from; t < to; t++) {
            if (doc.isContent(t)) {
                int term = doc.term(t);
                if (local[term] < 0) {
                    local[term] = vocabulary.id(doc.termString(term));
                }
                ids[n++] = local[term];
            }
        }
        return n == 0 ? SparseVector.EMPTY : SparseVector.ofCounts(ids, n);
    }
}
