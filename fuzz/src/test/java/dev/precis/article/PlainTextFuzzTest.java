package dev.precis.article;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.precis.Precis;
import dev.precis.fuzz.SpanRules;
import dev.precis.summary.Summary;
import dev.precis.summary.SummarySentence;
import dev.precis.text.Doc;
import dev.precis.text.SentenceSplitter;

/**
 * Plain text and Markdown reading, sentence splitting and the summary built on them, on any Java
 * string (lone surrogates included, as JSON escapes can deliver them). Nothing may throw: every
 * string is some article. Checked: the body is its paragraphs joined by blank lines, sentence and
 * token spans keep their promises ({@link SpanRules}), and every summary sentence is a sentence of
 * the text at its offsets.
 */
class PlainTextFuzzTest {

    private static final PlainTextReader READER = new PlainTextReader();

    @FuzzTest
    @DictionaryEntries({"# ", "**", "](", "> ", "---", "By ", " and ", "Mr. ", "U.S. ", "...", "…",
            "\"", "”", "“", "''", " . ", "1. ", "Get a summary", "Previous Article", "Share"})
    void read(FuzzedDataProvider data) {
        String raw = data.consumeRemainingAsString();

        SpanRules.ordered("sentence", SentenceSplitter.english().split(raw), raw);

        for (Article article : new Article[] {READER.read(raw), READER.readMarkdown(raw)}) {
            String text = article.text();
            if (!String.join("\n\n", article.paragraphs()).equals(text)) {
                throw new AssertionError("the body is not its paragraphs joined by blank lines");
            }
            if (article.title() != null && article.title().isBlank()) {
                throw new AssertionError("a blank title");
            }
            Doc doc = Doc.of(text);
            SpanRules.doc(doc);
            summaryInPlace(doc);
        }
    }

    private static void summaryInPlace(Doc doc) {
        String text = doc.text();
        Summary summary = Precis.summarize(text);
        int previous = -1;
        for (SummarySentence s : summary.sentences()) {
            if (s.index() <= previous || s.index() >= doc.sentenceCount()) {
                throw new AssertionError("summary sentence index " + s.index() + " out of order or range");
            }
            if (s.start() != doc.sentence(s.index()).start() || s.end() != doc.sentence(s.index()).end()
                    || !s.text().equals(text.substring(s.start(), s.end()))) {
                throw new AssertionError("summary sentence " + s.index() + " is not the text's sentence at its offsets");
            }
            previous = s.index();
        }
    }
}
