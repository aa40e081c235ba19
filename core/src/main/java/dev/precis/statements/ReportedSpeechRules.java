package dev.precis.statements;

import dev.precis.text.Doc;

import java.util.List;

/**
 * The rules for reported speech in one sentence: a cue clause with its speaker before ("X stressed
 * that …", "X told reporters …") or after the content ("…, officials said."), the inverted form
 * ("…, said Jane Doe"), "according to X", and nominal cues ("X's statement that …", "remarks
 * attributed to X").
 */
final class ReportedSpeechRules {
    private static final int MAX_TAIL_WORDS = 7;

    private final Extraction x;
    private final Doc doc;
    private final CueLexicon cues;
    private final Quotations quotes;
    private final SpeakerPhrases phrases;
    private final boolean[] usedCue;
    private final boolean[] attributed;
    private final List<Candidate> found;
    /** The second half of "A, X said, B": B, found with the cue of A. */
    private Candidate continuation;

    ReportedSpeechRules(Extraction x) {
        this.x = x;
        this.doc = x.doc;
        this.cues = x.cues;
        this.quotes = x.quotes;
        this.phrases = x.phrases;
        this.usedCue = x.usedCue;
        this.attributed = x.attributed;
        this.found = x.found;
    }

    /** The reported speech of sentence {@code s}, left to right; content already claimed is skipped. */
    void sentence(int s) {
        int first = doc.firstToken(s);
        int end = doc.endToken(s);
        if (isCrossReference(first, end)) {
            return;
        }
        attributedTo(s);
        int tail = trailingSay(first, end);
        int coveredUntil = first;
        for (int t = first; t < end; t++) {
            if (t < coveredUntil || quotes.passageOf(t) >= 0 || usedCue[t] || !doc.isWord(t)) {
                continue;
            }
            CueLexicon.Match m = x.cueAt(t);
            if (m != null && tail < end && t < tail && !m.lemma().equals("say") && !m.lemma().equals("tell")) {
                continue; // "X also explains Y, Moore said": the sentence is Moore's, not X's
            }
            if (m == null || (m.quoteOnly() || m.clauseOnly()) && !opensFiniteClause(t + m.tokens(), end, m.clauseOnly())
                    || x.isExcluded(t) || isNounUse(t, first)) {
                continue;
            }
            Candidate f = m.lemma().equals("according to") ? accordingTo(s, t, m) : cueClause(s, t, m);
            if (f != null && !x.overlapsCandidate(f)) {
                x.setCue(f, t, m);
                x.markKind(f);
                found.add(f);
                coveredUntil = x.tokenAtOrAfter(f.contentEnd, end);
                if (continuation != null) {
                    found.add(continuation);
                    coveredUntil = x.tokenAtOrAfter(continuation.contentEnd, end);
                }
            }
            continuation = null;
        }
        possessiveStatement(s);
    }

    /**
     * The "said" of a sentence that ends in its attribution ("…, Moore said." / "…, he said Friday."),
     * or {@code end} when it does not.
     */
    private int trailingSay(int first, int end) {
        for (int t = end - 1; t > first; t--) {
            if (!doc.isWord(t)) {
                continue;
            }
            CueLexicon.Match m = x.cueAt(t);
            if (m == null) {
                if (end - t > MAX_TAIL_WORDS + 2) {
                    return end;
                }
                continue;
            }
            if (!m.lemma().equals("say") || quotes.passageOf(t) >= 0) {
                return end;
            }
            int after = t + m.tokens();
            if (after < end && phrases.isPunct(after, ",") || !isAdjunctTail(after, end, m.lemma())) {
                return end;
            }
            int[] np = phrases.before(phrases.skipAuxiliaries(t, first), first);
            return np != null && np[0] > first && x.isClauseBreak(np[0] - 1) ? t : end;
        }
        return end;
    }

