package dev.precis.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The reader's server-rendered pages: front, article, story, search and feeds. */
final class Pages {

    static final int SEARCH_PAGE = 20;
    private static final Set<Integer> SUMMARY_LENGTHS = Set.of(1, 3, 5);

    private final Newsroom room;
    private final Templates templates;
    private final String token;
    private final boolean tokenRequired;
    private final String banner;

    Pages(Newsroom room, Templates templates, String token, boolean tokenRequired, String banner) {
        this.banner = banner;
        this.room = room;
        this.templates = templates;
        this.token = token;
        this.tokenRequired = tokenRequired;
    }

    void register(RoutesConfig routes) {
        routes.get("/", this::front);
        routes.get("/articles/{id}", this::article);
        routes.get("/stories/{id}", this::story);
        routes.get("/search", this::search);
        routes.get("/feeds", this::feeds);
        routes.get("/feeds/{id}/articles", this::feedArticles);
        routes.post("/feeds", this::addFeed);
        routes.post("/feeds/import", this::importOpml);
        routes.post("/feeds/{id}/delete", this::removeFeed);
    }

    private void front(Context ctx) {
        int page = page(ctx);
        Newsroom.Slice<Newsroom.StoryCard> slice = room.stories((page - 1) * ReadingList.FRONT_PAGE_STORIES,
                ReadingList.FRONT_PAGE_STORIES);
        Map<String, Object> m = model(ctx, page == 1 ? "Latest stories" : "Latest stories, page " + page);
        m.put("stories", slice.items());
        m.put("page", page);
        m.put("hasMore", slice.hasMore());
        m.put("from", new ReadingList("front", String.valueOf(page)).query());
        html(ctx, "front", m);
    }

    private void article(Context ctx) {
        Newsroom.ArticleView view = room.article(ctx.pathParam("id"))
                .orElseThrow(() -> Problem.notFound("no article " + ctx.pathParam("id")));
        ReadingList list = ReadingList.parse(ctx.queryParam("from"));
        int n = summaryLength(ctx.queryParam("n"));
        boolean mark = "1".equals(ctx.queryParam("mark"));
        List<Integer> top = view.summary(5);
        List<Integer> ranked = rankOrder(view, top);
        List<Map<String, Object>> summary = new ArrayList<>();
        for (int i : top) {
            Map<String, Object> s = new HashMap<>();
            s.put("index", i);
            s.put("rank", ranked.indexOf(i) + 1);
            s.put("text", view.sentenceText(i));
            summary.add(s);
        }
        Set<Integer> marked = mark ? new HashSet<>(view.summary(n)) : Set.of();
        ReadingList.Entry[] around = list.around(room, view.article().id());
        Map<String, Object> m = model(ctx, view.article().title() == null ? "Article" : view.article().title());
        m.put("a", view.article());
        m.put("published", When.human(view.article().published()));
        m.put("body", ArticleBody.html(view.article().text(), view.sentences(), marked));
        m.put("summary", summary);
        m.put("n", n);
        m.put("mark", mark);
        m.put("sentenceCount", view.sentences().size());
        m.put("speakers", bySpeaker(view.statements()));
        m.put("attribution", Attribution.line(Attribution.sources(view.article().text(), view.statements(), 6)));
        m.put("storyId", view.storyId());
        m.put("storyLabel", view.storyLabel());
        m.put("related", view.related());
        m.put("listHref", list.href());
        m.put("listLabel", list.label(room));
        m.put("from", list.query());
        m.put("prev", neighbour(around[0]));
        m.put("next", neighbour(around[1]));
        m.put("selfHref", "/articles/" + view.article().id() + "?" + list.query());
        html(ctx, "article", m);
    }

    /** A previous/next link: the article's title and its URL within the reading list. */
    private Map<String, Object> neighbour(ReadingList.Entry e) {
        if (e == null) {
            return null;
        }
        return room.article(e.id()).map(v -> Map.<String, Object>of("title", v.article().title() == null ? "Untitled" : v.article().title(),
                "href", "/articles/" + e.id() + "?" + e.list().query())).orElse(null);
    }

