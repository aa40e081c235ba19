package dev.precis.stories;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StoryGrouperTest {

    static final LocalDate DAY = LocalDate.of(2024, 3, 4);

    static ArticleFeatures quake(String title, String text, LocalDate date) {
        return ArticleFeatures.of(title, text, date, "Outlet", null);
    }

    static final ArticleFeatures QUAKE_1 = quake("Strong earthquake shakes northern Chile",
            "A magnitude 7.1 earthquake struck near the port of Arica in northern Chile on Monday, "
                    + "said the national seismology office. Buildings swayed in Arica and Iquique.", DAY);
    static final ArticleFeatures QUAKE_2 = quake("Magnitude 7.1 quake hits Arica, Chile",
            "The earthquake of magnitude 7.1 hit Arica on Monday morning. Officials in Iquique said "
                    + "no tsunami warning was issued for the Chile coast.", DAY);
    static final ArticleFeatures QUAKE_3 = quake("Chile earthquake: Arica residents sleep outdoors",
            "After Monday's 7.1 earthquake near Arica, residents of northern Chile spent the night outdoors "
                    + "as aftershocks shook Iquique.", DAY.plusDays(1));
    static final ArticleFeatures BUDGET_1 = quake("Senate passes budget after late-night vote",
            "The Senate approved the federal budget in a 51-49 vote late on Monday, sending the spending "
                    + "bill to the House, Senator Maria Lopez said.", DAY);
    static final ArticleFeatures BUDGET_2 = quake("Budget bill clears Senate in 51-49 vote",
            "Senators passed the spending bill 51-49 on Monday night. Maria Lopez said the House would "
                    + "vote on the budget this week.", DAY);

    @Test
    void articlesOfOneEventJoinOneStoryAndAnotherEventStartsItsOwn() {
        StoryGrouper g = new StoryGrouper();
        StoryAssignment q1 = g.assign(1, QUAKE_1);
        StoryAssignment b1 = g.assign(2, BUDGET_1);
        StoryAssignment q2 = g.assign(3, QUAKE_2);
        StoryAssignment b2 = g.assign(4, BUDGET_2);
        StoryAssignment q3 = g.assign(5, QUAKE_3);
        assertTrue(q1.isNew());
        assertTrue(b1.isNew());
        assertNotEquals(q1.storyId(), b1.storyId());
        assertFalse(q2.isNew());
        assertEquals(q1.storyId(), q2.storyId());
        assertEquals(q1.storyId(), q3.storyId());
        assertEquals(b1.storyId(), b2.storyId());
        assertTrue(q2.similarity() >= g.options().threshold());
        assertEquals(3, g.size(q1.storyId()));
        assertEquals(2, g.storyCount());
    }

    @Test
    void aDatedArticleOutsideTheWindowStartsANewStory() {
        StoryGrouper g = new StoryGrouper();
        long first = g.assign(6, QUAKE_1).storyId();
        StoryAssignment later = g.assign(7, quake(QUAKE_2.title(), QUAKE_2.text(),
                DAY.plusDays(g.options().windowDays() + 1L)));
        assertTrue(later.isNew());
        assertNotEquals(first, later.storyId());
        StoryAssignment undated = g.assign(8, quake(QUAKE_3.title(), QUAKE_3.text(), null));
        assertFalse(undated.isNew(), "an undated article is not kept from a story by time");
    }

    @Test
    void restoredStoriesKeepTheirIdsAndAttractNewMembers() {
        StoryGrouper g = new StoryGrouper();
        g.restoreMember(41, 101, QUAKE_1);
        g.restoreMember(41, 102, QUAKE_2);
        g.restoreMember(42, 103, BUDGET_1);
        StoryAssignment q3 = g.assign(9, QUAKE_3);
        StoryAssignment b2 = g.assign(10, BUDGET_2);
        assertEquals(41, q3.storyId());
        assertEquals(42, b2.storyId());
        StoryAssignment other = g.assign(11, quake("Museum opens new wing for medieval tapestries",
                "The city museum opened a wing with twelve restored tapestries from Flanders.", DAY));
        assertTrue(other.isNew());
        assertEquals(43, other.storyId());
    }

    @Test
    void labelIsAMemberHeadlineAndRelatedStoriesExcludeTheSameEvent() {
        StoryGrouper g = new StoryGrouper();
        long quake = g.assign(12, QUAKE_1).storyId();
        g.assign(13, QUAKE_2);
        g.assign(14, BUDGET_1);
        String label = g.label(quake);
        assertTrue(List.of(QUAKE_1.title(), QUAKE_2.title()).contains(label), label);
        ArticleFeatures peru = quake("Peru volcano eruption forces evacuations",
                "The Ubinas volcano in southern Peru erupted on Tuesday, forcing villagers near Arequipa "
                        + "to leave; ash fell as far as Arica in northern Chile.", DAY);
        List<StoryMatch> related = g.related(peru, 5);
        assertEquals(1, related.size(), related.toString());
        assertEquals(quake, related.get(0).storyId());
        assertTrue(related.get(0).similarity() < g.options().threshold());
    }

    @Test
    void storiesThatConvergeAreMergedIntoTheOlderOne() {
        StoryGrouper g = new StoryGrouper(StoryGrouper.Options.defaults().withThreshold(1.5));
        long a = g.assign(15, QUAKE_1).storyId();
        long b = g.assign(16, QUAKE_1).storyId();
        assertNotEquals(a, b);
        g.mergeNow();
        assertEquals(List.of(new StoryMerge(b, a)), g.pollMerges());
        assertEquals(a, g.resolve(b));
        assertEquals(2, g.size(a));
        assertEquals(1, g.storyCount());
    }

    /**
     * A stored grouping that put a budget article into the quake story and split the quake in
     * two (as an older grouping or arrival order can): a regroup moves the budget article out,
     * gathers the quake, keeps the id most members had, and retires the emptied story into it.
     */
    @Test
    void aRegroupSplitsAndGathersStoriesKeepingIds() {
        StoryGrouper g = new StoryGrouper();
        g.restoreMember(41, 101, QUAKE_1);
        g.restoreMember(41, 102, QUAKE_2);
        g.restoreMember(41, 103, BUDGET_1);
        g.restoreMember(42, 104, BUDGET_2);
        g.restoreMember(43, 105, QUAKE_3);
        Regrouping r = g.regroup();
        assertEquals(5, r.members());
        assertEquals(java.util.Set.of(new StoryMove(103, 41, 42), new StoryMove(105, 43, 41)), java.util.Set.copyOf(r.moves()));
        assertEquals(List.of(new StoryMerge(43, 41)), r.retired());
        assertEquals(41, g.resolve(43));
        assertEquals(3, g.size(41));
        assertEquals(2, g.size(42));
        assertEquals(2, g.storyCount());
        assertTrue(g.regroup().moves().isEmpty(), "a second regroup changes nothing");
        assertEquals(41, g.assign(106, QUAKE_3).storyId(), "new articles find the regrouped story");
    }

    @Test
    void aRegroupIsDueAfterEnoughAssignments() {
        StoryGrouper g = new StoryGrouper(StoryGrouper.Options.defaults().withRegroupEvery(2));
        g.assign(1, QUAKE_1);
        assertFalse(g.regroupDue());
        g.assign(2, BUDGET_1);
        assertTrue(g.regroupDue());
        g.regroup();
        assertFalse(g.regroupDue());
        assertFalse(new StoryGrouper(StoryGrouper.Options.defaults().withRegroupEvery(0)).regroupDue());
    }
}