    private Candidate cueClause(int s, int t, CueLexicon.Match m) {
        int first = doc.firstToken(s);
        int end = doc.endToken(s);
        int after = t + m.tokens();
        int e = phrases.skipAuxiliaries(t, first);
        if (isNegated(e, t)) {
            return null;
        }
        int[] np = phrases.before(e, first);
        if (np != null && np[0] - 2 >= first && isRelative(np[0] - 1) && doc.isWord(np[0] - 2) && !x.isCueAt(np[0] - 2)) {
            return null; // "Apps that it said …": a relative clause, not a statement
        }
        boolean adjunctTail = isAdjunctTail(after, end, m.lemma());
        boolean participle = doc.norm(t).endsWith("ing");
        Candidate coordinated = null;
        if (np == null) {
            int prev = e - 1;
            if (prev < first) {
                return null;
            }
            if (doc.norm(prev).equals("and") || phrases.isPunct(prev, ",") && participle) {
                coordinated = x.lastBefore(doc.tokenStart(t));
                if (coordinated != null && x.sentenceOfOffset(coordinated.contentStart) != s
                        && x.sentenceOfOffset(coordinated.contentEnd - 1) != s) {
                    coordinated = null;
                }
                if (coordinated == null) {
                    // "X said “…,” and added: “…”": the quotation is attributed later, so take the subject
                    np = x.sentenceSubject(first, prev);
                }
            } else if (phrases.isPunct(prev, ",") || Quotations.isMark(doc, prev) && prev - 1 >= first
                    && phrases.isPunct(prev - 1, ",")) {
                Candidate inverted = inverted(s, t, m, phrases.isPunct(prev, ",") ? prev : prev + 1);
                if (inverted != null) {
                    return inverted;
                }
                np = x.appositiveSubject(first, prev);
            }
            if (coordinated == null && np == null) {
                return null;
            }
        }
        if (np != null && np[0] > first && x.isClauseBreak(np[0] - 1) && adjunctTail) {
            int contentEnd = np[0] - 1;
            while (contentEnd > first && x.isClauseBreak(contentEnd - 1) && !Quotations.isMark(doc, contentEnd - 1)) {
                contentEnd--;
            }
            if (x.wordsIn(first, contentEnd) < Extraction.MIN_CONTENT_WORDS || x.hasAttributedPassage(first, contentEnd)) {
                return null;
            }
            Candidate f = new Candidate(doc.tokenStart(first), doc.tokenEnd(contentEnd - 1), Statement.Kind.INDIRECT);
            f.speakerFirst = np[0];
            f.speakerEnd = np[1];
            if (after + 1 < end && phrases.isPunct(after, ",") && !doc.norm(after + 1).equals("and")
                    && !doc.norm(after + 1).equals("according")) {
                int to = x.contentEnd(after + 1, end);
                if (x.wordsIn(after + 1, to) >= Extraction.MIN_CONTENT_WORDS && !x.hasCue(after + 1, to)) {
                    Candidate rest = new Candidate(doc.tokenStart(after + 1), doc.tokenEnd(to - 1), Statement.Kind.INDIRECT);
                    rest.speakerFirst = np[0];
                    rest.speakerEnd = np[1];
                    x.setCue(rest, t, m);
                    x.markKind(rest);
                    continuation = rest;
                }
            }
            return f;
        }
        int from = after;
        while (from < end && (phrases.isPunct(from, ",") || phrases.isPunct(from, ":"))) {
            from++;
        }
        from = thatAfterAdjunct(from, end, m.lemma());
        int to = x.contentEnd(from, nextClauseWithCue(from, end));
        if (!opensClause(after, end, m.lemma()) || x.wordsIn(from, to) < Extraction.MIN_CONTENT_WORDS
                || quotes.passageOf(from) >= 0 && attributed[quotes.passageOf(from)]) {
            return null;
        }
        if (coordinated != null) {
            x.truncateBefore(coordinated, e - 1);
        }
        Candidate f = new Candidate(doc.tokenStart(from), doc.tokenEnd(to - 1), Statement.Kind.INDIRECT);
        if (np != null) {
            f.speakerFirst = np[0];
            f.speakerEnd = np[1];
        } else {
            f.sameSpeakerAs = coordinated;
            if (coordinated != null && coordinated.speakerFirst >= 0) {
                f.speakerFirst = coordinated.speakerFirst;
                f.speakerEnd = coordinated.speakerEnd;
            }
        }
        return f;
    }

    /** "said on Friday that …", "told reporters that …": the content starts at "that". */
    private int thatAfterAdjunct(int from, int end, String lemma) {
        if (from >= end || !doc.isWord(from)) {
            return from;
        }
        String w = doc.norm(from);
        if (!(SpeakerPhrases.isPreposition(w) || SpeakerPhrases.isTimeWord(w) || lemma.equals("tell"))) {
            return from;
        }
        for (int j = from + 1; j < Math.min(end, from + 8); j++) {
            if (!doc.isWord(j) || x.isCueAt(j)) {
                return from;
            }
            if (doc.norm(j).equals("that")) {
                return j;
            }
        }
        return from;
    }

