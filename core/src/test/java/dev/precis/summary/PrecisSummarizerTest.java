package dev.precis.summary;

import dev.precis.text.Doc;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PrecisSummarizerTest {

    private static final String ARTICLE = """
            The city council voted on Tuesday to build a new tram line through the old harbour district.

            The line will run for nine kilometres and link the station with the university and the hospital.
            Council members said the tram line would cut traffic in the harbour district by a third.
            Construction of the tram line is due to start next spring and to last three years.

            Shop owners in the harbour district fear the building work will keep customers away.
            "We support the tram, but three years is a long time," said one baker.
            The council promised compensation for businesses that lose trade during construction.
            Is this the end of the traffic jams?
            The national government will pay half of the cost of the tram line.
            """;

    private final PrecisSummarizer precis = new PrecisSummarizer();

    @Test
    void summaryHoldsSentencesOfTheTextInArticleOrder() {
        Doc doc = Doc.of(ARTICLE);
        Summary s = precis.summarize(doc, Length.sentences(3));
        assertEquals("precis", s.algorithm());
        assertEquals(3, s.sentences().size());
        assertEquals(doc.sentenceCount(), s.sentencesTotal());
        int last = -1;
        for (SummarySentence sentence : s.sentences()) {
            assertEquals(ARTICLE.substring(sentence.start(), sentence.end()), sentence.text());
            assertEquals(doc.sentenceText(sentence.index()), sentence.text());
            assertEquals(s.score(sentence.index()), sentence.score());
            assertTrue(sentence.index() > last);
            last = sentence.index();
        }
    }

    @Test
    void theOpeningSentenceLeadsAThreeSentenceSummary() {
        Summary s = precis.summarize(Doc.of(ARTICLE), Length.sentences(3));
        assertEquals(0, s.sentences().get(0).index());
    }

    @Test
    void wordLimitIsNeverExceededAndSentencesStayWhole() {
        Doc doc = Doc.of(ARTICLE);
        for (int limit : new int[]{5, 17, 30, 45, 80, 1000}) {
            Summary s = precis.summarize(doc, Length.words(limit));
            int words = 0;
            for (SummarySentence sentence : s.sentences()) {
                words += doc.wordCount(sentence.index());
                assertEquals(doc.sentenceText(sentence.index()), sentence.text(), "a whole sentence");
            }
            assertTrue(words <= limit, limit + " words allowed, got " + words);
        }
        assertFalse(precis.summarize(doc, Length.words(30)).sentences().isEmpty());
    }

    @Test
    void ratioGivesRoundedShareOfSentences() {
        Doc doc = Doc.of(ARTICLE);
        int n = doc.sentenceCount();
        assertEquals(Math.round(0.4 * n), precis.summarize(doc, Length.ratio(0.4)).sentences().size());
        assertEquals(1, precis.summarize(doc, Length.ratio(0.01)).sentences().size());
        assertEquals(n, precis.summarize(doc, Length.ratio(1.0)).sentences().size());
    }

    @Test
    void nearDuplicatesAreNeverBothChosen() {
        String text = "The storm closed every school in the northern county on Friday morning. "
                + "The storm closed every school in the northern county on Friday. "
                + "Officials said buses would run again once the roads were cleared. "
                + "The storm also cut power to four thousand homes near the coast.";
        Doc doc = Doc.of(text);
        for (Summarizer s : List.of(precis, new TextRankSummarizer(), new LexRankSummarizer())) {
            Set<Integer> chosen = new HashSet<>();
            s.summarize(doc, Length.sentences(3)).sentences().forEach(x -> chosen.add(x.index()));
            assertFalse(chosen.contains(0) && chosen.contains(1), s.name() + " took both copies: " + chosen);
        }
        assertEquals(List.of(0, 1, 2), new LeadSummarizer().summarize(doc, Length.sentences(3)).sentences()
                .stream().map(SummarySentence::index).toList(), "lead stays the literal baseline");
    }

    @Test
    void scoresCoverEverySentence() {
        Doc doc = Doc.of(ARTICLE);
        assertEquals(doc.sentenceCount(), precis.score(doc).length);
        assertEquals(0, precis.summarize(Doc.of(""), Length.sentences(3)).sentences().size());
        assertEquals(1, precis.summarize(Doc.of("Just one sentence here."), Length.sentences(3)).sentences().size());
    }

    @Test
    void featuresAreScaledWithinTheArticle() {
        Doc doc = Doc.of(ARTICLE);
        double[][] f = SentenceFeatures.of(doc, TermVectors.of(doc), 0.3);
        assertEquals(doc.sentenceCount(), f.length);
        for (double[] row : f) {
            assertEquals(SentenceFeatures.COUNT, row.length);
            for (double v : row) {
                assertTrue(v >= 0 && v <= 10 && !Double.isNaN(v));
            }
        }
        assertEquals(1.0, f[0][SentenceFeatures.NAMES.indexOf("position.first")]);
        assertEquals(0.3, f[0][SentenceFeatures.NAMES.indexOf("share*position.inverse")], 1e-12);
        assertEquals(3.0 / doc.sentenceCount(), SentenceFeatures.share(doc, Length.sentences(3)), 1e-12);
    }

    @Test
    void weightsRoundTripAndUnknownFeaturesAreRejected() throws Exception {
        double[] w = new double[SentenceFeatures.COUNT];
        w[0] = 1.25;
        w[SentenceFeatures.COUNT - 1] = -0.5;
        StringWriter out = new StringWriter();
        PrecisSummarizer.writeWeights(w, "test weights\nsecond line", out);
        assertTrue(out.toString().startsWith("# test weights\n# second line\n"));
        assertArrayEquals(w, PrecisSummarizer.readWeights(new StringReader(out.toString())), 1e-9);
        assertThrows(java.io.IOException.class, () -> PrecisSummarizer.readWeights(new StringReader("nonsense=1\n")));
        assertThrows(IllegalArgumentException.class, () -> new PrecisSummarizer(new double[2]));
        assertEquals(SentenceFeatures.COUNT, PrecisSummarizer.trainedWeights().length);
    }
}
