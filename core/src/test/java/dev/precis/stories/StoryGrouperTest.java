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

    /**
     * One of two title defences of one champion, alike in all but the challenger and the city:
     * the reports of either defence are as similar to those of the other as to each other.
     */
    static ArticleFeatures bout(boolean first, int variant) {
        String challenger = first ? "Ana Ruiz" : "Mei Tanaka";
        String city = first ? "Lyon" : "Osaka";
        String[] titles = {
            "Novak stops %1$s in the ninth to keep her heavyweight belt",
            "Champion Novak retains title against %1$s in %2$s",
            "%1$s falls to Novak's left hook in %2$s",
            "Novak too strong for %1$s as heavyweight reign goes on",
            "Heavyweight champion Novak beats %1$s in %2$s",
        };
        String[] leads = {
            "Heavyweight champion Petra Novak stopped %1$s in the ninth round in %2$s to keep her world title. "
                    + "A left hook sent %1$s to the canvas.",
            "Petra Novak beat %1$s in %2$s with a left hook in the ninth round. %1$s was down twice.",
            "%1$s could not take the title from Petra Novak in %2$s. "
                    + "A left hook in the ninth round ended the fight.",
            "In %2$s, Petra Novak kept her heavyweight belt with a ninth-round stoppage of %1$s, "
                    + "who never recovered from a left hook.",
            "Petra Novak remains heavyweight champion after stopping %1$s in %2$s in the ninth round "
                    + "with a left hook.",
        };
        return ArticleFeatures.of(titles[variant].formatted(challenger, city),
                leads[variant].formatted(challenger, city), DAY, "Outlet", null);
    }

    /**
     * Two title defences of one champion, glued into one story (as arrival order can): the words
     * and the champion are the same, so their similarity reaches the threshold, but each names a
     * challenger and a city the other never does, so the regroup tells them apart.
     */
    @Test
    void aRegroupKeepsSiblingEventsWithTheirOwnNamesApart() {
        StoryGrouper g = new StoryGrouper();
        for (int v = 0; v < 5; v++) {
            g.restoreMember(41, 200 + v, bout(true, v));
            g.restoreMember(41, 300 + v, bout(false, v));
        }
        assertRegroupSplitsHundreds(g);
    }

    /** One of two weekly jobless reports, alike in all but their figures and one reason given. */
    static ArticleFeatures claims(boolean first, int variant) {
        String count = first ? "853,000" : "744,000";
        String change = first ? "41,000" : "17,000";
        String why = first ? "as winter storms shut factories" : "as restaurants reopened";
        String[] titles = {
            "Jobless claims at %1$s last week",
            "Weekly unemployment claims: %1$s, Labor Department says",
            "US jobless claims come in at %1$s",
            "%1$s Americans file for unemployment benefits",
            "Unemployment filings reach %1$s",
        };
        String[] leads = {
            "The Labor Department said %1$s Americans filed new claims for unemployment benefits last week, "
                    + "a change of %2$s from the week before.",
            "New applications for jobless benefits came to %1$s last week, the Labor Department said on Thursday, "
                    + "%2$s away from the previous week.",
            "First-time claims for unemployment benefits totaled %1$s, the Labor Department reported. "
                    + "Economists noted the change of %2$s.",
            "Another %1$s workers applied for unemployment benefits last week, according to the Labor Department, "
                    + "a move of %2$s.",
            "Initial jobless claims were %1$s last week, the Labor Department said, %2$s off the prior week.",
        };
        return ArticleFeatures.of(titles[variant].formatted(count),
                leads[variant].formatted(count, change) + " Claims moved " + why + ".", DAY, "Outlet", null);
    }

    /** Two weekly jobless reports glued into one story: their figures tell them apart. */
    @Test
    void aRegroupKeepsSiblingEventsWithTheirOwnFiguresApart() {
        StoryGrouper g = new StoryGrouper();
        for (int v = 0; v < 5; v++) {
            g.restoreMember(41, 200 + v, claims(true, v));
            g.restoreMember(41, 300 + v, claims(false, v));
        }
        assertRegroupSplitsHundreds(g);
    }

    /** A regroup of members 200–204 and 300–304, all in story 41, moves one hundred whole to one new story. */
    private static void assertRegroupSplitsHundreds(StoryGrouper g) {
        Regrouping r = g.regroup();
        assertEquals(10, r.members());
        assertEquals(5, r.moves().size(), r.moves().toString());
        long moved = r.moves().getFirst().to();
        long hundred = r.moves().getFirst().key() / 100;
        for (StoryMove m : r.moves()) {
            assertEquals(moved, m.to());
            assertEquals(hundred, m.key() / 100, "one event moves whole");
        }
        assertEquals(5, g.size(41));
        assertEquals(5, g.size(moved));
    }

    /**
     * One defence, where half the reports also quote the promoter: names only one side uses are
     * no conflict, so the regroup keeps the story whole.
     */
    @Test
    void namesOnlyOneSideUsesKeepAStoryWhole() {
        StoryGrouper g = new StoryGrouper();
        for (int v = 0; v < 5; v++) {
            ArticleFeatures plain = bout(true, v);
            g.restoreMember(41, 200 + v, plain);
            g.restoreMember(41, 300 + v, ArticleFeatures.of(plain.title(), plain.text()
                    + " Promoter Karl Weiss said the arena in Lyon was sold out.", DAY, "Outlet", null));
        }
        assertTrue(g.regroup().moves().isEmpty());
        assertEquals(10, g.size(41));
    }

    /**
     * A report of the Chile quake told its own way reaches the quake story only below the
     * threshold, but each is the other's best link: the regroup brings it in. The museum report
     * is nobody's best link and stays alone.
     */
    @Test
    void aRegroupBringsALoneReportToTheStoryItIsNearestTo() {
        StoryGrouper g = new StoryGrouper();
        g.restoreMember(41, 101, QUAKE_1);
        g.restoreMember(41, 102, QUAKE_2);
        g.restoreMember(41, 103, QUAKE_3);
        g.restoreMember(42, 104, BUDGET_1);
        g.restoreMember(42, 105, BUDGET_2);
        g.restoreMember(43, 106, quake("Tremor rattles the far north",
                "Hotels in Iquique checked their walls for cracks on Monday after the shaking, and the port "
                        + "of Arica reopened by the afternoon.", DAY));
        g.restoreMember(44, 107, quake("Museum opens new wing for medieval tapestries",
                "The city museum opened a wing with twelve restored tapestries from Flanders.", DAY));
        Regrouping r = g.regroup();
        assertEquals(List.of(new StoryMove(106, 43, 41)), r.moves());
        assertEquals(4, g.size(41));
        assertEquals(1, g.size(44));
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
