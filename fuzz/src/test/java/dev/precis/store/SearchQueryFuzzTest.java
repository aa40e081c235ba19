package dev.precis.store;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.precis.article.Article;
import dev.precis.digest.Digester;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Search queries as users type them, parsed and run against a real SQLite store (FTS5) holding
 * two articles. The one expected rejection is the parser's {@link IllegalArgumentException} with a
 * message for the user; any SQL error (a rendered MATCH expression FTS5 cannot read) or other
 * exception is a finding. Checked: the rendered expression nests no deeper than the parser allows, hits
 * carry stored ids, and their highlights lie inside their snippets.
 */
class SearchQueryFuzzTest {

    private static final SqliteStore STORE = store();

    private static SqliteStore store() {
        try {
            Path dir = Files.createTempDirectory("precis-fuzz-search");
            SqliteStore store = SqliteStore.open(dir);
            Digester digester = new Digester();
            store.add(List.of(
                    AnalyzedArticle.of(new Article(null, "https://gazette.example/pier", "The Elwin Gazette",
                            "Harbour pier to be rebuilt", List.of(), "2024-05-02", "en", null,
                            "The harbour council voted on Tuesday to rebuild the old stone pier before winter.\n\n"
                                    + "Mayor Ida Strand said the repairs would start in October."), digester),
                    AnalyzedArticle.of(new Article(null, "https://post.example/ferry", "Velmar Post",
                            "Fog delays island ferry", List.of(), "2024-06-03", "en", null,
                            "The island ferry ran two hours late on Sunday because of thick fog over the strait."),
                            digester)));
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest
    @DictionaryEntries({" AND ", " OR ", " NOT ", "-", "(", ")", "\"", "*", "source:", "source:\"", "since:", "until:",
            "2024", "2024-05", "2024-05-01", "pier", "ferry", "harbour", "the", "NEAR", "^", ":", "'", "\\", "&", "|",
            "!", "<->", "\u00df", "\u0130"})
    void search(FuzzedDataProvider data) {
        String typed = data.consumeRemainingAsString();
        SearchQuery query;
        try {
            query = SearchQuery.parse(typed);
        } catch (IllegalArgumentException userError) {
            if (userError.getMessage() == null || userError.getMessage().isBlank()) {
                throw new AssertionError("a rejection without a message", userError);
            }
            return;
        }
        if (query.expression() != null) {
            query.toTsquery();
            int depth = 0;
            for (char c : query.toFts5().toCharArray()) {
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                if (depth > SearchQuery.MAX_NESTING) {
                    throw new AssertionError("rendered deeper than " + SearchQuery.MAX_NESTING + ": " + query.toFts5());
                }
            }
        }
        for (SearchHit hit : STORE.search(query, 10)) {
            if (hit.id() <= 0) {
                throw new AssertionError("a hit without a stored id: " + hit);
            }
            for (int[] h : hit.highlights()) {
                if (h[0] < 0 || h[1] <= h[0] || h[1] > hit.snippet().length()) {
                    throw new AssertionError("highlight [" + h[0] + ", " + h[1] + ") outside the snippet: " + hit.snippet());
                }
            }
        }
    }
}
