package dev.precis.statements;

import dev.precis.text.Doc;

import java.util.List;

/**
 * The rules for quotations: a cue after the quotation ("…," he said / "…," said Jane Doe, the
 * minister), a cue before it (She said, "…"), the second half of a split quotation, a quotation
 * that continues the previous speaker, and pull quotes with an attribution line.
 */
final class QuotationRules {
    private static final int MIN_FLOATING_WORDS = 3;

    private final Extraction x;
    private final Doc doc;
    private final Quotations quotes;
    private final Paragraphs paragraphs;
    private final SpeakerPhrases phrases;
    private final int[] sentenceOf;
    private final boolean[] usedCue;
    private final boolean[] attributed;
    private final List<Candidate> found;

    QuotationRules(Extraction x) {
        this.x = x;
        this.doc = x.doc;
        this.quotes = x.quotes;
        this.paragraphs = x.paragraphs;
        this.phrases = x.phrases;
        this.sentenceOf = x.sentenceOf;
        this.usedCue = x.usedCue;
        this.attributed = x.attributed;
        this.found = x.found;
    }

    /** Attributes passage {@code index} to a cue right after or before it, if the passage opens a clause. */
    void attribute(int index, Quotations.Passage p) {
        int a = p.first();
        int b = p.last();
        int paraFirst = x.paragraphFirstToken(a);
        int paraEnd = x.paragraphEndToken(a);
        boolean opensClause = a == paraFirst || !doc.isWord(a - 1) || x.isCueAt(a - 1);
        if (!opensClause || x.wordsIn(a, b + 1) == 0) {
            return;
        }
        if (p.closed() && attributeAfter(index, a, b, paraEnd)) {
            return;
        }
        attributeBefore(index, a, b, paraFirst);
    }

    /** "…," he said / "…," said Jane Doe, the minister / "…" UFCW president Jeff Traeger said. */
    private boolean attributeAfter(int index, int a, int b, int paraEnd) {
        int k = b + 1;
        while (k < paraEnd && (phrases.isPunct(k, ",") || phrases.isPunct(k, "—") || phrases.isPunct(k, "-")
                || phrases.isPunct(k, "--"))) {
            k++;
        }
        if (k >= paraEnd) {
            return false;
        }
        CueLexicon.Match m = x.cueAt(k);
        if (m != null) {
            int[] np = phrases.after(k + m.tokens(), paraEnd);
            if (np == null) {
                return false;
            }
            add(index, a, b, np[0], np[1], k, m);
            return true;
        }
        for (int c = k + 1; c < Math.min(paraEnd, k + 16); c++) {
            if (Quotations.isMark(doc, c) || x.isSentenceEnd(c)) {
                return false;
            }
            m = x.cueAt(c);
            if (m == null) {
                continue;
            }
            int e = phrases.skipAuxiliaries(c, k);
            int[] np = phrases.before(e, k);
            if (np != null && np[0] == k) {
                add(index, a, b, np[0], np[1], c, m);
                return true;
            }
            int comma = x.firstPunct(k, e, ",");
            if (comma > k) {
                np = phrases.before(comma, k);
                if (np != null && np[0] == k) {
                    add(index, a, b, np[0], np[1], c, m);
                    return true;
                }
            }
            return false;
        }
        return false;
    }

    /** She said, "…" / He told reporters: "…" / she crowed, "…". */
    private void attributeBefore(int index, int a, int b, int paraFirst) {
        int j = a - 1;
        if (j >= paraFirst && (phrases.isPunct(j, ",") || phrases.isPunct(j, ":"))) {
            j--;
        }
        int sentenceFirst = doc.firstToken(sentenceOf[a]);
        int lo = Math.max(Math.max(paraFirst, sentenceFirst), j - 9);
        for (int c = j; c >= lo; c--) {
            if (Quotations.isMark(doc, c) || x.isSentenceEnd(c) || quotes.passageOf(c) >= 0) {
                return;
            }
            if (usedCue[c] && c + 1 <= j + 1) {
                Candidate earlier = x.foundWithCue(c);
                if (earlier != null && earlier.kind == Statement.Kind.DIRECT) {
                    // "…," she said, "but …": the second half of a split quotation
                    Candidate f = add(index, a, b, earlier.speakerFirst, earlier.speakerEnd, -1, null);
                    f.cueFirst = earlier.cueFirst;
                    f.cueEnd = earlier.cueEnd;
                    f.lemma = earlier.lemma;
                    f.sameSpeakerAs = earlier;
                    return;
                }
            }
            CueLexicon.Match m = x.cueAt(c);
            if (m == null || c + m.tokens() > j + 1 || usedCue[c] || x.isExcluded(c)
                    || m.clauseOnly() && j == a - 1) {
                continue; // "a song called “Summer Rain”" names, it does not quote
            }
            if (x.hasCue(sentenceFirst, c)) {
                return; // "X said he heard them shout, “…”": the quotation belongs to X's report
            }
            int e = phrases.skipAuxiliaries(c, sentenceFirst);
            int[] np = phrases.before(e, sentenceFirst);
            if (np == null && e - 1 > sentenceFirst && phrases.isPunct(e - 1, ",")) {
                np = x.appositiveSubject(sentenceFirst, e - 1);
            }
            if (np == null) {
                np = x.subjectBefore(c, sentenceFirst);
            }
            if (np == null && c + m.tokens() < a) {
                np = phrases.after(c + m.tokens(), j + 1);
            }
            if (np == null) {
                Candidate f = add(index, a, b, -1, -1, c, m);
                f.sameSpeakerAs = x.lastBefore(doc.tokenStart(c));
                return;
            }
            add(index, a, b, np[0], np[1], c, m);
            return;
        }
    }

