package dev.precis.statements;

import dev.precis.text.Doc;

import java.util.ArrayList;
import java.util.List;

/**
 * Resolves speaker mentions within one article, in text order: splits a named mention into role
 * and name ("Russian President Vladimir Putin" → role "Russian President", name "Vladimir Putin"),
 * links a later short name to the earlier full one ("Putin", "Mr. Putin"), and resolves pronouns to
 * the nearest earlier speaker that fits ("he"/"she" a person, "they"/"we" a group or several people,
 * "it" an organization).
 */
final class SpeakerLinker {

    /** What a mention resolves to. */
    record Resolved(String name, String role, Type type) {
    }

    /** The kind of speaker, for pronoun agreement. */
    enum Type { PERSON, GROUP, ORGANIZATION, UNKNOWN }

    private final Doc doc;
    private final SpeakerPhrases phrases;
    private final List<Resolved> seen = new ArrayList<>();
    private final List<int[]> nameRuns;

    /**
     * @param nameRuns runs of capitalized words of the whole text ({@code [start, end)} tokens, in
     *                 order), so that "Rutte" can be linked to an earlier "NATO Secretary General
     *                 Mark Rutte" that was no speaker
     */
    SpeakerLinker(Doc doc, SpeakerPhrases phrases, List<int[]> nameRuns) {
        this.doc = doc;
        this.phrases = phrases;
        this.nameRuns = nameRuns;
    }

    /** Resolves the mention {@code [s, e)} (tokens) and remembers it for later mentions. */
    Resolved resolve(int s, int e) {
        String first = doc.norm(s);
        if (e - s == 1 && SpeakerPhrases.isSubjectPronoun(first)) {
            Resolved antecedent = antecedent(first);
            return antecedent != null ? antecedent : new Resolved(doc.tokenText(s), null, Type.UNKNOWN);
        }
        Resolved r = split(s, e);
        Resolved linked = link(r, s);
        seen.add(linked);
        return linked;
    }

    /** Remembers an already resolved speaker (a floating quotation's) as the latest one. */
    void again(Resolved r) {
        if (r != null) {
            seen.add(r);
        }
    }

    private Resolved antecedent(String pronoun) {
        for (int i = seen.size() - 1; i >= 0; i--) {
            Resolved r = seen.get(i);
            boolean fits = switch (pronoun) {
                case "he", "she", "i" -> r.type() == Type.PERSON;
                case "they", "we" -> r.type() == Type.GROUP || r.type() == Type.ORGANIZATION;
                case "it" -> r.type() == Type.ORGANIZATION || r.type() == Type.UNKNOWN;
                default -> true;
            };
            if (fits) {
                return r;
            }
        }
        return null;
    }

    private Resolved split(int s, int e) {
        while (s < e - 1 && doc.isWord(s) && (SpeakerWords.is("boundary", doc.norm(s)) || doc.norm(s).equals("and"))) {
            s++;
        }
        int k = e - 1;
        while (k >= s && (phrases.isCap(k) || isNameInner(k, s, e))) {
            k--;
        }
        int runStart = k + 1;
        int nameStart = runStart;
        for (int t = runStart; t < e; t++) {
            String w = doc.norm(t);
            if (SpeakerWords.is("title", w) || SpeakerWords.is("honorific", w) || isAdjectiveOfPlace(t, e)) {
                nameStart = t + 1;
            }
        }
        while (nameStart < e && !doc.isWord(nameStart)) {
            nameStart++;
        }
        String mention = text(s, e);
        if (nameStart >= e) {
            Type type = isPlural(e - 1) ? Type.GROUP : runStart < e ? Type.ORGANIZATION : Type.UNKNOWN;
            return new Resolved(mention, null, type);
        }
        String name = text(nameStart, e);
        String role = nameStart > s ? stripDeterminer(text(s, nameStart).strip()) : null;
        if (role != null && role.endsWith(",")) {
            role = role.substring(0, role.length() - 1).strip();
        }
        boolean several = name.contains(" and ") || name.contains(" & ");
        Type type = several ? Type.GROUP
                : e - nameStart >= 2 || nameStart > runStart || runStart > s ? Type.PERSON : Type.ORGANIZATION;
        if (runStart == s && nameStart == s && e - s == 1 && !isPlural(s)) {
            type = Type.PERSON; // a bare surname, "Traeger"; an earlier full name decides when linking
        }
        if (runStart > s && nameStart == runStart && isPlural(e - 1) && !phrases.isCap(e - 1)) {
            type = Type.GROUP;
        }
        return new Resolved(name, role == null || role.isEmpty() ? null : role, type);
    }

    private Resolved link(Resolved r, int mentionStart) {
        String[] words = r.name().split(" ");
        String lastWord = words[words.length - 1];
        for (int i = seen.size() - 1; i >= 0; i--) {
            Resolved earlier = seen.get(i);
            if (earlier.name().equals(r.name())) {
                return r.role() == null && earlier.role() != null ? earlier : r.role() == null ? earlier : r;
            }
        }
        if (words.length == 1 && Character.isUpperCase(lastWord.charAt(0))) {
            for (int i = seen.size() - 1; i >= 0; i--) {
                Resolved earlier = seen.get(i);
                String[] ew = earlier.name().split(" ");
                if (ew.length > 1 && (ew[ew.length - 1].equals(lastWord) || ew[0].equals(lastWord))
                        && earlier.type() == Type.PERSON) {
                    return earlier;
                }
            }
            for (int i = nameRuns.size() - 1; i >= 0; i--) {
                int[] run = nameRuns.get(i);
                if (run[1] > mentionStart) {
                    continue;
                }
                if (doc.tokenText(run[1] - 1).equals(lastWord)) {
                    Resolved full = split(run[0], run[1]);
                    if (full.type() == Type.PERSON && full.name().contains(" ")) {
                        return full;
                    }
                }
            }
        }
        return r;
    }

    private boolean isNameInner(int k, int s, int e) {
        if (doc.isWord(k)) {
            String w = doc.norm(k);
            return (w.equals("and") || w.equals("de") || w.equals("van") || w.equals("von") || w.equals("al"))
                    && k > s && phrases.isCap(k - 1) && k + 1 < e && phrases.isCap(k + 1);
        }
        String p = doc.tokenText(k);
        return (p.equals(".") || p.equals("&")) && k > s && phrases.isCap(k - 1);
    }

    /** "Russian", "Ukrainian", "Canadian" before more capitalized words: part of a role, not a name. */
    private boolean isAdjectiveOfPlace(int t, int e) {
        String w = doc.norm(t);
        return e - t > 2 && (w.endsWith("ian") || w.endsWith("ese") || w.endsWith("ish")) && w.length() > 4;
    }

    private boolean isPlural(int t) {
        String w = doc.norm(t);
        return w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("'s") || w.equals("police") || w.equals("people");
    }

    private static String stripDeterminer(String role) {
        for (String det : new String[]{"the ", "The ", "a ", "A ", "an ", "An "}) {
            if (role.startsWith(det)) {
                return role.substring(det.length());
            }
        }
        return role;
    }

    private String text(int s, int e) {
        return doc.text().substring(doc.tokenStart(s), doc.tokenEnd(e - 1)).replaceAll("\\s+", " ");
    }
}