    /** Where "…, Jagelewski says …" starts a new statement inside reported speech, or {@code end}. */
    private int nextClauseWithCue(int from, int end) {
        for (int u = from + 2; u < end; u++) {
            if (quotes.passageOf(u) >= 0 || !doc.isWord(u)) {
                continue;
            }
            CueLexicon.Match m = x.cueAt(u);
            if (m == null || m.quoteOnly() || x.isExcluded(u) || isNounUse(u, from)) {
                continue;
            }
            int e = phrases.skipAuxiliaries(u, from);
            if (!opensClause(u + m.tokens(), end, m.lemma())) {
                continue;
            }
            if (e - 1 > from && doc.norm(e - 1).equals("and") && !m.clauseOnly()) {
                return phrases.isPunct(e - 2, ",") ? e - 2 : e - 1; // "…, and added …"
            }
            if (doc.norm(u).endsWith("ing") && phrases.isPunct(u - 1, ",")) {
                return u - 1; // "…, saying …"
            }
            int[] np = phrases.before(e, from);
            if (np != null && np[0] > from) {
                int b = np[0] - 1;
                if (doc.isWord(b) && SpeakerWords.is("boundary", doc.norm(b)) && b > from && x.isClauseBreak(b - 1)) {
                    b--; // "… — but the leaders say …"
                }
                if (x.isClauseBreak(b) && !Quotations.isMark(doc, b)) {
                    return b;
                }
            }
        }
        return end;
    }

    private boolean isRelative(int t) {
        String w = doc.norm(t);
        return w.equals("that") || w.equals("which") || w.equals("whom");
    }

    /** "Jane Doe, a lawyer who …, said": the phrase before the first of two commas. */

    private boolean isNegated(int from, int cue) {
        for (int t = from; t < cue; t++) {
            String w = doc.norm(t);
            if (w.equals("not") || w.equals("never") || w.endsWith("n't")) {
                return true;
            }
        }
        return false;
    }

    /** What may follow a cue when the content stands before it: nothing, a time, a place, "reporters". */
    private boolean isAdjunctTail(int from, int end, String lemma) {
        int words = x.wordsIn(from, end);
        if (words == 0) {
            return true;
        }
        int k = from;
        while (k < end && !doc.isWord(k)) {
            if (!phrases.isPunct(k, ",")) {
                return false;
            }
            k++;
        }
        if (k >= end) {
            return true;
        }
        if (phrases.isPunct(from, ",")) {
            return true;
        }
        String w = doc.norm(k);
        if (words > MAX_TAIL_WORDS) {
            return false;
        }
        return SpeakerPhrases.isPreposition(w) || SpeakerPhrases.isTimeWord(w) || w.equals("according")
                || w.equals("while") || w.equals("as") || w.equals("when") || w.equals("last") || w.equals("this")
                || lemma.equals("tell") && words <= 4 || lemma.equals("add") && words <= 2;
    }

    /** Whether the words after a cue open a clause of reported speech (not "added 0.4 per cent", "responded for"). */
    private boolean opensClause(int from, int end, String lemma) {
        int k = from;
        if (lemma.equals("tell") || lemma.equals("assure") || lemma.equals("warn") || lemma.equals("remind")
                || lemma.equals("urge") || lemma.equals("call")) {
            if (k < end && isObjectPronoun(doc.norm(k))) {
                k++;
            } else {
                int[] object = phrases.after(k, end);
                if (object != null) {
                    k = object[1];
                }
            }
        }
        while (k < end && (phrases.isPunct(k, ",") || phrases.isPunct(k, ":"))) {
            k++;
        }
        while (k < end && doc.isWord(k) && SpeakerPhrases.isTimeWord(doc.norm(k))) {
            k++;
        }
        if (k >= end) {
            return false;
        }
        if (Quotations.isMark(doc, k)) {
            return true;
        }
        if (!doc.isWord(k) || Character.isDigit(doc.tokenText(k).charAt(0))) {
            return false;
        }
        String w = doc.norm(k);
        if (w.equals("to") && k > from && (lemma.equals("tell") || lemma.equals("urge"))) {
            return true; // "told workers to install …"
        }
        if (SpeakerPhrases.isPreposition(w) || w.equals("to")) {
            for (int j = k + 1; j < Math.min(end, k + 10); j++) {
                if (doc.norm(j).equals("that")) {
                    return true;
                }
                if (phrases.isPunct(j, ",") && j + 1 < end && doc.norm(j + 1).equals("that")) {
                    return true;
                }
            }
            return false;
        }
        return switch (w) {
            case "later", "earlier", "just", "again", "goodbye", "hello", "so", "yes", "no", "nothing", "little",
                 "how", "what", "whether", "if", "something", "anything", "thanks",
                 "sorry", "up", "down", "out", "off", "away", "back" -> false;
            default -> true;
        };
    }

