package dev.precis.statements;

import dev.precis.text.Doc;
import dev.precis.text.Span;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One extraction run over one {@link Doc}: the state the rules share (quotations, used cues,
 * candidates found so far), the token tests they have in common, and the final speaker
 * resolution. {@link QuotationRules} and {@link ReportedSpeechRules} add candidates to it.
 */
final class Extraction {
    static final int MIN_CONTENT_WORDS = 3;

    final Doc doc;
    final CueLexicon cues;
    final Quotations quotes;
    final Paragraphs paragraphs;
    final SpeakerPhrases phrases;
    final int[] sentenceOf;
    final boolean[] usedCue;
    /** Per quotation passage: whether a cue already attributes it. */
    final boolean[] attributed;
    final List<Candidate> found = new ArrayList<>();

    Extraction(Doc doc, CueLexicon cues) {
        this.doc = doc;
        this.cues = cues;
        this.quotes = Quotations.of(doc);
        this.paragraphs = Paragraphs.of(doc);
        this.phrases = new SpeakerPhrases(doc, cues);
        int n = doc.tokenCount();
        this.sentenceOf = new int[n];
        for (int s = 0; s < doc.sentenceCount(); s++) {
            for (int t = doc.firstToken(s); t < doc.endToken(s); t++) {
                sentenceOf[t] = s;
            }
        }
        this.usedCue = new boolean[n];
        this.attributed = new boolean[quotes.passages().size()];
    }

    /** Quotations with their cues first, then reported speech, then what is left of the quotations. */
    List<Statement> extract() {
        QuotationRules quotations = new QuotationRules(this);
        ReportedSpeechRules reported = new ReportedSpeechRules(this);
        List<Quotations.Passage> passages = quotes.passages();
        for (int i = 0; i < passages.size(); i++) {
            quotations.attribute(i, passages.get(i));
        }
        for (int s = 0; s < doc.sentenceCount(); s++) {
            reported.sentence(s);
        }
        for (int i = 0; i < passages.size(); i++) {
            quotations.floating(i, passages.get(i));
        }
        quotations.pullQuotes();
        found.sort(Comparator.comparingInt(f -> f.contentStart));
        return resolve();
    }

    // ---- resolution ---------------------------------------------------------------------

    List<Statement> resolve() {
        SpeakerLinker linker = new SpeakerLinker(doc, phrases, nameRuns());
        java.util.Map<Candidate, SpeakerLinker.Resolved> resolved = new java.util.IdentityHashMap<>();
        List<Candidate> bySpeaker = new ArrayList<>(found);
        bySpeaker.sort(Comparator.comparingInt(f -> f.speakerFirst >= 0 ? doc.tokenStart(f.speakerFirst) : f.contentStart));
        for (Candidate f : bySpeaker) {
            SpeakerLinker.Resolved r;
            if (f.speakerFirst >= 0) {
                r = linker.resolve(f.speakerFirst, f.speakerEnd);
            } else {
                r = f.sameSpeakerAs == null ? null : resolved.get(f.sameSpeakerAs);
                linker.again(r);
            }
            resolved.put(f, r);
        }
        List<Statement> out = new ArrayList<>(found.size());
        String text = doc.text();
        for (Candidate f : found) {
            SpeakerLinker.Resolved r = resolved.get(f);
            Span speakerSpan = f.speakerFirst >= 0
                    ? new Span(doc.tokenStart(f.speakerFirst), doc.tokenEnd(f.speakerEnd - 1)) : null;
            Span cueSpan = f.cueFirst >= 0 ? new Span(doc.tokenStart(f.cueFirst), doc.tokenEnd(f.cueEnd - 1)) : null;
            Span content = new Span(f.contentStart, f.contentEnd);
            out.add(new Statement(r == null ? null : r.name(), r == null ? null : r.role(),
                    speakerSpan == null ? null : speakerSpan.of(text), speakerSpan,
                    cueSpan == null ? null : cueSpan.of(text), f.lemma, cueSpan,
                    content.of(text), content, f.kind));
        }
        return List.copyOf(out);
    }

    /** Runs of two or more capitalized words ("NATO Secretary General Mark Rutte"), for linking short names. */
    List<int[]> nameRuns() {
        List<int[]> runs = new ArrayList<>();
        int n = doc.tokenCount();
        int t = 0;
        while (t < n) {
            if (!phrases.isCap(t)) {
                t++;
                continue;
            }
            int e = t + 1;
            while (e < n && sentenceOf[e] == sentenceOf[t] && (phrases.isCap(e)
                    || phrases.isPunct(e, ".") && e + 1 < n && phrases.isCap(e + 1) && doc.tokenEnd(e - 1) == doc.tokenStart(e))) {
                e++;
            }
            if (e - t >= 2) {
                runs.add(new int[]{t, e});
            }
            t = e;
        }
        return runs;
    }

