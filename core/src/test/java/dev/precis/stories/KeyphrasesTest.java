package dev.precis.stories;

import dev.precis.text.Doc;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyphrasesTest {

    @Test
    void repeatedNamesAndHeadlinePhrasesComeFirst() {
        Doc doc = Doc.of("The Supreme Court heard arguments on the water dispute on Monday. "
                + "Lawyers for both states told the Supreme Court that the river compact was unclear. "
                + "A ruling on the water dispute is expected in June.");
        List<Keyphrases.Keyphrase> top = Keyphrases.of(doc, "Supreme Court weighs water dispute", 3, s -> 1);
        List<String> texts = top.stream().map(Keyphrases.Keyphrase::text).toList();
        assertEquals(3, top.size());
        assertTrue(texts.contains("Supreme Court"), texts.toString());
        assertTrue(texts.contains("water dispute"), texts.toString());
        assertTrue(top.get(0).score() >= top.get(2).score());
    }

    @Test
    void storyKeyphrasesFavourWhatTheMembersShare() {
        List<Doc> docs = List.of(Doc.of("Flooding closed the Rhine ferry at Bingen. Farmers counted losses."),
                Doc.of("The Rhine ferry stopped after flooding. Tourists waited at the landing."));
        List<Keyphrases.Keyphrase> top = Keyphrases.ofStory(docs, null, 3, s -> 1);
        List<String> texts = top.stream().map(Keyphrases.Keyphrase::text).toList();
        assertEquals("Rhine", texts.get(0));
        assertTrue(texts.contains("Rhine ferry"), texts.toString());
    }
}
