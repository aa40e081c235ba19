package dev.precis.statements;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.precis.fuzz.SpanRules;
import dev.precis.text.Doc;
import dev.precis.text.Span;

import java.util.List;

/**
 * Statement extraction (who said what) on any Java string. Nothing may throw. Checked: every span
 * lies inside the text and its string is the text there, statements come in text order of their
 * content, and neither speaker nor cue lies inside the content attributed to them.
 */
class StatementFuzzTest {

    private static final StatementExtractor EXTRACTOR = new StatementExtractor();

    @FuzzTest
    @DictionaryEntries({"\"", "“", "”", "‘", "’", "'", "« ", " »", " said", " says", " told reporters",
            " stressed that ", "According to ", ", according to ", " he said.", "She said, ", "He ", "They ",
            "Mr. ", "President ", " the minister", "'s statement that ", ", officials said."})
    void statements(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        List<Statement> statements = EXTRACTOR.statements(Doc.of(text));
        int previousStart = -1;
        for (Statement s : statements) {
            SpanRules.inside("content", s.contentSpan(), text);
            same("content", s.content(), s.contentSpan(), text);
            if (s.contentSpan().start() < previousStart) {
                throw new AssertionError("statements out of text order at " + s.contentSpan());
            }
            previousStart = s.contentSpan().start();
            if (s.speakerSpan() != null) {
                SpanRules.inside("speaker", s.speakerSpan(), text);
                same("speaker", s.speakerMention(), s.speakerSpan(), text);
                outside("speaker", s.speakerSpan(), s.contentSpan());
            }
            if (s.cueSpan() != null) {
                SpanRules.inside("cue", s.cueSpan(), text);
                same("cue", s.cue(), s.cueSpan(), text);
                outside("cue", s.cueSpan(), s.contentSpan());
            }
            if (s.kind() == null) {
                throw new AssertionError("a statement without a kind");
            }
        }
    }

    private static void same(String what, String value, Span span, String text) {
        if (!span.of(text).equals(value)) {
            throw new AssertionError(what + " '" + value + "' is not the text at " + span);
        }
    }

    private static void outside(String what, Span part, Span content) {
        if (part.overlaps(content)) {
            throw new AssertionError(what + " " + part + " lies inside the content " + content);
        }
    }
}