    /** "that …" (or, when {@code pronounToo}, "he …", "they …", "there …") right after a cue. */
    private boolean opensFiniteClause(int k, int end, boolean pronounToo) {
        if (k >= end || !doc.isWord(k)) {
            return false;
        }
        if (k > 0 && doc.norm(k - 1).startsWith("call")) {
            for (int j = k + 1; j < Math.min(end, k + 5); j++) {
                if (Quotations.isMark(doc, j)) {
                    return true; // "called the conclusion “bold”"
                }
            }
        }
        if (k > 0 && doc.norm(k - 1).startsWith("describ")) {
            for (int j = k; j < Math.min(end, k + 4); j++) {
                if (doc.norm(j).equals("as")) {
                    return true; // "described herself as …"
                }
            }
        }
        String w = doc.norm(k);
        return w.equals("that") || pronounToo && (w.equals("there") || SpeakerPhrases.isSubjectPronoun(w) && !w.equals("you")
                || w.startsWith("it'") || w.startsWith("they'") || w.startsWith("he'") || w.startsWith("she'"));
    }

    /** "Suncor's claims", "recipe writing", "a high-tide warning": the cue word is a noun. */
    private boolean isNounUse(int t, int first) {
        if (t == first) {
            return false;
        }
        String prev = doc.norm(t - 1);
        if (prev.endsWith("'s") || phrases.isPunct(t - 1, "'") || phrases.isPunct(t - 1, "’")) {
            return true;
        }
        if (doc.norm(t).endsWith("ing")) {
            return !(phrases.isPunct(t - 1, ",") || prev.equals("and") || phrases.isPunct(t - 1, "—")
                    || phrases.isPunct(t - 1, "-") || phrases.isPunct(t - 1, "--"));
        }
        return false;
    }

    private static boolean isObjectPronoun(String w) {
        return switch (w) {
            case "him", "her", "them", "me", "us", "you", "reporters" -> true;
            default -> false;
        };
    }

    /** "…, said Jane Doe, the minister." */
    private Candidate inverted(int s, int t, CueLexicon.Match m, int comma) {
        int first = doc.firstToken(s);
        int end = doc.endToken(s);
        int[] np = phrases.after(t + m.tokens(), end);
        if (np == null || x.wordsIn(first, comma) < Extraction.MIN_CONTENT_WORDS || x.hasAttributedPassage(first, comma)
                || np[1] < end && x.wordsIn(np[1], end) > 0 && !phrases.isPunct(np[1], ",")) {
            return null;
        }
        Candidate f = new Candidate(doc.tokenStart(first), doc.tokenEnd(comma - 1), Statement.Kind.INDIRECT);
        f.speakerFirst = np[0];
        f.speakerEnd = np[1];
        return f;
    }

    /** "According to X, …" and "…, according to X." */
    private Candidate accordingTo(int s, int t, CueLexicon.Match m) {
        int first = doc.firstToken(s);
        int end = doc.endToken(s);
        int[] np = phrases.after(t + m.tokens(), end);
        if (np == null) {
            return null;
        }
        Candidate f;
        if (x.wordsIn(first, t) <= 1) {
            int from = np[1];
            while (from < end && !doc.isWord(from) && !Quotations.isMark(doc, from)) {
                from++;
            }
            int to = x.contentEnd(from, end);
            if (x.wordsIn(from, to) < Extraction.MIN_CONTENT_WORDS) {
                return null;
            }
            f = new Candidate(doc.tokenStart(from), doc.tokenEnd(to - 1), Statement.Kind.INDIRECT);
        } else {
            int to = t;
            while (to > first && !doc.isWord(to - 1) && !Quotations.isMark(doc, to - 1)) {
                to--;
            }
            if (x.wordsIn(first, to) < Extraction.MIN_CONTENT_WORDS || x.hasAttributedPassage(first, to)) {
                return null;
            }
            f = new Candidate(doc.tokenStart(first), doc.tokenEnd(to - 1), Statement.Kind.INDIRECT);
        }
        f.speakerFirst = np[0];
        f.speakerEnd = np[1];
        return f;
    }

