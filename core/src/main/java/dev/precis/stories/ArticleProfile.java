package dev.precis.stories;

import dev.precis.text.Doc;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The vectors story grouping compares: headline terms, lead terms (first sentences), all body
 * terms, and proper names (named speakers counted twice), over one {@link Vocabulary}. Names are
 * interned with a leading {@code '~'} so they never collide with stems. The names and figures of
 * the headline and lead are kept apart too, once each, as the article's
 * {@linkplain EventNames key names}.
 */
final class ArticleProfile {

    static final int LEAD_SENTENCES = 3;

    final SparseVector title;
    final SparseVector lead;
    final SparseVector body;
    final SparseVector names;
    /** The distinct names (full and head word) and figures of headline and lead, each with weight 1. */
    final SparseVector keyNames;
    final int[] distinctTerms;
    final String titleText;

    private ArticleProfile(SparseVector title, SparseVector lead, SparseVector body, SparseVector names,
                           SparseVector keyNames, String titleText) {
        this.title = title;
        this.lead = lead;
        this.body = body;
        this.names = names;
        this.keyNames = keyNames;
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
        TreeSet<Integer> key = new TreeSet<>();
        List<ProperNames.Name> titleNames = ProperNames.titleCase(titleDoc) ? List.of() : ProperNames.of(titleDoc);
        for (List<ProperNames.Name> names : List.of(titleNames, ProperNames.of(doc))) {
            for (ProperNames.Name name : names) {
                int full = vocabulary.id("~" + name.text());
                int head = name.text().indexOf(' ') > 0 ? vocabulary.id("~" + name.head()) : -1;
                if (names == titleNames || name.firstToken() < leadEnd) {
                    key.add(full);
                    if (head >= 0) {
                        key.add(head);
                    }
                }
                int copies = name.speaker() ? 2 : 1;
                for (int c = 0; c < copies; c++) {
                    if (n + 2 > buffer.length) {
                        buffer = Arrays.copyOf(buffer, buffer.length * 2);
                    }
                    buffer[n++] = full;
                    if (head >= 0) {
                        buffer[n++] = head;
                    }
                }
            }
        }
        SparseVector names = n == 0 ? SparseVector.EMPTY : SparseVector.ofCounts(buffer, n);
        addFigures(titleDoc, titleDoc.tokenCount(), key);
        addFigures(doc, leadEnd, key);
        int[] keyIds = key.stream().mapToInt(Integer::intValue).toArray();
        float[] ones = new float[keyIds.length];
        Arrays.fill(ones, 1);
        return new ArticleProfile(title, lead, body, names, new SparseVector(keyIds, ones), titleText);
    }

    /**
     * Adds the figures among the first {@code end} tokens (years, counts, magnitudes, scores: a
     * token of digits, points and commas, two characters at least). A figure's id is a hash below
     * zero rather than a vocabulary entry: figures are many and never weighted, and key names are
     * only compared with key names.
     */
    private static void addFigures(Doc doc, int end, Set<Integer> key) {
        for (int t = 0; t < end; t++) {
            String token = doc.tokenText(t);
            if (token.length() >= 2 && Character.isDigit(token.charAt(0))
                    && token.chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == ',')) {
                key.add(-1 - (int) (StorySimilarity.hash64(token) >>> 33));
            }
        }
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
