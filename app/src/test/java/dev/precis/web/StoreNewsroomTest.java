package dev.precis.web;

import dev.precis.article.Article;
import dev.precis.digest.Digester;
import dev.precis.store.AnalyzedArticle;
import dev.precis.store.SqliteStore;
import dev.precis.store.Store;
import dev.precis.storydesk.StoryDesk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class StoreNewsroomTest {

    @TempDir
    Path dir;

    /** An article read before it was grouped shows its story once grouped, without being analyzed again. */
    @Test
    void cachedArticleViewsFollowTheStoriesAcrossRefreshes() {
        try (Store store = SqliteStore.open(dir)) {
            StoreNewsroom room = new StoreNewsroom(store);
            Article a = new Article(null, "https://gazette.example/pier", "Elwin Gazette", "Harbour pier to be rebuilt", List.of(),
                    "2024-05-02", "en", null, "The harbour council of Port Elwin voted on Tuesday to rebuild the old stone pier before"
                    + " winter. Fishermen had warned for years that the pier was crumbling.");
            String id = String.valueOf(store.add(List.of(AnalyzedArticle.of(a, new Digester()))).getFirst().id());
            Newsroom.ArticleView before = room.article(id).orElseThrow();
            assertNull(before.storyId(), "not grouped yet");
            new StoryDesk(store).load();
            room.refreshIfChanged();
            Newsroom.ArticleView after = room.article(id).orElseThrow();
            assertNotNull(after.storyId(), "grouped by the desk");
            assertEquals(after.storyId(), room.story(after.storyId()).orElseThrow().id());
            assertSame(before.sentences(), after.sentences(), "the analysis was kept, not redone");
        }
    }
}
