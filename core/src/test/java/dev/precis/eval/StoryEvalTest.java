package dev.precis.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.stories.StoryGrouper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StoryEvalTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode record(String id, String cluster, String title, String text, String date) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", id);
        o.put("cluster", cluster);
        o.put("title", title);
        o.put("text", text);
        o.put("date", date);
        o.putNull("source");
        o.putNull("url");
        return o;
    }

    @Test
    void replaysInDateOrderAndScoresAgainstTheGoldClusters() {
        List<JsonNode> records = List.of(
                record("r1", "bridge", "River bridge closes for repairs after cracks found",
                        "The old river bridge in Tornby closed on Monday after engineers found cracks in its beams.", "2024-05-07"),
                record("r2", "ferry", "Island ferry strike enters third day",
                        "Crews of the Lindholm island ferry stayed on strike for a third day over pay.", null),
                record("r3", "bridge", "Tornby bridge shut as cracks appear in beams",
                        "Engineers closed Tornby's old river bridge on Monday because its steel beams are cracked.", "2024-05-06"),
                record("r4", "ferry", "Lindholm ferry crews extend strike over pay",
                        "The Lindholm ferry strike over crew pay went into its third day on Wednesday.", null));
        StoryEval.Result r = StoryEval.run(records, StoryGrouper.Options.defaults());
        assertEquals(4, r.articles());
        assertEquals(1.0, r.scores().bcubed().f1(), 1e-12);
        assertEquals(1.0, r.scores().pairwise().f1(), 1e-12);
        assertEquals(2, r.scores().predicted());
        assertEquals(2, r.scores().gold());
        assertEquals(4, r.msPerArticle().length);
    }
}
