package dev.precis.text;

import java.util.Arrays;
import java.util.Map;

/**
 * The Porter suffix-stripping stemmer (M. F. Porter, "An algorithm for suffix stripping",
 * Program 14(3), 130–137, 1980), in the variant that NLTK's {@code PorterStemmer()} runs by
 * default ({@code NLTK_EXTENSIONS} mode).
 *
 * <p>The NLTK variant is followed rather than the published algorithm because the reference
 * ROUGE scorer ({@code rouge-score} with {@code use_stemmer=True}) stems with it, and ROUGE
 * scores only compare with published figures when tokens are stemmed identically. The
 * departures from Porter (1980) are:
 * <ul>
 *   <li>a small table of irregular words ({@code skies → sky}, {@code dying → die},
 *       {@code news → news}, {@code proceed → proceed}, …) bypasses the rules;</li>
 *   <li>words of one or two letters are returned unchanged;</li>
 *   <li>step 1a/1b: {@code -ies}/{@code -ied} become {@code -ie} in four-letter words
 *       ({@code ties → tie}) and {@code -ied} becomes {@code -i} otherwise;</li>
 *   <li>steps 1b and 5a: the <i>*o</i> (consonant–vowel–consonant ending) test also holds for
 *       a whole two-letter vowel–consonant stem ({@code owed → owe});</li>
 *   <li>step 1c: {@code y → i} after any consonant that is not the first letter, whether or
 *       not a vowel precedes it ({@code cry → cri}, {@code happy → happi}, {@code say} stays);</li>
 *   <li>step 2: {@code -alli → -al} is tried first and its result stemmed by step 2 again,
 *       {@code -bli → -ble} replaces {@code -abli → -able}, and {@code -fulli → -ful} and
 *       {@code -logi → -log} (measure taken with the {@code l}, so {@code geology → geolog})
 *       are added;</li>
 *   <li>step 5b: {@code -ll → -l} when the word minus its last letter has measure &gt; 1.</li>
 * </ul>
 *
 * <p>Stateless and thread-safe; it works on a private char buffer per call, without regular
 * expressions, since it runs on every token of every text scored.
 */
public final class PorterStemmer {

    private static final Map<String, String> IRREGULAR = Map.ofEntries(
            Map.entry("skies", "sky"), Map.entry("sky", "sky"),
            Map.entry("dying", "die"), Map.entry("lying", "lie"), Map.entry("tying", "tie"),
            Map.entry("news", "news"),
            Map.entry("innings", "inning"), Map.entry("inning", "inning"),
            Map.entry("outings", "outing"), Map.entry("outing", "outing"),
            Map.entry("cannings", "canning"), Map.entry("canning", "canning"),
            Map.entry("howe", "howe"),
            Map.entry("proceed", "proceed"), Map.entry("exceed", "exceed"),
            Map.entry("succeed", "succeed"));

    /** What the part of the word before a matched suffix must satisfy for the rule to fire. */
    private enum Condition { MEASURE_ABOVE_0, MEASURE_ABOVE_1, MEASURE_WITH_L_ABOVE_0, MEASURE_ABOVE_1_AFTER_S_OR_T }

    /**
     * One suffix rule. Within a step the first rule whose suffix matches decides: if its
     * condition fails, the word is left as it is and later rules are not tried.
     */
    private record Rule(char[] suffix, char[] replacement, Condition condition) {
        Rule(String suffix, String replacement, Condition condition) {
            this(suffix.toCharArray(), replacement.toCharArray(), condition);
        }
    }

    private static final Rule[][] STEP2 = byLastLetter(
            new Rule("ational", "ate", Condition.MEASURE_ABOVE_0),
            new Rule("tional", "tion", Condition.MEASURE_ABOVE_0),
            new Rule("enci", "ence", Condition.MEASURE_ABOVE_0),
            new Rule("anci", "ance", Condition.MEASURE_ABOVE_0),
            new Rule("izer", "ize", Condition.MEASURE_ABOVE_0),
            new Rule("bli", "ble", Condition.MEASURE_ABOVE_0),
            new Rule("alli", "al", Condition.MEASURE_ABOVE_0),
            new Rule("entli", "ent", Condition.MEASURE_ABOVE_0),
            new Rule("eli", "e", Condition.MEASURE_ABOVE_0),
            new Rule("ousli", "ous", Condition.MEASURE_ABOVE_0),
            new Rule("ization", "ize", Condition.MEASURE_ABOVE_0),
            new Rule("ation", "ate", Condition.MEASURE_ABOVE_0),
            new Rule("ator", "ate", Condition.MEASURE_ABOVE_0),
            new Rule("alism", "al", Condition.MEASURE_ABOVE_0),
            new Rule("iveness", "ive", Condition.MEASURE_ABOVE_0),
            new Rule("fulness", "ful", Condition.MEASURE_ABOVE_0),
            new Rule("ousness", "ous", Condition.MEASURE_ABOVE_0),
            new Rule("aliti", "al", Condition.MEASURE_ABOVE_0),
            new Rule("iviti", "ive", Condition.MEASURE_ABOVE_0),
            new Rule("biliti", "ble", Condition.MEASURE_ABOVE_0),
            new Rule("fulli", "ful", Condition.MEASURE_ABOVE_0),
            new Rule("logi", "log", Condition.MEASURE_WITH_L_ABOVE_0));

