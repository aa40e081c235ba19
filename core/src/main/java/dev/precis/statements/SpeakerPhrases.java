package dev.precis.statements;

import dev.precis.text.Doc;

/**
 * Finds the noun phrase that names a speaker next to a cue, on the tokens of a {@link Doc}:
 * "UFCW Local 832 president Jeff Traeger", "Ukrainian officials", "He", "Tore Sohlberg and Lehla
 * Abreder", "a spokesman for the ministry". Phrases are found by word shape and the word classes of
 * {@link SpeakerWords}, without a parser: capitalized words, determiners, prepositions inside the
 * phrase and content words are taken; verbs, clause words and punctuation end it.
 */
final class SpeakerPhrases {

    private static final int MAX_TOKENS = 12;

    private final Doc doc;
    private final CueLexicon cues;

    SpeakerPhrases(Doc doc, CueLexicon cues) {
        this.doc = doc;
        this.cues = cues;
    }

    boolean isCap(int t) {
        return doc.isWord(t) && Character.isUpperCase(doc.tokenText(t).charAt(0));
    }

    boolean isPunct(int t, String p) {
        return !doc.isWord(t) && doc.tokenText(t).equals(p);
    }

    /** Skips auxiliaries and adverbs before token {@code cue} ("has also said"); the new end. */
    int skipAuxiliaries(int cue, int lo) {
        int e = cue;
        while (e - 1 >= lo && (doc.isWord(e - 1) && !isCap(e - 1)
                && (SpeakerWords.is("aux", doc.norm(e - 1)) || doc.norm(e - 1).endsWith("ly")) || isInvisible(e - 1))) {
            e--;
        }
        return e;
    }

    /**
     * The speaker phrase that ends right before token {@code end} and starts at or after {@code lo},
     * as {@code [start, end)} tokens, or {@code null} when the tokens there cannot name a speaker.
     */
    int[] before(int end, int lo) {
        if (end - 1 < lo || !doc.isWord(end - 1)) {
            return null;
        }
        String last = doc.norm(end - 1);
        if (SpeakerWords.isPronoun(last)) {
            return isSubjectPronoun(last) ? new int[]{end - 1, end} : null;
        }
        int k = end - 1;
        while (k >= lo && end - k <= MAX_TOKENS) {
            if (!doc.isWord(k)) {
                if (isInnerPunct(k, lo, end)) {
                    k--;
                    continue;
                }
                break;
            }
            String w = doc.norm(k);
            if (w.equals("and") || w.equals("&")) {
                if (k - 1 >= lo && isCap(k - 1) && k + 1 < end && isCap(k + 1)) {
                    k--;
                    continue;
                }
                break;
            }
            if (SpeakerWords.is("boundary", w) || SpeakerWords.isPronoun(w) && k < end - 1 && !isPossessive(w)) {
                break;
            }
            if (!isCap(k) && (doc.isStop(k) && !SpeakerWords.is("det", w) && !isPossessive(w) || cues.lemma(w) != null)) {
                break;
            }
            if (!isCap(k) && w.endsWith("ed") && k + 1 < end && isArticle(doc.norm(k + 1))) {
                break; // "The band released a song": a verb and its object, not a phrase
            }
            k--;
        }
        int s = k + 1;
        while (s < end && doc.isWord(s) && isPreposition(doc.norm(s))) {
            s++; // "In revisiting her work, …" opens with an adverbial, not a speaker
        }
        int e = end;
        while (e - s > 1 && doc.isWord(e - 1) && (isTimeWord(doc.norm(e - 1)) || isTimeModifier(doc.norm(e - 1)))) {
            e--; // "People arrested last week"
        }
        return valid(s, e) ? new int[]{s, e} : null;
    }