    /** The summary sentences ordered best first (their rank decides which show at 1, 3 or 5). */
    private static List<Integer> rankOrder(Newsroom.ArticleView view, List<Integer> top) {
        double[] scores = view.scores();
        List<Integer> ranked = new ArrayList<>(top);
        ranked.sort((a, b) -> scores[a] != scores[b] ? Double.compare(scores[b], scores[a]) : a - b);
        return ranked;
    }

    private void story(Context ctx) {
        long id = longParam(ctx.pathParam("id"));
        Newsroom.StoryView story = room.story(id).orElseThrow(() -> Problem.notFound("no story " + id));
        Map<String, Object> m = model(ctx, story.label());
        m.put("story", story);
        m.put("updated", When.human(story.updated()));
        m.put("from", new ReadingList("story", String.valueOf(id)).query());
        html(ctx, "story", m);
    }

    private void search(Context ctx) {
        String q = ctx.queryParam("q");
        q = q == null ? "" : q.strip();
        if (q.length() > 200) {
            throw Problem.badRequest("search queries are limited to 200 characters");
        }
        int page = page(ctx);
        Map<String, Object> m = model(ctx, q.isEmpty() ? "Search" : "Search: " + q);
        m.put("q", q);
        if (!q.isEmpty()) {
            Newsroom.Slice<Newsroom.SearchHit> hits;
            try {
                hits = room.search(q, (page - 1) * SEARCH_PAGE, SEARCH_PAGE);
            } catch (IllegalArgumentException e) {
                m.put("error", e.getMessage());
                ctx.status(400);
                html(ctx, "search", m);
                return;
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Newsroom.SearchHit h : hits.items()) {
                Map<String, Object> r = new HashMap<>();
                r.put("a", h.article());
                r.put("published", When.human(h.article().published()));
                r.put("snippet", Snippets.html(h.snippet()));
                rows.add(r);
            }
            m.put("hits", rows);
            m.put("total", hits.total());
            m.put("page", page);
            m.put("hasMore", hits.hasMore());
            m.put("from", new ReadingList("search", q).query());
        }
        html(ctx, "search", m);
    }

    private void feedArticles(Context ctx) {
        long id = longParam(ctx.pathParam("id"));
        Newsroom.Feed feed = room.feeds().stream().filter(f -> f.id() == id).findFirst()
                .orElseThrow(() -> Problem.notFound("no feed " + id));
        int page = page(ctx);
        Newsroom.Slice<Newsroom.ArticleCard> slice = room.feedArticles(id, (page - 1) * SEARCH_PAGE, SEARCH_PAGE);
        Map<String, Object> m = model(ctx, feed.title() == null ? feed.url() : feed.title());
        m.put("feed", feed);
        m.put("articles", slice.items());
        m.put("page", page);
        m.put("hasMore", slice.hasMore());
        m.put("from", new ReadingList("feed", String.valueOf(id)).query());
        html(ctx, "feed", m);
    }

    private void feeds(Context ctx) {
        feedsPage(ctx, null, null);
    }