    private static final Rule[][] STEP3 = byLastLetter(
            new Rule("icate", "ic", Condition.MEASURE_ABOVE_0),
            new Rule("ative", "", Condition.MEASURE_ABOVE_0),
            new Rule("alize", "al", Condition.MEASURE_ABOVE_0),
            new Rule("iciti", "ic", Condition.MEASURE_ABOVE_0),
            new Rule("ical", "ic", Condition.MEASURE_ABOVE_0),
            new Rule("ful", "", Condition.MEASURE_ABOVE_0),
            new Rule("ness", "", Condition.MEASURE_ABOVE_0));

    private static final Rule[][] STEP4 = byLastLetter(
            new Rule("al", "", Condition.MEASURE_ABOVE_1),
            new Rule("ance", "", Condition.MEASURE_ABOVE_1),
            new Rule("ence", "", Condition.MEASURE_ABOVE_1),
            new Rule("er", "", Condition.MEASURE_ABOVE_1),
            new Rule("ic", "", Condition.MEASURE_ABOVE_1),
            new Rule("able", "", Condition.MEASURE_ABOVE_1),
            new Rule("ible", "", Condition.MEASURE_ABOVE_1),
            new Rule("ant", "", Condition.MEASURE_ABOVE_1),
            new Rule("ement", "", Condition.MEASURE_ABOVE_1),
            new Rule("ment", "", Condition.MEASURE_ABOVE_1),
            new Rule("ent", "", Condition.MEASURE_ABOVE_1),
            new Rule("ion", "", Condition.MEASURE_ABOVE_1_AFTER_S_OR_T),
            new Rule("ou", "", Condition.MEASURE_ABOVE_1),
            new Rule("ism", "", Condition.MEASURE_ABOVE_1),
            new Rule("ate", "", Condition.MEASURE_ABOVE_1),
            new Rule("iti", "", Condition.MEASURE_ABOVE_1),
            new Rule("ous", "", Condition.MEASURE_ABOVE_1),
            new Rule("ive", "", Condition.MEASURE_ABOVE_1),
            new Rule("ize", "", Condition.MEASURE_ABOVE_1));

    /** The word being stemmed: the first {@code length} chars of {@code b}. */
    private char[] b;
    private int length;

    private PorterStemmer(String word) {
        b = new char[word.length() + 2];
        word.getChars(0, word.length(), b, 0);
        length = word.length();
    }

    /**
     * Stems one word.
     *
     * @param lowercaseWord a lowercase word (the rules only know lowercase letters; other
     *                      characters such as digits are treated as consonants)
     * @return the stem, e.g. {@code "running" → "run"}, {@code "generalization" → "gener"}
     */
    public static String stem(String lowercaseWord) {
        String irregular = IRREGULAR.get(lowercaseWord);
        if (irregular != null) {
            return irregular;
        }
        if (lowercaseWord.length() <= 2) {
            return lowercaseWord;
        }
        PorterStemmer w = new PorterStemmer(lowercaseWord);
        w.step1a();
        w.step1b();
        w.step1c();
        w.step2();
        w.applyFirstMatching(STEP3);
        w.applyFirstMatching(STEP4);
        w.step5a();
        w.step5b();
        return new String(w.b, 0, w.length);
    }

    private void step1a() {
        if (endsWith("ies") && length == 4) {
            length -= 1;
        } else if (endsWith("sses") || endsWith("ies")) {
            length -= 2;
        } else if (endsWith("ss")) {
            // stays
        } else if (endsWith("s")) {
            length -= 1;
        }
    }

    private void step1b() {
        if (endsWith("ied")) {
            length -= length == 4 ? 1 : 2;
            return;
        }
        if (endsWith("eed")) {
            if (measure(length - 3) > 0) {
                length -= 1;
            }
            return;
        }
        if (endsWith("ed") && containsVowel(length - 2)) {
            length -= 2;
        } else if (endsWith("ing") && containsVowel(length - 3)) {
            length -= 3;
        } else {
            return;
        }
        if (endsWith("at") || endsWith("bl") || endsWith("iz")) {
            append('e');
        } else if (endsWithDoubleConsonant(length)) {
            char last = b[length - 1];
            if (last != 'l' && last != 's' && last != 'z') {
                length -= 1;
            }
        } else if (measure(length) == 1 && endsCvc(length)) {
            append('e');
        }
    }