    /**
     * "Jane Doe, a lawyer who …, said": the phrase before an appositive. A phrase that opens the
     * sentence wins over a nearer one ("Tareq Hadad, …, a company based in Antigonish, N.S., says").
     */
    int[] appositiveSubject(int first, int comma) {
        int[] nearest = null;
        for (int c = comma - 1; c > first && comma - c <= 45; c--) {
            if (Quotations.isMark(doc, c)) {
                break;
            }
            if (phrases.isPunct(c, ",")) {
                int[] np = phrases.before(c, first);
                if (np != null && np[0] == first) {
                    return withAppositive(np, c, comma);
                }
                if (np != null && nearest == null && isClauseBreak(np[0] - 1) && phrases.isCap(np[1] - 1)) {
                    nearest = withAppositive(np, c, comma);
                }
            }
        }
        return nearest;
    }

    /** "His defence attorneys, Charles Glynn and Richard Jones, have said": both name the speaker. */
    private int[] withAppositive(int[] np, int c, int comma) {
        return phrases.isCap(c + 1) && phrases.isCap(comma - 1) && comma - c <= 6 ? new int[]{np[0], comma} : np;
    }

    // ---- token helpers ------------------------------------------------------------------

    CueLexicon.Match cueAt(int t) {
        if (!doc.isWord(t) || usedCue[t]) {
            return null;
        }
        if (Character.isUpperCase(doc.tokenText(t).charAt(0)) && !doc.norm(t).equals("according")) {
            return null;
        }
        return cues.match(doc, t);
    }


    boolean isCueAt(int t) {
        return doc.isWord(t) && cues.match(doc, t) != null;
    }

    boolean hasCue(int from, int to) {
        for (int t = from; t < to; t++) {
            CueLexicon.Match m = cueAt(t);
            if (m != null && !m.lemma().equals("according to")) {
                return true;
            }
        }
        return false;
    }

    /** Cue words used as nouns, infinitives or passives: "the statement said", "to say", "was told". */
    boolean isExcluded(int t) {
        if (t == 0 || sentenceOf[t - 1] != sentenceOf[t]) {
            return false;
        }
        String prev = doc.norm(t - 1);
        String w = doc.norm(t);
        boolean passive = switch (prev) {
            case "to", "was", "were", "been", "being", "is", "are", "be", "the", "a", "an", "this", "that",
                 "his", "her", "their", "its", "my", "our", "your", "no", "any", "whose" -> true;
            default -> false;
        };
        if (passive && !(prev.equals("that") && w.endsWith("ed"))) {
            return true;
        }
        return t + 1 < doc.tokenCount() && doc.norm(t + 1).equals("by");
    }

    void setCue(Candidate f, int cue, CueLexicon.Match m) {
        f.cueFirst = cue;
        f.cueEnd = cue + m.tokens();
        f.lemma = m.lemma();
        for (int t = cue; t < cue + m.tokens(); t++) {
            usedCue[t] = true;
        }
    }

    void markKind(Candidate f) {
        int a = tokenAtOrAfter(f.contentStart, doc.tokenCount());
        boolean marks = false;
        for (int t = a; t < doc.tokenCount() && doc.tokenStart(t) < f.contentEnd; t++) {
            if (Quotations.isMark(doc, t)) {
                marks = true;
                break;
            }
        }
        if (marks) {
            int p = quotes.passageOf(a);
            boolean whole = p >= 0 && doc.tokenEnd(quotes.passages().get(p).last()) >= f.contentEnd - 1;
            f.kind = whole ? Statement.Kind.DIRECT : Statement.Kind.MIXED;
        }
    }

    /** Content runs to the end of the sentence, or to a coordinated cue ("…, and added …"). */
    int contentEnd(int from, int end) {
        int to = end;
        while (to > from && !doc.isWord(to - 1) && !Quotations.isMark(doc, to - 1)) {
            to--;
        }
        return to;
    }

    void truncateBefore(Candidate f, int token) {
        int t = token;
        while (t > 0 && !doc.isWord(t - 1) && !Quotations.isMark(doc, t - 1)) {
            t--;
        }
        if (t > 0 && doc.tokenEnd(t - 1) > f.contentStart && doc.tokenEnd(t - 1) < f.contentEnd) {
            f.contentEnd = doc.tokenEnd(t - 1);
        }
    }

