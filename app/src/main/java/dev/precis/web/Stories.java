package dev.precis.web;

import dev.precis.stories.ArticleFeatures;
import dev.precis.stories.StoryAssignment;
import dev.precis.stories.StoryGrouper;
import dev.precis.stories.StoryMatch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reader's story grouping: the core online {@link StoryGrouper} replayed over the stored
 * articles oldest first, then one merge pass, with its labels and related stories.
 */
final class Stories {

    /** Related stories asked of the grouper per story. */
    static final int RELATED = 4;

    private Stories() {
    }

    static StoryIndex.Grouping grouping() {
        return Stories::group;
    }

    private static List<StoryIndex.Group> group(List<StoryIndex.Analyzed> articles) {
        StoryGrouper grouper = new StoryGrouper();
        long[] assigned = new long[articles.size()];
        for (int i = 0; i < articles.size(); i++) {
            StoryIndex.Analyzed a = articles.get(i);
            StoryAssignment s = grouper.assign(ArticleFeatures.of(a.stored().article(), a.doc()));
            assigned[i] = s.storyId();
        }
        grouper.mergeNow();
        Map<Long, List<Integer>> members = new LinkedHashMap<>();
        for (int i = 0; i < assigned.length; i++) {
            members.computeIfAbsent(grouper.resolve(assigned[i]), k -> new ArrayList<>()).add(i);
        }
        List<Long> ids = new ArrayList<>(members.keySet());
        List<StoryIndex.Group> out = new ArrayList<>();
        for (long id : ids) {
            List<Integer> related = new ArrayList<>();
            for (StoryMatch m : grouper.related(id, RELATED)) {
                int at = ids.indexOf(grouper.resolve(m.storyId()));
                if (at >= 0 && ids.get(at) != id && !related.contains(at)) {
                    related.add(at);
                }
            }
            out.add(new StoryIndex.Group(members.get(id), grouper.label(id), related));
        }
        return out;
    }
}