    private void step1c() {
        if (endsWith("y") && length - 1 > 1 && isConsonant(length - 2)) {
            b[length - 1] = 'i';
        }
    }

    private void step5a() {
        if (endsWith("e")) {
            int m = measure(length - 1);
            if (m > 1 || (m == 1 && !endsCvc(length - 1))) {
                length -= 1;
            }
        }
    }

    private void step5b() {
        if (endsWith("ll") && measure(length - 1) > 1) {
            length -= 1;
        }
    }

    private void step2() {
        if (endsWith("alli") && measure(length - 4) > 0) {
            // NLTK applies -alli -> -al ahead of the other step 2 rules and reruns step 2.
            length -= 2;
            step2();
            return;
        }
        applyFirstMatching(STEP2);
    }

    private void applyFirstMatching(Rule[][] rulesByLastLetter) {
        char last = length == 0 ? 0 : b[length - 1];
        if (last < 'a' || last > 'z') {
            return;
        }
        for (Rule rule : rulesByLastLetter[last - 'a']) {
            if (endsWith(rule.suffix())) {
                int stemLength = length - rule.suffix().length;
                if (holds(rule.condition(), stemLength)) {
                    length = stemLength;
                    for (char c : rule.replacement()) {
                        append(c);
                    }
                }
                return;
            }
        }
    }

    private boolean holds(Condition condition, int stemLength) {
        return switch (condition) {
            case MEASURE_ABOVE_0 -> measure(stemLength) > 0;
            case MEASURE_ABOVE_1 -> measure(stemLength) > 1;
            case MEASURE_WITH_L_ABOVE_0 -> measure(stemLength + 1) > 0;
            case MEASURE_ABOVE_1_AFTER_S_OR_T -> measure(stemLength) > 1
                    && (b[stemLength - 1] == 's' || b[stemLength - 1] == 't');
        };
    }

    /** Whether {@code b[i]} is a consonant: not a vowel, and {@code y} only at the start or after a vowel. */
    private boolean isConsonant(int i) {
        return switch (b[i]) {
            case 'a', 'e', 'i', 'o', 'u' -> false;
            case 'y' -> i == 0 || !isConsonant(i - 1);
            default -> true;
        };
    }

    /** Porter's m: the number of vowel-run-then-consonant-run transitions in {@code b[0..end)}. */
    private int measure(int end) {
        int m = 0;
        boolean previousVowel = false;
        for (int i = 0; i < end; i++) {
            boolean consonant = isConsonant(i);
            if (consonant && previousVowel) {
                m++;
            }
            previousVowel = !consonant;
        }
        return m;
    }

    private boolean containsVowel(int end) {
        for (int i = 0; i < end; i++) {
            if (!isConsonant(i)) {
                return true;
            }
        }
        return false;
    }

    private boolean endsWithDoubleConsonant(int end) {
        return end >= 2 && b[end - 1] == b[end - 2] && isConsonant(end - 1);
    }

    /**
     * Porter's *o: consonant–vowel–consonant at the end, the last not w, x or y; NLTK also
     * accepts a whole two-letter vowel–consonant stem.
     */
    private boolean endsCvc(int end) {
        if (end >= 3) {
            char last = b[end - 1];
            return isConsonant(end - 3) && !isConsonant(end - 2) && isConsonant(end - 1)
                    && last != 'w' && last != 'x' && last != 'y';
        }
        return end == 2 && !isConsonant(0) && isConsonant(1);
    }

    private boolean endsWith(String suffix) {
        int n = suffix.length();
        if (n > length) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (b[length - n + i] != suffix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private boolean endsWith(char[] suffix) {
        int n = suffix.length;
        if (n > length) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (b[length - n + i] != suffix[i]) {
                return false;
            }
        }
        return true;
    }

    private void append(char c) {
        if (length == b.length) {
            b = Arrays.copyOf(b, b.length * 2);
        }
        b[length++] = c;
    }

    private static Rule[][] byLastLetter(Rule... rules) {
        Rule[][] buckets = new Rule[26][];
        for (int letter = 0; letter < 26; letter++) {
            char c = (char) ('a' + letter);
            buckets[letter] = Arrays.stream(rules)
                    .filter(r -> r.suffix()[r.suffix().length - 1] == c)
                    .toArray(Rule[]::new);
        }
        return buckets;
    }
}