    private void feedsPage(Context ctx, String notice, String error) {
        Map<String, Object> m = model(ctx, "Feeds");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Newsroom.Feed f : room.feeds()) {
            Map<String, Object> r = new HashMap<>();
            r.put("f", f);
            r.put("lastFetch", When.human(f.lastFetch()));
            r.put("nextFetch", When.human(f.nextFetch()));
            r.put("from", new ReadingList("feed", String.valueOf(f.id())).query());
            rows.add(r);
        }
        m.put("feeds", rows);
        m.put("notice", notice);
        m.put("error", error);
        if (error != null) {
            ctx.status(400);
        }
        html(ctx, "feeds", m);
    }

    private void addFeed(Context ctx) {
        checkForm(ctx);
        String url = ctx.formParam("url");
        try {
            Newsroom.Feed f = room.addFeed(FeedAddress.check(url), null, true);
            feedsPage(ctx, "Subscribed to " + (f.title() == null ? f.url() : f.title()) + ".", null);
        } catch (IllegalArgumentException e) {
            feedsPage(ctx, null, e.getMessage());
        }
    }

    private void importOpml(Context ctx) throws IOException {
        checkForm(ctx);
        UploadedFile file = ctx.uploadedFile("opml");
        if (file == null) {
            feedsPage(ctx, null, "choose an OPML file to import");
            return;
        }
        byte[] xml;
        try (InputStream in = file.content()) {
            xml = in.readNBytes((int) ReaderServer.MAX_REQUEST_BYTES);
        }
        try {
            OpmlImport.Result r = OpmlImport.into(room, xml);
            feedsPage(ctx, "Imported " + r.added() + " feed" + (r.added() == 1 ? "" : "s")
                    + (r.refused().isEmpty() ? "." : "; refused " + r.refused().size() + ": " + String.join(", ", r.refused())), null);
        } catch (IllegalArgumentException e) {
            feedsPage(ctx, null, e.getMessage());
        }
    }

    private void removeFeed(Context ctx) {
        checkForm(ctx);
        long id = longParam(ctx.pathParam("id"));
        if (!room.removeFeed(id)) {
            throw Problem.notFound("no feed " + id);
        }
        ctx.redirect("/feeds", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void checkForm(Context ctx) {
        Csrf.check(ctx);
        if (tokenRequired) {
            String given = ctx.formParam("token");
            if (token == null || token.isEmpty()) {
                throw Problem.forbidden("changes are disabled: the server listens beyond 127.0.0.1 and no token is set");
            }
            if (given == null || !ReaderServer.constantTimeEquals(given, token)) {
                throw Problem.forbidden("wrong or missing access token");
            }
        }
    }

    private Map<String, Object> model(Context ctx, String title) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", title);
        m.put("csrf", Csrf.token(ctx));
        m.put("tokenRequired", tokenRequired);
        m.put("path", ctx.path());
        m.put("banner", banner);
        return m;
    }

    private void html(Context ctx, String template, Map<String, Object> model) {
        ctx.contentType("text/html; charset=utf-8").result(templates.render(template, model));
    }

    private static int page(Context ctx) {
        String p = ctx.queryParam("page");
        if (p == null || p.isEmpty()) {
            return 1;
        }
        if (!p.matches("\\d{1,6}") || Integer.parseInt(p) < 1) {
            throw Problem.badRequest("page must be a positive number");
        }
        return Integer.parseInt(p);
    }

    static int summaryLength(String n) {
        if (n == null || n.isEmpty()) {
            return 3;
        }
        if (!n.matches("\\d{1,2}") || !SUMMARY_LENGTHS.contains(Integer.parseInt(n))) {
            throw Problem.badRequest("summary length must be 1, 3 or 5 sentences");
        }
        return Integer.parseInt(n);
    }

    static long longParam(String s) {
        if (s == null || !s.matches("\\d{1,18}")) {
            throw Problem.notFound("no such item: " + s);
        }
        return Long.parseLong(s);
    }

    /** An article's statements grouped by speaker (case-insensitive; unnamed ones together), most quoted first. */
    static List<Newsroom.Speaker> bySpeaker(List<Newsroom.Said> statements) {
        Map<String, List<Newsroom.Said>> by = new LinkedHashMap<>();
        Map<String, String> names = new HashMap<>();
        for (Newsroom.Said s : statements) {
            String name = s.speaker() == null || s.speaker().isBlank() ? "Unnamed sources" : s.speaker().strip();
            String key = name.toLowerCase(java.util.Locale.ROOT);
            names.putIfAbsent(key, name);
            by.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
        }
        List<Newsroom.Speaker> out = new ArrayList<>();
        by.forEach((k, v) -> out.add(new Newsroom.Speaker(names.get(k), v)));
        out.sort(java.util.Comparator.comparingInt((Newsroom.Speaker s) -> -s.statements().size()));
        return out;
    }
}
