package dev.precis.statements;

import dev.precis.text.Doc;
import dev.precis.text.Span;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the statements of an article — who said what — on its {@link Doc}, without re-reading the
 * text: direct quotations attributed before or after ("…," he said / She said, "…" / "…," said
 * Jane Doe, the minister), quotations that continue without attribution (given the previous
 * speaker), reported speech after a cue verb ("X stressed that …", "X told reporters …"), reported
 * speech before it ("…, officials said."), "according to X", and possessive nominal cues ("X's
 * statement that …").
 *
 * <p>The method follows the rule-based attribution extractors of news quotation work — quotation
 * marks plus reporting-verb clauses, speakers as the noun phrase next to the cue — as in Pouliquen,
 * Steinberger and Best, "Automatic detection of quotations in multilingual news" (RANLP 2007) and
 * the Gender Gap Tracker's extractor (Asr et al., "The Gender Gap Tracker", PLoS ONE 2021), but
 * replaces the dependency parse by word-shape rules over the Doc's tokens. Cues come from the data
 * file of {@link CueLexicon}. Instances are immutable and thread-safe.
 */
public final class StatementExtractor {

    private final CueLexicon cues;

    /** An extractor with the English cue lexicon. */
    public StatementExtractor() {
        this(CueLexicon.english());
    }

    /** An extractor with the given cue lexicon. */
    public StatementExtractor(CueLexicon cues) {
        this.cues = cues;
    }

    /** The statements of {@code doc}, in text order of their content. */
    public List<Statement> statements(Doc doc) {
        return new Run(doc, cues).extract();
    }

    /** A statement before speaker resolution: token ranges, char offsets for the content. */
    private static final class Found {
        int contentStart;
        int contentEnd;
        int speakerFirst = -1;
        int speakerEnd = -1;
        int cueFirst = -1;
        int cueEnd = -1;
        String lemma;
        Statement.Kind kind;
        /** The statement whose speaker this one shares ("…, and added …"), or null. */
        Found sameSpeakerAs;

        Found(int contentStart, int contentEnd, Statement.Kind kind) {
            this.contentStart = contentStart;
            this.contentEnd = contentEnd;
            this.kind = kind;
        }
    }

    private static final class Run {
        private static final int MIN_FLOATING_WORDS = 3;
        private static final int MIN_CONTENT_WORDS = 3;
        private static final int MAX_TAIL_WORDS = 7;

        private final Doc doc;
        private final CueLexicon cues;
        private final Quotations quotes;
        private final SpeakerPhrases phrases;
        private final int[] sentenceOf;
        private final boolean[] usedCue;
        private final boolean[] attributed;
        private final List<Found> found = new ArrayList<>();
        /** The second half of "A, X said, B": B, found with the cue of A. */
        private Found continuation;

        Run(Doc doc, CueLexicon cues) {
            this.doc = doc;
            this.cues = cues;
            this.quotes = Quotations.of(doc);
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

        List<Statement> extract() {
            List<Quotations.Passage> passages = quotes.passages();
            for (int i = 0; i < passages.size(); i++) {
                attribute(i, passages.get(i));
            }
            for (int s = 0; s < doc.sentenceCount(); s++) {
                reported(s);
            }
            for (int i = 0; i < passages.size(); i++) {
                floating(i, passages.get(i));
            }
            pullQuotes();
            found.sort(Comparator.comparingInt(f -> f.contentStart));
            return resolve();
        }

        // ---- direct quotations --------------------------------------------------------------

        private void attribute(int index, Quotations.Passage p) {
            int a = p.first();
            int b = p.last();
            int paraFirst = paragraphFirstToken(a);
            int paraEnd = paragraphEndToken(a);
            boolean opensClause = a == paraFirst || !doc.isWord(a - 1) || isCueAt(a - 1);
            if (!opensClause || wordsIn(a, b + 1) == 0) {
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
            CueLexicon.Match m = cueAt(k);
            if (m != null) {
                int[] np = phrases.after(k + m.tokens(), paraEnd);
                if (np == null) {
                    return false;
                }
                add(index, a, b, np[0], np[1], k, m);
                return true;
            }
            for (int c = k + 1; c < Math.min(paraEnd, k + 16); c++) {
                if (Quotations.isMark(doc, c) || isSentenceEnd(c)) {
                    return false;
                }
                m = cueAt(c);
                if (m == null) {
                    continue;
                }
                int e = phrases.skipAuxiliaries(c, k);
                int[] np = phrases.before(e, k);
                if (np != null && np[0] == k) {
                    add(index, a, b, np[0], np[1], c, m);
                    return true;
                }
                int comma = firstPunct(k, e, ",");
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
            int lo = Math.max(Math.max(paraFirst, sentenceFirst), j - 6);
            for (int c = j; c >= lo; c--) {
                if (Quotations.isMark(doc, c) || isSentenceEnd(c) || quotes.passageOf(c) >= 0) {
                    return;
                }
                if (usedCue[c] && c + 1 <= j + 1) {
                    Found earlier = foundWithCue(c);
                    if (earlier != null && earlier.kind == Statement.Kind.DIRECT) {
                        // "…," she said, "but …": the second half of a split quotation
                        Found f = add(index, a, b, earlier.speakerFirst, earlier.speakerEnd, -1, null);
                        f.cueFirst = earlier.cueFirst;
                        f.cueEnd = earlier.cueEnd;
                        f.lemma = earlier.lemma;
                        f.sameSpeakerAs = earlier;
                        return;
                    }
                }
                CueLexicon.Match m = cueAt(c);
                if (m == null || c + m.tokens() > j + 1 || usedCue[c] || isExcluded(c)
                        || m.clauseOnly() && j == a - 1) {
                    continue; // "a song called “Summer Rain”" names, it does not quote
                }
                if (hasCue(sentenceFirst, c)) {
                    return; // "X said he heard them shout, “…”": the quotation belongs to X's report
                }
                int e = phrases.skipAuxiliaries(c, sentenceFirst);
                int[] np = phrases.before(e, sentenceFirst);
                if (np == null) {
                    np = subjectBefore(c, sentenceFirst);
                }
                if (np == null && c + m.tokens() < a) {
                    np = phrases.after(c + m.tokens(), j + 1);
                }
                if (np == null) {
                    Found f = add(index, a, b, -1, -1, c, m);
                    f.sameSpeakerAs = lastBefore(doc.tokenStart(c));
                    return;
                }
                add(index, a, b, np[0], np[1], c, m);
                return;
            }
        }

        private Found add(int index, int a, int b, int speakerFirst, int speakerEnd, int cue, CueLexicon.Match m) {
            Found f = new Found(doc.tokenStart(a), doc.tokenEnd(b), Statement.Kind.DIRECT);
            f.speakerFirst = speakerFirst;
            f.speakerEnd = speakerEnd;
            if (m != null) {
                setCue(f, cue, m);
            }
            attributed[index] = true;
            found.add(f);
            return f;
        }

        /** A quotation that opens a sentence and has no cue of its own continues the previous speaker. */
        private void floating(int index, Quotations.Passage p) {
            if (attributed[index]) {
                return;
            }
            int a = p.first();
            boolean opensSentence = a == doc.firstToken(sentenceOf[a]) || isSentenceEnd(a - 1)
                    || Quotations.isMark(doc, a - 1) || phrases.isPunct(a - 1, ".");
            if (!opensSentence || wordsIn(a, p.last() + 1) < MIN_FLOATING_WORDS || isInsideContent(a) || isTitle(a, p.last())) {
                return;
            }
            Found f = new Found(doc.tokenStart(a), doc.tokenEnd(p.last()), Statement.Kind.DIRECT);
            f.sameSpeakerAs = lastBefore(f.contentStart);
            found.add(f);
        }

        /**
         * A paragraph followed by a paragraph that is only a name ("… thankful for what it's brought
         * me.\n\nMorgan McNeely"): a pull quote with its attribution line.
         */
        private void pullQuotes() {
            int sentences = doc.sentenceCount();
            int s = 0;
            while (s < sentences) {
                int p = doc.paragraphOf(s);
                int first = doc.firstToken(s);
                while (s < sentences && doc.paragraphOf(s) == p) {
                    s++;
                }
                int end = doc.endToken(s - 1);
                if (s >= sentences) {
                    break;
                }
                int q = doc.paragraphOf(s);
                int nameFirst = doc.firstToken(s);
                int nameEnd = nameFirst;
                int k = s;
                while (k < sentences && doc.paragraphOf(k) == q) {
                    nameEnd = doc.endToken(k);
                    k++;
                }
                if (!isNameLine(nameFirst, nameEnd) || wordsIn(first, end) < 5 || !isFirstPerson(first, end)) {
                    continue;
                }
                int to = contentEnd(first, end);
                Found f = new Found(doc.tokenStart(first), doc.tokenEnd(to - 1), Statement.Kind.INDIRECT);
                if (overlapsFound(f) || hasCue(first, end)) {
                    continue;
                }
                int speakerEnd = nameFirst;
                while (speakerEnd < nameEnd && doc.isWord(speakerEnd)) {
                    speakerEnd++;
                }
                f.speakerFirst = nameFirst;
                f.speakerEnd = speakerEnd;
                markKind(f);
                found.add(f);
            }
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

        // ---- reported speech ----------------------------------------------------------------

        private void reported(int s) {
            int first = doc.firstToken(s);
            int end = doc.endToken(s);
            if (isCrossReference(first, end)) {
                return;
            }
            int coveredUntil = first;
            for (int t = first; t < end; t++) {
                if (t < coveredUntil || quotes.passageOf(t) >= 0 || usedCue[t] || !doc.isWord(t)) {
                    continue;
                }
                CueLexicon.Match m = cueAt(t);
                if (m == null || (m.quoteOnly() || m.clauseOnly()) && !opensFiniteClause(t + m.tokens(), end, m.clauseOnly())
                        || isExcluded(t) || isNounUse(t, first)) {
                    continue;
                }
                Found f = m.lemma().equals("according to") ? accordingTo(s, t, m) : cueClause(s, t, m);
                if (f != null && !overlapsFound(f)) {
                    setCue(f, t, m);
                    markKind(f);
                    found.add(f);
                    coveredUntil = tokenAtOrAfter(f.contentEnd, end);
                    if (continuation != null) {
                        found.add(continuation);
                        coveredUntil = tokenAtOrAfter(continuation.contentEnd, end);
                    }
                }
                continuation = null;
            }
            possessiveStatement(s);
        }

        private Found cueClause(int s, int t, CueLexicon.Match m) {
            int first = doc.firstToken(s);
            int end = doc.endToken(s);
            int after = t + m.tokens();
            int e = phrases.skipAuxiliaries(t, first);
            if (isNegated(e, t)) {
                return null;
            }
            int[] np = phrases.before(e, first);
            boolean adjunctTail = isAdjunctTail(after, end, m.lemma());
            boolean participle = doc.norm(t).endsWith("ing");
            Found coordinated = null;
            if (np == null) {
                int prev = e - 1;
                if (prev < first) {
                    return null;
                }
                if (doc.norm(prev).equals("and") || phrases.isPunct(prev, ",") && participle) {
                    coordinated = lastBefore(doc.tokenStart(t));
                    if (coordinated != null && sentenceOfOffset(coordinated.contentStart) != s
                            && sentenceOfOffset(coordinated.contentEnd - 1) != s) {
                        coordinated = null;
                    }
                    if (coordinated == null && participle) {
                        np = sentenceSubject(first, prev);
                    }
                } else if (phrases.isPunct(prev, ",") || Quotations.isMark(doc, prev) && prev - 1 >= first
                        && phrases.isPunct(prev - 1, ",")) {
                    Found inverted = inverted(s, t, m, phrases.isPunct(prev, ",") ? prev : prev + 1);
                    if (inverted != null) {
                        return inverted;
                    }
                    np = appositiveSubject(first, prev);
                }
                if (coordinated == null && np == null) {
                    return null;
                }
            }
            if (np != null && np[0] > first && isClauseBreak(np[0] - 1) && adjunctTail) {
                int contentEnd = np[0] - 1;
                while (contentEnd > first && isClauseBreak(contentEnd - 1) && !Quotations.isMark(doc, contentEnd - 1)) {
                    contentEnd--;
                }
                if (wordsIn(first, contentEnd) < MIN_CONTENT_WORDS || hasAttributedPassage(first, contentEnd)) {
                    return null;
                }
                Found f = new Found(doc.tokenStart(first), doc.tokenEnd(contentEnd - 1), Statement.Kind.INDIRECT);
                f.speakerFirst = np[0];
                f.speakerEnd = np[1];
                if (after < end && phrases.isPunct(after, ",")) {
                    int to = contentEnd(after + 1, end);
                    if (wordsIn(after + 1, to) >= MIN_CONTENT_WORDS && !hasCue(after + 1, to)) {
                        Found rest = new Found(doc.tokenStart(after + 1), doc.tokenEnd(to - 1), Statement.Kind.INDIRECT);
                        rest.speakerFirst = np[0];
                        rest.speakerEnd = np[1];
                        setCue(rest, t, m);
                        markKind(rest);
                        continuation = rest;
                    }
                }
                return f;
            }
            int from = after;
            while (from < end && (phrases.isPunct(from, ",") || phrases.isPunct(from, ":"))) {
                from++;
            }
            int to = contentEnd(from, nextClauseWithCue(from, end));
            if (!opensClause(after, end, m.lemma()) || wordsIn(from, to) < MIN_CONTENT_WORDS
                    || quotes.passageOf(from) >= 0 && attributed[quotes.passageOf(from)]) {
                return null;
            }
            if (coordinated != null) {
                truncateBefore(coordinated, e - 1);
            }
            Found f = new Found(doc.tokenStart(from), doc.tokenEnd(to - 1), Statement.Kind.INDIRECT);
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

        /** Where "…, Jagelewski says …" starts a new statement inside reported speech, or {@code end}. */
        private int nextClauseWithCue(int from, int end) {
            for (int u = from + 2; u < end; u++) {
                if (quotes.passageOf(u) >= 0 || !doc.isWord(u)) {
                    continue;
                }
                CueLexicon.Match m = cueAt(u);
                if (m == null || m.quoteOnly() || isExcluded(u) || isNounUse(u, from)) {
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
                    if (doc.isWord(b) && SpeakerWords.is("boundary", doc.norm(b)) && b > from && isClauseBreak(b - 1)) {
                        b--; // "… — but the leaders say …"
                    }
                    if (isClauseBreak(b) && !Quotations.isMark(doc, b)) {
                        return b;
                    }
                }
            }
            return end;
        }

        /** "Jane Doe, a lawyer who …, said": the phrase before the first of two commas. */
        private int[] appositiveSubject(int first, int comma) {
            for (int c = comma - 1; c > first && comma - c <= 45; c--) {
                if (Quotations.isMark(doc, c)) {
                    return null;
                }
                if (phrases.isPunct(c, ",")) {
                    int[] np = phrases.before(c, first);
                    if (np != null && (np[0] == first || isClauseBreak(np[0] - 1) && phrases.isCap(np[1] - 1))) {
                        // "His defence attorneys, Charles Glynn and Richard Jones, have said": both name the speaker
                        return phrases.isCap(c + 1) && phrases.isCap(comma - 1) ? new int[]{np[0], comma} : np;
                    }
                }
            }
            return null;
        }

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
            int words = wordsIn(from, end);
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
        private Found inverted(int s, int t, CueLexicon.Match m, int comma) {
            int first = doc.firstToken(s);
            int end = doc.endToken(s);
            int[] np = phrases.after(t + m.tokens(), end);
            if (np == null || wordsIn(first, comma) < MIN_CONTENT_WORDS || hasAttributedPassage(first, comma)
                    || np[1] < end && wordsIn(np[1], end) > 0 && !phrases.isPunct(np[1], ",")) {
                return null;
            }
            Found f = new Found(doc.tokenStart(first), doc.tokenEnd(comma - 1), Statement.Kind.INDIRECT);
            f.speakerFirst = np[0];
            f.speakerEnd = np[1];
            return f;
        }

        /** "According to X, …" and "…, according to X." */
        private Found accordingTo(int s, int t, CueLexicon.Match m) {
            int first = doc.firstToken(s);
            int end = doc.endToken(s);
            int[] np = phrases.after(t + m.tokens(), end);
            if (np == null) {
                return null;
            }
            Found f;
            if (wordsIn(first, t) <= 1) {
                int from = np[1];
                while (from < end && !doc.isWord(from) && !Quotations.isMark(doc, from)) {
                    from++;
                }
                int to = contentEnd(from, end);
                if (wordsIn(from, to) < MIN_CONTENT_WORDS) {
                    return null;
                }
                f = new Found(doc.tokenStart(from), doc.tokenEnd(to - 1), Statement.Kind.INDIRECT);
            } else {
                int to = t;
                while (to > first && !doc.isWord(to - 1) && !Quotations.isMark(doc, to - 1)) {
                    to--;
                }
                if (wordsIn(first, to) < MIN_CONTENT_WORDS || hasAttributedPassage(first, to)) {
                    return null;
                }
                f = new Found(doc.tokenStart(first), doc.tokenEnd(to - 1), Statement.Kind.INDIRECT);
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
                int to = contentEnd(t + 2, end);
                if (np == null || wordsIn(t + 2, to) < MIN_CONTENT_WORDS) {
                    continue;
                }
                Found f = new Found(doc.tokenStart(t + 1), doc.tokenEnd(to - 1), Statement.Kind.INDIRECT);
                if (overlapsFound(f)) {
                    continue;
                }
                f.speakerFirst = np[0];
                f.speakerEnd = np[1];
                f.cueFirst = t;
                f.cueEnd = t + 1;
                f.lemma = nominalLemma(doc.norm(t));
                markKind(f);
                found.add(f);
            }
        }

        private static boolean isNominalCue(String w) {
            return switch (w) {
                case "statement", "claim", "assertion", "warning", "remarks", "comments", "argument", "insistence" -> true;
                default -> false;
            };
        }

        private static String nominalLemma(String w) {
            return w.endsWith("s") && !w.endsWith("ss") ? w.substring(0, w.length() - 1) : w;
        }

        // ---- resolution ---------------------------------------------------------------------

        private List<Statement> resolve() {
            SpeakerLinker linker = new SpeakerLinker(doc, phrases, nameRuns());
            java.util.Map<Found, SpeakerLinker.Resolved> resolved = new java.util.IdentityHashMap<>();
            List<Found> bySpeaker = new ArrayList<>(found);
            bySpeaker.sort(Comparator.comparingInt(f -> f.speakerFirst >= 0 ? doc.tokenStart(f.speakerFirst) : f.contentStart));
            for (Found f : bySpeaker) {
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
            for (Found f : found) {
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
        private List<int[]> nameRuns() {
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

        // ---- token helpers ------------------------------------------------------------------

        private CueLexicon.Match cueAt(int t) {
            if (!doc.isWord(t) || usedCue[t]) {
                return null;
            }
            if (Character.isUpperCase(doc.tokenText(t).charAt(0)) && !doc.norm(t).equals("according")) {
                return null;
            }
            return cues.match(doc, t);
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

        private boolean isCueAt(int t) {
            return doc.isWord(t) && cues.match(doc, t) != null;
        }

        private boolean hasCue(int from, int to) {
            for (int t = from; t < to; t++) {
                CueLexicon.Match m = cueAt(t);
                if (m != null && !m.lemma().equals("according to")) {
                    return true;
                }
            }
            return false;
        }

        /** Cue words used as nouns, infinitives or passives: "the statement said", "to say", "was told". */
        private boolean isExcluded(int t) {
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

        private void setCue(Found f, int cue, CueLexicon.Match m) {
            f.cueFirst = cue;
            f.cueEnd = cue + m.tokens();
            f.lemma = m.lemma();
            for (int t = cue; t < cue + m.tokens(); t++) {
                usedCue[t] = true;
            }
        }

        private void markKind(Found f) {
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
        private int contentEnd(int from, int end) {
            int to = end;
            while (to > from && !doc.isWord(to - 1) && !Quotations.isMark(doc, to - 1)) {
                to--;
            }
            return to;
        }

        private void truncateBefore(Found f, int token) {
            int t = token;
            while (t > 0 && !doc.isWord(t - 1) && !Quotations.isMark(doc, t - 1)) {
                t--;
            }
            if (t > 0 && doc.tokenEnd(t - 1) > f.contentStart && doc.tokenEnd(t - 1) < f.contentEnd) {
                f.contentEnd = doc.tokenEnd(t - 1);
            }
        }

        /** The subject that opens a sentence, for a participle cue ("The diocese issued …, saying …"). */
        private int[] sentenceSubject(int first, int limit) {
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
        private int[] subjectBefore(int cue, int first) {
            for (int k = cue - 1; k >= first; k--) {
                if (!doc.isWord(k)) {
                    continue;
                }
                if (SpeakerPhrases.isSubjectPronoun(doc.norm(k))) {
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

        private Found foundWithCue(int cue) {
            for (Found f : found) {
                if (f.cueFirst <= cue && cue < f.cueEnd) {
                    return f;
                }
            }
            return null;
        }

        private Found lastBefore(int offset) {
            Found best = null;
            for (Found f : found) {
                if (f.contentStart < offset && (best == null || f.contentStart > best.contentStart)) {
                    best = f;
                }
            }
            return best;
        }

        private boolean overlapsFound(Found g) {
            for (Found f : found) {
                int overlap = Math.min(f.contentEnd, g.contentEnd) - Math.max(f.contentStart, g.contentStart);
                if (overlap > 0 && overlap * 2 > Math.min(f.contentEnd - f.contentStart, g.contentEnd - g.contentStart)) {
                    return true;
                }
            }
            return false;
        }

        private boolean isInsideContent(int t) {
            int offset = doc.tokenStart(t);
            for (Found f : found) {
                if (f.kind != Statement.Kind.DIRECT && f.contentStart <= offset && offset < f.contentEnd) {
                    return true;
                }
            }
            return false;
        }

        private boolean hasAttributedPassage(int from, int to) {
            for (int t = from; t < to; t++) {
                int p = quotes.passageOf(t);
                if (p >= 0 && attributed[p]) {
                    return true;
                }
            }
            return false;
        }

        private boolean isClauseBreak(int t) {
            return phrases.isPunct(t, ",") || phrases.isPunct(t, "—") || phrases.isPunct(t, "--")
                    || phrases.isPunct(t, "-") || phrases.isPunct(t, ";") || phrases.isPunct(t, ")")
                    || Quotations.isMark(doc, t);
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

        private boolean isSentenceEnd(int t) {
            return phrases.isPunct(t, ".") && (t + 1 >= doc.tokenCount() || sentenceOf[t + 1] != sentenceOf[t])
                    || phrases.isPunct(t, "!") || phrases.isPunct(t, "?");
        }

        private int firstPunct(int from, int to, String p) {
            for (int t = from; t < to; t++) {
                if (phrases.isPunct(t, p)) {
                    return t;
                }
            }
            return -1;
        }

        private int wordsIn(int from, int to) {
            int count = 0;
            for (int t = from; t < to; t++) {
                if (doc.isWord(t)) {
                    count++;
                }
            }
            return count;
        }

        private int tokenAtOrAfter(int offset, int limit) {
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

        private int sentenceOfOffset(int offset) {
            int t = tokenAtOrAfter(offset, doc.tokenCount() - 1);
            return sentenceOf[Math.max(0, t)];
        }

        private int paragraphFirstToken(int t) {
            int s = sentenceOf[t];
            int p = doc.paragraphOf(s);
            while (s > 0 && doc.paragraphOf(s - 1) == p) {
                s--;
            }
            return doc.firstToken(s);
        }

        private int paragraphEndToken(int t) {
            int s = sentenceOf[t];
            int p = doc.paragraphOf(s);
            while (s + 1 < doc.sentenceCount() && doc.paragraphOf(s + 1) == p) {
                s++;
            }
            return doc.endToken(s);
        }
    }
}