    /**
     * The speaker phrase that starts at token {@code from} and ends before {@code hi} ("said Jane
     * Doe"), or {@code null}.
     */
    int[] after(int from, int hi) {
        int k = from;
        if (k < hi && doc.isWord(k) && SpeakerWords.isPronoun(doc.norm(k))) {
            return isSubjectPronoun(doc.norm(k)) ? new int[]{k, k + 1} : null;
        }
        while (k < hi && k - from < MAX_TOKENS) {
            if (!doc.isWord(k)) {
                if (isInnerPunct(k, from, hi)) {
                    k++;
                    continue;
                }
                break;
            }
            String w = doc.norm(k);
            if (w.equals("and") && !(k > from && isCap(k - 1) && k + 1 < hi && isCap(k + 1))) {
                break;
            }
            if (!w.equals("and") && SpeakerWords.is("boundary", w) || SpeakerWords.isPronoun(w) && !isPossessive(w)) {
                break;
            }
            if (!isCap(k) && (doc.isStop(k) && !SpeakerWords.is("det", w) && !isPossessive(w) || cues.lemma(w) != null)) {
                break;
            }
            if (!isCap(k) && k > from && isCap(k - 1) && k + 1 < hi
                    && (doc.norm(k + 1).equals("that") || isArticle(doc.norm(k + 1)) || isSubjectPronoun(doc.norm(k + 1)))) {
                break; // "Mark Rutte indicate that": the verb after a name
            }
            k++;
        }
        int e = k;
        while (e > from && doc.isWord(e - 1) && !isCap(e - 1) && SpeakerWords.is("det", doc.norm(e - 1))) {
            e--;
        }
        if (e == k && k + 1 < hi && isPunct(k, ",") && e > from && !isCap(e - 1)) {
            int n = k + 1; // "Campbell's partner, Jason Louth"
            while (n < hi && (isCap(n) || isInnerPunct(n, k + 1, hi))) {
                n++;
            }
            if (n - k > 1 && (n >= hi || !doc.isWord(n))) {
                e = n;
            }
        }
        return valid(from, e) ? new int[]{from, e} : null;
    }

    private boolean valid(int s, int e) {
        if (s >= e || !doc.isWord(e - 1)) {
            return false;
        }
        String head = doc.norm(e - 1);
        if (e - s == 1 && SpeakerWords.is("boundary", head)) {
            return false;
        }
        if (isCap(e - 1)) {
            return !isTimeWord(head) && !isNumber(e - 1);
        }
        if (SpeakerWords.isPronoun(head)) {
            return e - s == 1 && isSubjectPronoun(head);
        }
        return !doc.isStop(e - 1) && !isNumber(e - 1) && !isTimeWord(head) && cues.lemma(head) == null;
    }

    private boolean isNumber(int t) {
        return Character.isDigit(doc.tokenText(t).charAt(0));
    }

    /** Stops of abbreviations ("Mr. Wilkinson"), the possessive apostrophe of "Jones'", "&". */
    private boolean isInnerPunct(int k, int lo, int hi) {
        String p = doc.tokenText(k);
        if (isInvisible(k)) {
            return true;
        }
        if (p.equals(".") && k - 1 >= lo && isCorporateSuffix(doc.norm(k - 1)) && doc.tokenEnd(k - 1) == doc.tokenStart(k)) {
            return true;
        }
        if (p.equals(".")) {
            return k - 1 >= lo && isCap(k - 1) && doc.tokenEnd(k - 1) - doc.tokenStart(k - 1) <= 4
                    && k + 1 < hi && isCap(k + 1) && doc.tokenEnd(k - 1) == doc.tokenStart(k);
        }
        if (p.equals("'") || p.equals("’")) {
            return k - 1 >= lo && doc.norm(k - 1).endsWith("s") && doc.tokenEnd(k - 1) == doc.tokenStart(k);
        }
        return p.equals("&") || p.equals("+");
    }

    /** Zero-width spaces and other format characters that pasted text carries inside names. */
    boolean isInvisible(int t) {
        return !doc.isWord(t) && Character.getType(doc.tokenText(t).charAt(0)) == Character.FORMAT;
    }

    private static boolean isCorporateSuffix(String w) {
        return switch (w) {
            case "co", "corp", "inc", "ltd", "jr", "sr", "bros" -> true;
            default -> false;
        };
    }

    private static boolean isArticle(String w) {
        return switch (w) {
            case "the", "a", "an", "his", "her", "their", "its", "our", "my" -> true;
            default -> false;
        };
    }

    static boolean isSubjectPronoun(String w) {
        return switch (w) {
            case "he", "she", "they", "we", "it", "i", "you" -> true;
            default -> false;
        };
    }

    private static boolean isPossessive(String w) {
        return switch (w) {
            case "his", "her", "their", "its", "our", "my" -> true;
            default -> false;
        };
    }

    static boolean isPreposition(String w) {
        return switch (w) {
            case "of", "for", "at", "in", "on", "from", "with", "to", "by", "about", "during", "after", "before" -> true;
            default -> false;
        };
    }

    private static boolean isTimeModifier(String w) {
        return switch (w) {
            case "last", "this", "next", "early", "late", "every" -> true;
            default -> false;
        };
    }

    static boolean isTimeWord(String w) {
        return switch (w) {
            case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
                 "yesterday", "tonight", "week", "month", "year", "morning", "afternoon", "evening", "night",
                 "weekend", "earlier", "later", "time" -> true;
            default -> false;
        };
    }
}
