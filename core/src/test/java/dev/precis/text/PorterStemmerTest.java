package dev.precis.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PorterStemmerTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            // step 1a
            "caresses, caress", "ponies, poni", "caress, caress", "cats, cat",
            // step 1b and its clean-up
            "feed, feed", "agreed, agre", "plastered, plaster", "bled, bled", "motoring, motor",
            "sing, sing", "conflated, conflat", "sized, size", "hopping, hop", "falling, fall",
            "hissing, hiss", "filing, file",
            // steps 2 to 5
            "relational, relat", "conditional, condit", "rational, ration", "digitizer, digit",
            "vietnamization, vietnam", "hopefulness, hope", "triplicate, triplic",
            "electrical, electr", "goodness, good", "allowance, allow", "adjustable, adjust",
            "replacement, replac", "adoption, adopt", "effective, effect", "generalizations, gener",
            "oscillators, oscil", "controll, control", "roll, roll",
    })
    void followsPorter1980(String word, String stem) {
        assertEquals(stem, PorterStemmer.stem(word));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            // irregular forms
            "skies, sky", "sky, sky", "dying, die", "lying, lie", "tying, tie", "news, news",
            "innings, inning", "outings, outing", "proceed, proceed", "exceed, exceed",
            "succeed, succeed",
            // one and two letters are left alone
            "is, is", "as, as", "a, a",
            // -ies / -ied
            "ties, tie", "died, die", "cries, cri", "cried, cri",
            // y -> i after a consonant that is not the first letter
            "cry, cri", "happy, happi", "say, say", "bys, by",
            // two-letter vowel-consonant stem counts as cvc
            "owed, owe",
            // extra step 2 rules
            "radicalli, radic", "hopefulli, hope", "geology, geolog", "archaeology, archaeolog",
            "analogi, analog",
            // digits are consonants
            "1980s, 1980", "20th, 20th",
    })
    void followsNltkExtensions(String word, String stem) {
        assertEquals(stem, PorterStemmer.stem(word));
    }

    @Test
    void givesTheSameStemsFromManyThreads() {
        List<String> words = List.of("generalizations", "running", "happiness", "skies", "geology");
        ConcurrentHashMap<String, String> seen = new ConcurrentHashMap<>();
        IntStream.range(0, 20_000).parallel().forEach(i -> {
            String word = words.get(i % words.size());
            String stem = PorterStemmer.stem(word);
            String earlier = seen.putIfAbsent(word, stem);
            if (earlier != null) {
                assertEquals(earlier, stem);
            }
        });
        assertEquals("happi", seen.get("happiness"));
    }
}