    /** "X's statement that …", "X's claim that …". */
    private void possessiveStatement(int s) {
        int first = doc.firstToken(s);
        int end = doc.endToken(s);
        for (int t = first + 1; t + 1 < end; t++) {
            if (!isNominalCue(doc.norm(t)) || !doc.norm(t + 1).equals("that") || quotes.passageOf(t) >= 0) {
                continue;
            }
            int owner = t - 1;
            String o = doc.norm(owner);
            if (!(o.endsWith("'s") || phrases.isPunct(owner, "'") || phrases.isPunct(owner, "’"))) {
                continue;
            }
            int[] np = phrases.before(owner + 1, first);
            int to = x.contentEnd(t + 2, end);
            if (np == null || x.wordsIn(t + 2, to) < Extraction.MIN_CONTENT_WORDS) {
                continue;
            }
            Candidate f = new Candidate(doc.tokenStart(t + 1), doc.tokenEnd(to - 1), Statement.Kind.INDIRECT);
            if (x.overlapsCandidate(f)) {
                continue;
            }
            f.speakerFirst = np[0];
            f.speakerEnd = np[1];
            f.cueFirst = t;
            f.cueEnd = t + 1;
            f.lemma = nominalLemma(doc.norm(t));
            x.markKind(f);
            found.add(f);
        }
    }

    /** "Remarks attributed to Mark Rutte indicate that …": a passive nominal cue. */
    private void attributedTo(int s) {
        int first = doc.firstToken(s);
        int end = doc.endToken(s);
        for (int t = first + 1; t + 2 < end; t++) {
            if (!doc.norm(t).equals("attributed") || !doc.norm(t + 1).equals("to") || !isNominalCue(doc.norm(t - 1))
                    || quotes.passageOf(t) >= 0) {
                continue;
            }
            int[] np = phrases.after(t + 2, end);
            if (np == null) {
                continue;
            }
            int from = np[1];
            if (from < end && doc.isWord(from) && !phrases.isCap(from) && !doc.isStop(from)) {
                from++; // the verb: "indicate", "suggest"
            }
            if (from < end && doc.norm(from).equals("that")) {
                from++;
            }
            int to = x.contentEnd(from, end);
            if (x.wordsIn(from, to) < Extraction.MIN_CONTENT_WORDS) {
                continue;
            }
            Candidate f = new Candidate(doc.tokenStart(from), doc.tokenEnd(to - 1), Statement.Kind.INDIRECT);
            f.speakerFirst = np[0];
            f.speakerEnd = np[1];
            f.cueFirst = t;
            f.cueEnd = t + 2;
            f.lemma = "attribute to";
            usedCue[t] = true;
            x.markKind(f);
            found.add(f);
        }
    }

    private static boolean isNominalCue(String w) {
        return switch (w) {
            case "statement", "statements", "claim", "claims", "assertion", "warning", "remarks", "comments", "argument",
                 "insistence", "words", "quotes", "comment", "remark" -> true;
            default -> false;
        };
    }

    private static String nominalLemma(String w) {
        return w.endsWith("s") && !w.endsWith("ss") ? w.substring(0, w.length() - 1) : w;
    }

    /** "READ MORE: …", "WATCH: …": links to other articles, not statements of this one. */
    private boolean isCrossReference(int first, int end) {
        int k = first;
        while (k < end && doc.isWord(k) && doc.tokenText(k).equals(doc.tokenText(k).toUpperCase(java.util.Locale.ROOT))) {
            k++;
        }
        if (k == first || k >= end || !phrases.isPunct(k, ":")) {
            return false;
        }
        String w = doc.norm(first);
        return w.equals("read") || w.equals("watch") || w.equals("related") || w.equals("more") || w.equals("listen")
                || w.equals("see");
    }
}
