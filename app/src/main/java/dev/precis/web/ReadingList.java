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

    /** The article ids of this list around where an article can be, in reading order. */
    List<String> ids(Newsroom room) {
        List<String> ids = new ArrayList<>();
        switch (kind) {
            case "story" -> room.story(Long.parseLong(value))
                    .ifPresent(s -> s.articles().forEach(a -> ids.add(a.id())));
            case "feed" -> room.feedArticles(Long.parseLong(value), 0, SEARCH_WINDOW).items()
                    .forEach(a -> ids.add(a.id()));
            case "search" -> room.search(value, 0, SEARCH_WINDOW).items()
                    .forEach(h -> ids.add(h.article().id()));
            default -> {
                int page = Math.max(1, Integer.parseInt(value));
                for (int p = Math.max(1, page - 1); p <= page + 1; p++) {
                    for (Newsroom.StoryCard story : room.stories((p - 1) * FRONT_PAGE_STORIES, FRONT_PAGE_STORIES).items()) {
                        story.articles().forEach(a -> ids.add(a.id()));
                    }
                }
            }
        }
        return ids;
    }

    /** The neighbours of {@code id} in this list: {@code [previous, next]}, either may be null. */
    String[] around(Newsroom room, String id) {
        List<String> ids = ids(room);
        int i = ids.indexOf(id);
        if (i < 0) {
            return new String[]{null, null};
        }
        return new String[]{i > 0 ? ids.get(i - 1) : null, i + 1 < ids.size() ? ids.get(i + 1) : null};
    }
}