    /** Records passage {@code index} as a direct quotation with the given speaker tokens and cue. */
    private Candidate add(int index, int a, int b, int speakerFirst, int speakerEnd, int cue, CueLexicon.Match m) {
        Candidate f = new Candidate(doc.tokenStart(a), doc.tokenEnd(b), Statement.Kind.DIRECT);
        f.speakerFirst = speakerFirst;
        f.speakerEnd = speakerEnd;
        if (m != null) {
            x.setCue(f, cue, m);
        }
        attributed[index] = true;
        found.add(f);
        return f;
    }

    /** A quotation that opens a sentence and has no cue of its own continues the previous speaker. */
    void floating(int index, Quotations.Passage p) {
        if (attributed[index]) {
            return;
        }
        int a = p.first();
        boolean opensSentence = a == doc.firstToken(sentenceOf[a]) || x.isSentenceEnd(a - 1)
                || Quotations.isMark(doc, a - 1) || phrases.isPunct(a - 1, ".");
        if (!opensSentence || x.wordsIn(a, p.last() + 1) < MIN_FLOATING_WORDS || x.isInsideContent(a) || isTitle(a, p.last())) {
            return;
        }
        Candidate f = new Candidate(doc.tokenStart(a), doc.tokenEnd(p.last()), Statement.Kind.DIRECT);
        f.sameSpeakerAs = x.lastBefore(f.contentStart);
        found.add(f);
    }

    /**
     * A paragraph followed by a paragraph that is only a name ("… thankful for what it's brought
     * me.\n\nMorgan McNeely"): a pull quote with its attribution line.
     */
    void pullQuotes() {
        for (int p = 0; p + 1 < paragraphs.count(); p++) {
            int first = paragraphs.firstToken(p);
            int end = paragraphs.endToken(p);
            int nameFirst = paragraphs.firstToken(p + 1);
            int nameEnd = paragraphs.endToken(p + 1);
            if (!isNameLine(nameFirst, nameEnd) || x.wordsIn(first, end) < 5 || !isFirstPerson(first, end)
                    || p + 2 >= paragraphs.count() || !mentions(p + 2, lastWord(nameFirst, nameEnd))) {
                continue; // the name must be taken up after the attribution line, as a heading's words are not
            }
            int to = x.contentEnd(first, end);
            Candidate f = new Candidate(doc.tokenStart(first), doc.tokenEnd(to - 1), Statement.Kind.INDIRECT);
            if (x.overlapsCandidate(f) || x.hasCue(first, end)) {
                continue;
            }
            int speakerEnd = nameFirst;
            while (speakerEnd < nameEnd && doc.isWord(speakerEnd)) {
                speakerEnd++;
            }
            f.speakerFirst = nameFirst;
            f.speakerEnd = speakerEnd;
            x.markKind(f);
            found.add(f);
        }
    }

    private String lastWord(int first, int end) {
        int t = first;
        while (t + 1 < end && doc.isWord(t + 1)) {
            t++;
        }
        return doc.norm(t);
    }

    /** Whether the first sentence of paragraph {@code p} holds the word {@code norm}. */
    private boolean mentions(int p, String norm) {
        int first = paragraphs.firstToken(p);
        int end = doc.endToken(sentenceOf[first]);
        for (int t = first; t < end; t++) {
            if (doc.norm(t).equals(norm)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the passage speaks in the first person ("I", "we", "my", "our"), as quotations do. */
    private boolean isFirstPerson(int first, int end) {
        for (int t = first; t < end; t++) {
            String w = doc.norm(t);
            if (w.equals("i") || w.equals("we") || w.equals("my") || w.equals("our") || w.equals("me")
                    || w.equals("us") || w.startsWith("i'") || w.startsWith("we'")) {
                return true;
            }
        }
        return false;
    }

    /** Two to four capitalized words (not all capitals, no article), optionally followed by ", Organization". */
    private boolean isNameLine(int first, int end) {
        int words = 0;
        int t = first;
        if (t < end && SpeakerWords.is("det", doc.norm(t))) {
            return false;
        }
        while (t < end && phrases.isCap(t) && !doc.tokenText(t).equals(doc.tokenText(t).toUpperCase(java.util.Locale.ROOT))) {
            words++;
            t++;
        }
        if (words < 2 || words > 4) {
            return false;
        }
        if (t == end) {
            return true;
        }
        return phrases.isPunct(t, ",") && end - t <= 4;
    }

    /** "The Kid Who Would Be King": every word capitalized, a title rather than speech. */
    private boolean isTitle(int first, int last) {
        for (int t = first; t <= last; t++) {
            if (doc.isWord(t) && !phrases.isCap(t) && !doc.isStop(t)) {
                return false;
            }
        }
        return true;
    }
}
