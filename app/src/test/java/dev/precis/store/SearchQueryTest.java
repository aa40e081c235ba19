package dev.precis.store;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchQueryTest {

    @Test
    void rendersIntoBothQueryLanguages() {
        SearchQuery q = SearchQuery.parse("pier \"stone quay\" OR ferr* -fog");
        assertEquals("(('pier' & ('stone' <-> 'quay')) | ('ferr':* & !'fog'))", q.toTsquery());
        assertEquals("((\"pier\" AND \"stone quay\") OR ((\"ferr\" *) NOT \"fog\"))", q.toFts5());
    }

    @Test
    void knowsWhenWordsAreExcluded() {
        assertTrue(SearchQuery.parse("pier -fog").excludes());
        assertTrue(SearchQuery.parse("(pier NOT fog) OR orchid").excludes());
        assertFalse(SearchQuery.parse("pier \"stone quay\" OR ferr*").excludes());
        assertFalse(SearchQuery.parse("source:post").excludes());
    }

    @Test
    void filtersAreTakenOutOfTheWords() {
        SearchQuery q = SearchQuery.parse("election source:\"Velmar Post\" since:2024-05 until:2024");
        assertEquals("velmar post", q.source());
        assertEquals("2024-05", q.since());
        assertEquals("2025", q.until());
        assertEquals("'election'", q.toTsquery());
        assertEquals("2024-03-01", SearchQuery.parse("x until:2024-02-29").until());
        assertNull(SearchQuery.parse("source:post").expression());
    }

    @Test
    void punctuationNeverBecomesAnOperator() {
        SearchQuery q = SearchQuery.parse("'; DROP TABLE articles; --");
        assertEquals("(\"drop\" AND \"table\" AND \"articles\")", q.toFts5());
        assertEquals("('drop' & 'table' & 'articles')", q.toTsquery());
        assertEquals("\"covid 19\"", SearchQuery.parse("covid-19").toFts5());
        assertEquals("\"the\"", SearchQuery.parse("the").toFts5(), "a lone stop word is still searched");
        assertEquals("\"pier\"", SearchQuery.parse("the pier").toFts5(), "stop words beside other words are dropped");
    }

    @Test
    void unsearchableQueriesSayWhy() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SearchQuery.parse("  ")).getMessage().contains("no words"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SearchQuery.parse("NOT fog")).getMessage().contains("only excludes"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SearchQuery.parse("pier OR NOT fog")).getMessage().contains("NOT must follow"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SearchQuery.parse("pier since:yesterday")).getMessage().startsWith("since:"));
    }

    @Test
    void nestingIsBoundedBeforeItCanOverflowAParser() {
        String deepest = "(".repeat(SearchQuery.MAX_NESTING) + "pier" + ")".repeat(SearchQuery.MAX_NESTING);
        assertEquals("\"pier\"", SearchQuery.parse(deepest).toFts5());
        for (String q : List.of("(".repeat(SearchQuery.MAX_NESTING + 1) + "pier", "(".repeat(200_000) + "pier",
                "pier " + "NOT ".repeat(200_000) + "fog", "pier " + "-(".repeat(20) + "fog")) {
            String message = assertThrows(IllegalArgumentException.class, () -> SearchQuery.parse(q)).getMessage();
            assertTrue(message.startsWith("the search nests parentheses or NOT more than 16 deep"), message);
        }
    }

    @Test
    void nestingIsCountedAsTheDatabaseSeesIt() {
        assertEquals(15, renderedDepth(SearchQuery.parse(levels(5)).toFts5()), "each level typed is three rendered");
        String message = assertThrows(IllegalArgumentException.class, () -> SearchQuery.parse(levels(6))).getMessage();
        assertTrue(message.startsWith("the search nests parentheses or NOT more than 16 deep"), message);
    }

    /** {@code n} levels of "(w OR x -y ...)": each renders as (w OR ((x AND ...) NOT y)). */
    private static String levels(int n) {
        String q = "pier";
        for (int level = 0; level < n; level++) {
            q = "(w" + level + " OR x" + level + " -y" + level + " " + q + ")";
        }
        return q;
    }

    private static int renderedDepth(String fts5) {
        int depth = 0;
        int max = 0;
        for (char c : fts5.toCharArray()) {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            max = Math.max(max, depth);
        }
        return max;
    }

    @Test
    void exclusionsRenderFlatHoweverManyThereAre() {
        assertEquals("((\"pier\") NOT (\"fog\" OR \"rain\" OR (\"wind\" OR \"hail\")))",
                SearchQuery.parse("pier -fog -rain NOT (wind OR hail)").toFts5());
        assertEquals("('pier' & !'fog' & !'rain' & !('wind' | 'hail'))",
                SearchQuery.parse("pier -fog -rain NOT (wind OR hail)").toTsquery());
    }
}
