package dev.precis.statements;

import dev.precis.text.Doc;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class StatementExtractorTest {

    private static List<Statement> run(String text) {
        return new StatementExtractor().statements(Doc.of(text));
    }

    private static Statement withContent(List<Statement> statements, String fragment) {
        for (Statement s : statements) {
            if (s.content().contains(fragment)) {
                return s;
            }
        }
        fail("no statement holds \"" + fragment + "\" in " + statements);
        return null;
    }

    private static void assertSpansMatchText(String text, List<Statement> statements) {
        for (Statement s : statements) {
            assertEquals(s.content(), s.contentSpan().of(text));
            if (s.speakerSpan() != null) {
                assertEquals(s.speakerMention(), s.speakerSpan().of(text));
            }
            if (s.cueSpan() != null) {
                assertEquals(s.cue(), s.cueSpan().of(text));
            }
        }
    }

    @Test
    void directQuoteBeforeSpeaker() {
        String text = "The mayor opened the new bridge on Monday.\n\n"
                + "“This bridge joins two halves of the city,” Mayor Anna Berg said.";
        List<Statement> out = run(text);
        assertEquals(1, out.size());
        Statement s = out.get(0);
        assertEquals("“This bridge joins two halves of the city,”", s.content());
        assertEquals(Statement.Kind.DIRECT, s.kind());
        assertEquals("Anna Berg", s.speaker());
        assertEquals("Mayor", s.role());
        assertEquals("said", s.cue());
        assertEquals("say", s.cueLemma());
        assertSpansMatchText(text, out);
    }

    @Test
    void sentenceEndingInItsAttributionBelongsToThatSpeaker() {
        String text = "Warmer seas also explain the heavier rains on the coast, Professor Lena Ruiz said.";
        List<Statement> out = run(text);
        assertEquals(1, out.size());
        Statement s = out.get(0);
        assertEquals("Warmer seas also explain the heavier rains on the coast", s.content());
        assertEquals("Lena Ruiz", s.speaker());
        assertEquals("said", s.cue());
        assertSpansMatchText(text, out);
    }

    @Test
    void coordinatedCueAfterAQuotationKeepsTheSpeaker() {
        String text = "Ivo Marsh said “nobody saw the whole match,” and added: “Those fans were spoken to.”";
        List<Statement> out = run(text);
        assertEquals(2, out.size());
        assertEquals("Ivo Marsh", withContent(out, "Those fans").speaker());
        assertEquals("added", withContent(out, "Those fans").cue());
        assertSpansMatchText(text, out);
    }

    @Test
    void directQuoteAfterSpeakerWithStraightQuotes() {
        String text = "She said, \"We will not give up on this town.\"";
        Statement s = run(text).get(0);
        assertEquals("\"We will not give up on this town.\"", s.content());
        assertEquals("She", s.speakerMention());
        assertEquals(Statement.Kind.DIRECT, s.kind());
    }

    @Test
    void invertedCueWithRoleAfterName() {
        String text = "“Prices will fall next year,” said Jane Doe, the finance minister.";
        Statement s = run(text).get(0);
        assertEquals("Jane Doe", s.speakerMention());
        assertEquals("said", s.cue());
    }

    @Test
    void ptbQuotesAreQuotations() {
        String text = "``We are ready for the vote,'' Senator Tom Hale told reporters.";
        Statement s = run(text).get(0);
        assertEquals("``We are ready for the vote,''", s.content());
        assertEquals("Tom Hale", s.speaker());
        assertEquals("tell", s.cueLemma());
    }

    @Test
    void multiSentenceQuoteIsOneStatement() {
        String text = "“The river rose fast. We moved the children first. Then we carried the food up,” said Mark Olsen.";
        List<Statement> out = run(text);
        assertEquals(1, out.size());
        assertTrue(out.get(0).content().startsWith("“The river rose fast."));
        assertTrue(out.get(0).content().endsWith("carried the food up,”"));
    }

    @Test
    void quotationContinuingInNextParagraphKeepsTheSpeaker() {
        String text = "“We have waited three years for this school,” said parent Lena Park.\n\n"
                + "“Now our children can walk to class in ten minutes.”";
        List<Statement> out = run(text);
        assertEquals(2, out.size());
        Statement second = withContent(out, "Now our children");
        assertEquals("Lena Park", second.speaker());
        assertNull(second.speakerSpan());
        assertNull(second.cue());
    }

    @Test
    void quotationSpanningParagraphsWithoutClosingMark() {
        String text = "The coach said: “We trained harder than ever this winter.\n\n"
                + "“And the players believed in the plan.”";
        List<Statement> out = run(text);
        assertEquals(2, out.size());
        assertEquals("“We trained harder than ever this winter.", out.get(0).content());
        assertEquals("The coach", out.get(1).speaker());
    }

    @Test
    void accordingToBeforeAndAfter() {
        String text = "According to the Tass news agency, the talks will resume in March.\n\n"
                + "The pipeline was closed for repairs, according to company officials.";
        List<Statement> out = run(text);
        assertEquals(2, out.size());
        Statement first = withContent(out, "talks will resume");
        assertEquals("According to", first.cue());
        assertEquals("according to", first.cueLemma());
        assertEquals("the Tass news agency", first.speakerMention());
        assertEquals("the talks will resume in March", first.content());
        Statement second = withContent(out, "pipeline was closed");
        assertEquals("company officials", second.speakerMention());
        assertEquals("The pipeline was closed for repairs", second.content());
    }

    @Test
    void reportedSpeechWithThatAndWithout() {
        String text = "Russian foreign ministry spokeswoman Maria Zakharova asserted that the sanctions had failed.\n\n"
                + "A senior White House official stressed the plan would go ahead.";
        List<Statement> out = run(text);
        Statement first = withContent(out, "sanctions had failed");
        assertEquals("Maria Zakharova", first.speaker());
        assertEquals("Russian foreign ministry spokeswoman", first.role());
        assertEquals("assert", first.cueLemma());
        assertEquals(Statement.Kind.INDIRECT, first.kind());
        Statement second = withContent(out, "plan would go ahead");
        assertEquals("stress", second.cueLemma());
        assertEquals("A senior White House official", second.speakerMention());
    }

    @Test
    void reportedSpeechBeforeTheCue() {
        String text = "The ceasefire is holding in most regions, Ukrainian officials said on Tuesday.";
        Statement s = run(text).get(0);
        assertEquals("The ceasefire is holding in most regions", s.content());
        assertEquals("Ukrainian officials", s.speaker());
    }

    @Test
    void groupsAsSpeakers() {
        String text = "Analysts warned that the currency could fall further.\n\nObservers noted that turnout was low.";
        List<Statement> out = run(text);
        assertEquals("Analysts", withContent(out, "currency").speaker());
        assertEquals("Observers", withContent(out, "turnout").speaker());
    }

    @Test
    void pronounResolvesToNearestFittingSpeaker() {
        String text = "NATO Secretary General Mark Rutte visited Kyiv on Friday. "
                + "Rutte said that the alliance would send more air defence systems.\n\n"
                + "He noted that training would begin in the spring.";
        List<Statement> out = run(text);
        Statement s = withContent(out, "training would begin");
        assertEquals("He", s.speakerMention());
        assertEquals("Mark Rutte", s.speaker());
    }

    @Test
    void speakersAreLinkedAcrossTheArticle() {
        String text = "Russian President Vladimir Putin said that talks with Kyiv were possible.\n\n"
                + "Later, Putin told reporters that no date had been set.";
        List<Statement> out = run(text);
        Statement later = withContent(out, "no date had been set");
        assertEquals("Putin", later.speakerMention());
        assertEquals("Vladimir Putin", later.speaker());
        assertEquals("Russian President", later.role());
        assertEquals("tell", later.cueLemma());
    }

    @Test
    void possessiveNominalCue() {
        String text = "The minister's statement that the border would stay open calmed the markets.";
        Statement s = run(text).get(0);
        assertEquals("statement", s.cue());
        assertTrue(s.content().startsWith("that the border would stay open"));
        assertNotNull(s.speakerSpan());
    }

    @Test
    void mixedReportedSpeechHoldsAQuotedFragment() {
        String text = "The governor said the decision was “a shock and a disappointment” for the workers.";
        Statement s = run(text).get(0);
        assertEquals(Statement.Kind.MIXED, s.kind());
        assertEquals("the decision was “a shock and a disappointment” for the workers", s.content());
    }

    @Test
    void scareQuotesAndNounsAreNotStatements() {
        String text = "The band released a song called “Summer Rain” last year. "
                + "The report said nothing. Stock markets added 0.4 per cent on Monday. "
                + "Her claims were rejected by the court.";
        assertEquals(List.of(), run(text));
    }

    @Test
    void negatedCueIsNoStatement() {
        String text = "The company did not say whether the plant would close.";
        assertEquals(List.of(), run(text));
    }

    @Test
    void coordinatedCueSharesTheSpeaker() {
        String text = "Jeff Traeger said unionization is overdue in the industry, and added he expects more votes soon.";
        List<Statement> out = run(text);
        assertEquals(2, out.size());
        assertEquals("unionization is overdue in the industry", out.get(0).content());
        Statement second = withContent(out, "expects more votes");
        assertEquals("Jeff Traeger", second.speaker());
        assertEquals("add", second.cueLemma());
    }

    @Test
    void facadeFindsStatementsInText() {
        List<Statement> out = dev.precis.Precis.statements("Officials said the border would reopen on Monday.");
        assertEquals(1, out.size());
        assertEquals("Officials", out.get(0).speaker());
        assertEquals("the border would reopen on Monday", out.get(0).content());
    }

    @Test
    void passiveNominalCue() {
        String text = "According to the Tass news agency, remarks attributed to Mark Rutte indicate that "
                + "the alliance will not expand its exercises.";
        List<Statement> out = run(text);
        assertEquals(1, out.size());
        Statement s = out.get(0);
        assertEquals("attributed to", s.cue());
        assertEquals("Mark Rutte", s.speaker());
        assertEquals("the alliance will not expand its exercises", s.content());
        assertSpansMatchText(text, out);
    }
}
