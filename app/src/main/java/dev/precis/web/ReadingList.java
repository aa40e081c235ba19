package dev.precis.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The list a reader opened an article from — the front page, a story, a feed or search results —
 * carried in the article URL as {@code ?from=front:PAGE}, {@code story:ID}, {@code feed:ID} or
 * {@code search:QUERY}, so "Previous article" and "Next article" walk that same list.
 *
 * @param kind  {@code front}, {@code story}, {@code feed} or {@code search}
 * @param value page number, id or query
 */
record ReadingList(String kind, String value) {

    /** Articles per front page; the front page and this list must agree. */
    static final int FRONT_PAGE_STORIES = 12;
    /** How many search results previous/next can walk. */
    static final int SEARCH_WINDOW = 100;

    /** The list named by a {@code from} parameter; the front page when absent or not understood. */
    static ReadingList parse(String from) {
        if (from != null) {
            int colon = from.indexOf(':');
            if (colon > 0) {
                String kind = from.substring(0, colon);
                String value = from.substring(colon + 1);
                switch (kind) {
                    case "story", "feed" -> {
                        if (value.matches("\\d{1,18}")) {
                            return new ReadingList(kind, value);
                        }
                    }
                    case "front" -> {
                        if (value.matches("\\d{1,6}")) {
                            return new ReadingList(kind, value);
                        }
                    }
                    case "search" -> {
                        if (!value.isBlank() && value.length() <= 200) {
                            return new ReadingList(kind, value);
                        }
                    }
                    default -> {
                    }
                }
            }
        }
        return new ReadingList("front", "1");
    }

    /** The {@code from} parameter value naming this list. */
    String param() {
        return kind + ":" + value;
    }

    /** The {@code from=…} query string for links into articles of this list. */
    String query() {
        return "from=" + URLEncoder.encode(param(), StandardCharsets.UTF_8);
    }

    /** Where "back to the list" goes. */
    String href() {
        return switch (kind) {
            case "story" -> "/stories/" + value;
            case "feed" -> "/feeds/" + value + "/articles";
            case "search" -> "/search?q=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
            default -> "1".equals(value) ? "/" : "/?page=" + value;
        };
    }

    /** How the list is named to the reader. */
    String label(Newsroom room) {
        return switch (kind) {
            case "story" -> room.story(Long.parseLong(value)).map(s -> "Story: " + s.label()).orElse("Story");
            case "feed" -> "Feed";
            case "search" -> "Search: " + value;
            default -> "Front page";
        };
    }

    /** An article of a list, and the list to carry on with from it (the front page it is on). */
    record Entry(String id, ReadingList list) {
    }

    /** The articles of this list around where an article can be, in reading order. */
    List<Entry> entries(Newsroom room) {
        List<Entry> out = new ArrayList<>();
        switch (kind) {
            case "story" -> room.story(Long.parseLong(value))
                    .ifPresent(s -> s.articles().forEach(a -> out.add(new Entry(a.id(), this))));
            case "feed" -> room.feedArticles(Long.parseLong(value), 0, SEARCH_WINDOW).items()
                    .forEach(a -> out.add(new Entry(a.id(), this)));
            case "search" -> room.search(value, 0, SEARCH_WINDOW).items()
                    .forEach(h -> out.add(new Entry(h.article().id(), this)));
            default -> {
                int page = Math.max(1, Integer.parseInt(value));
                for (int p = Math.max(1, page - 1); p <= page + 1; p++) {
                    ReadingList onPage = new ReadingList("front", String.valueOf(p));
                    for (Newsroom.StoryCard story : room.stories((p - 1) * FRONT_PAGE_STORIES, FRONT_PAGE_STORIES).items()) {
                        story.articles().forEach(a -> out.add(new Entry(a.id(), onPage)));
                    }
                }
            }
        }
        return out;
    }

    /**
     * The neighbours of article {@code id} in this list: {@code [previous, next]}, either may be
     * null; each carries the list to follow from there (walking off a front page onto the next).
     */
    Entry[] around(Newsroom room, String id) {
        List<Entry> entries = entries(room);
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).id().equals(id) && entries.get(i).list().equals(this)) {
                return neighbours(entries, i);
            }
        }
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).id().equals(id)) {
                return neighbours(entries, i);
            }
        }
        return new Entry[]{null, null};
    }

    private static Entry[] neighbours(List<Entry> entries, int i) {
        return new Entry[]{i > 0 ? entries.get(i - 1) : null, i + 1 < entries.size() ? entries.get(i + 1) : null};
    }
}