    /** The subject that opens a sentence, for a participle cue ("The diocese issued …, saying …"). */
    int[] sentenceSubject(int first, int limit) {
        int k = first;
        while (k < limit && doc.isWord(k) && SpeakerWords.is("boundary", doc.norm(k))) {
            k++;
        }
        int start = k;
        if (k < limit && doc.isWord(k) && SpeakerPhrases.isSubjectPronoun(doc.norm(k))) {
            return new int[]{k, k + 1};
        }
        boolean capitalized = false;
        while (k < limit && doc.isWord(k)) {
            String w = doc.norm(k);
            if (phrases.isCap(k) && !(k == start && SpeakerWords.is("det", w))) {
                capitalized = true;
            } else if (!SpeakerWords.is("det", w) || capitalized) {
                if (!capitalized && !doc.isStop(k) && cues.lemma(w) == null) {
                    k++;
                }
                break;
            }
            k++;
        }
        return k > start ? new int[]{start, k} : null;
    }

    /** Fallback speaker: the last pronoun or capitalized word run before {@code cue} in the sentence. */
    int[] subjectBefore(int cue, int first) {
        for (int k = cue - 1; k >= first; k--) {
            if (!doc.isWord(k)) {
                continue;
            }
            String w = doc.norm(k);
            boolean object = (w.equals("it") || w.equals("you")) && k > first && doc.isWord(k - 1)
                    && !SpeakerWords.is("boundary", doc.norm(k - 1));
            if (SpeakerPhrases.isSubjectPronoun(w) && !object) { // not the "it" of "picked it up"
                return new int[]{k, k + 1};
            }
            if (phrases.isCap(k) && k > first) {
                int[] np = phrases.before(k + 1, first);
                if (np != null) {
                    return np;
                }
            }
        }
        return null;
    }

    Candidate foundWithCue(int cue) {
        for (Candidate f : found) {
            if (f.cueFirst <= cue && cue < f.cueEnd) {
                return f;
            }
        }
        return null;
    }

    Candidate lastBefore(int offset) {
        Candidate best = null;
        for (Candidate f : found) {
            if (f.contentStart < offset && (best == null || f.contentStart > best.contentStart)) {
                best = f;
            }
        }
        return best;
    }

    boolean overlapsCandidate(Candidate g) {
        for (Candidate f : found) {
            int overlap = Math.min(f.contentEnd, g.contentEnd) - Math.max(f.contentStart, g.contentStart);
            if (overlap > 0 && overlap * 2 > Math.min(f.contentEnd - f.contentStart, g.contentEnd - g.contentStart)) {
                return true;
            }
        }
        return false;
    }

    boolean isInsideContent(int t) {
        int offset = doc.tokenStart(t);
        for (Candidate f : found) {
            if (f.kind != Statement.Kind.DIRECT && f.contentStart <= offset && offset < f.contentEnd) {
                return true;
            }
        }
        return false;
    }

    boolean hasAttributedPassage(int from, int to) {
        for (int t = from; t < to; t++) {
            int p = quotes.passageOf(t);
            if (p >= 0 && attributed[p]) {
                return true;
            }
        }
        return false;
    }

    boolean isClauseBreak(int t) {
        return phrases.isPunct(t, ",") || phrases.isPunct(t, "—") || phrases.isPunct(t, "--")
                || phrases.isPunct(t, "-") || phrases.isPunct(t, ";") || phrases.isPunct(t, ")")
                || Quotations.isMark(doc, t);
    }


    boolean isSentenceEnd(int t) {
        return phrases.isPunct(t, ".") && (t + 1 >= doc.tokenCount() || sentenceOf[t + 1] != sentenceOf[t])
                || phrases.isPunct(t, "!") || phrases.isPunct(t, "?");
    }

    int firstPunct(int from, int to, String p) {
        for (int t = from; t < to; t++) {
            if (phrases.isPunct(t, p)) {
                return t;
            }
        }
        return -1;
    }

    int wordsIn(int from, int to) {
        int count = 0;
        for (int t = from; t < to; t++) {
            if (doc.isWord(t)) {
                count++;
            }
        }
        return count;
    }

    int tokenAtOrAfter(int offset, int limit) {
        int lo = 0;
        int hi = doc.tokenCount();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (doc.tokenStart(mid) < offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return Math.min(lo, limit);
    }

    int sentenceOfOffset(int offset) {
        int t = tokenAtOrAfter(offset, doc.tokenCount() - 1);
        return sentenceOf[Math.max(0, t)];
    }

    int paragraphFirstToken(int t) {
        return paragraphs.firstToken(doc.paragraphOf(sentenceOf[t]));
    }

    int paragraphEndToken(int t) {
        return paragraphs.endToken(doc.paragraphOf(sentenceOf[t]));
    }
}
