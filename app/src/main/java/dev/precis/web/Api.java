package dev.precis.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON API under {@code /api/v1}, described by {@code /api/v1/openapi.json}. Lists take
 * {@code offset} and {@code limit} (at most {@value #MAX_LIMIT}) and answer
 * {@code {"items":[…], "offset":N, "total":N}}; errors are problem+json.
 */
final class Api {

    static final int MAX_LIMIT = 100;

    private final Newsroom room;
    private final ObjectMapper json;
    private final byte[] openApi;

    Api(Newsroom room, ObjectMapper json) {
        this.room = room;
        this.json = json;
        try (InputStream in = Api.class.getResourceAsStream("/dev/precis/web/openapi.json")) {
            openApi = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void register(RoutesConfig routes) {
        routes.get("/api/v1/health", this::health);
        routes.get("/api/v1/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
        routes.get("/api/v1/articles", this::articles);
        routes.get("/api/v1/articles/{id}", this::article);
        routes.get("/api/v1/articles/{id}/summary", this::summary);
        routes.get("/api/v1/articles/{id}/statements", this::statements);
        routes.get("/api/v1/stories", this::stories);
        routes.get("/api/v1/stories/{id}", this::story);
        routes.get("/api/v1/search", this::search);
        routes.get("/api/v1/feeds", this::feeds);
        routes.post("/api/v1/feeds", this::addFeed);
        routes.post("/api/v1/feeds/import", this::importOpml);
        routes.delete("/api/v1/feeds/{id}", this::removeFeed);
    }

    private void health(Context ctx) {
        Newsroom.Counts c = room.counts();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", "ok");
        m.put("articles", c.articles());
        m.put("stories", c.stories());
        m.put("feeds", c.feeds());
        m.put("statements", c.statements());
        send(ctx, m);
    }

    private void articles(Context ctx) {
        send(ctx, room.articles(offset(ctx), limit(ctx)));
    }

    private Newsroom.ArticleView view(Context ctx) {
        String id = ctx.pathParam("id");
        return room.article(id).orElseThrow(() -> Problem.notFound("no article " + id));
    }

    private void article(Context ctx) {
        Newsroom.ArticleView v = view(ctx);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", v.article().id());
        m.put("url", v.article().url());
        m.put("source", v.article().source());
        m.put("title", v.article().title());
        m.put("byline", v.article().byline());
        m.put("published", v.article().published());
        m.put("language", v.article().language());
        m.put("text", v.article().text());
        m.put("story", v.storyId());
        m.put("summary", summaryOf(v, 3));
        m.put("statements", v.statements());
        send(ctx, m);
    }

    private void summary(Context ctx) {
        String n = ctx.queryParam("sentences");
        int count;
        if (n == null || n.isEmpty()) {
            count = 3;
        } else if (n.matches("\\d{1,3}") && Integer.parseInt(n) >= 1 && Integer.parseInt(n) <= 50) {
            count = Integer.parseInt(n);
        } else {
            throw Problem.badRequest("sentences must be a number from 1 to 50");
        }
        Newsroom.ArticleView v = view(ctx);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", v.article().id());
        m.put("sentencesTotal", v.sentences().size());
        m.put("sentences", summaryOf(v, count));
        send(ctx, m);
    }

    private static List<Map<String, Object>> summaryOf(Newsroom.ArticleView v, int n) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i : v.summary(n)) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("index", i);
            s.put("start", v.sentences().get(i)[0]);
            s.put("end", v.sentences().get(i)[1]);
            s.put("text", v.sentenceText(i));
            s.put("score", v.scores()[i]);
            out.add(s);
        }
        return out;
    }

    private void statements(Context ctx) {
        Newsroom.ArticleView v = view(ctx);
        send(ctx, Map.of("id", v.article().id(), "statements", v.statements()));
    }

    private void stories(Context ctx) {
        send(ctx, room.stories(offset(ctx), limit(ctx)));
    }

    private void story(Context ctx) {
        long id = Pages.longParam(ctx.pathParam("id"));
        send(ctx, room.story(id).orElseThrow(() -> Problem.notFound("no story " + id)));
    }

    private void search(Context ctx) {
        String q = ctx.queryParam("q");
        if (q == null || q.isBlank()) {
            throw Problem.badRequest("parameter q (the query) is required");
        }
        if (q.length() > 200) {
            throw Problem.badRequest("search queries are limited to 200 characters");
        }
        Newsroom.Slice<Newsroom.SearchHit> hits = room.search(q.strip(), offset(ctx), limit(ctx));
        List<Map<String, Object>> items = new ArrayList<>();
        for (Newsroom.SearchHit h : hits.items()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("article", h.article());
            m.put("snippet", h.snippet() == null ? null
                    : h.snippet().replace(Snippets.START, "[").replace(Snippets.END, "]"));
            items.add(m);
        }
        send(ctx, Map.of("items", items, "offset", hits.offset(), "total", hits.total()));
    }

    private void feeds(Context ctx) {
        send(ctx, Map.of("items", room.feeds()));
    }

    private void addFeed(Context ctx) {
        String url;
        String title = null;
        try {
            JsonNode body = json.readTree(ctx.body());
            if (body == null || !body.isObject() || !body.path("url").isTextual()) {
                throw Problem.badRequest("send a JSON object with a \"url\" string");
            }
            url = body.get("url").asText();
            if (body.path("title").isTextual()) {
                title = body.get("title").asText();
            }
        } catch (JsonProcessingException e) {
            throw Problem.badRequest("the body is not valid JSON: " + e.getOriginalMessage());
        }
        Newsroom.Feed f = room.addFeed(FeedAddress.check(url), title, true);
        ctx.status(201);
        send(ctx, f);
    }

    private void importOpml(Context ctx) {
        OpmlImport.Result r = OpmlImport.into(room, ctx.bodyAsBytes());
        send(ctx, Map.of("added", r.added(), "refused", r.refused()));
    }

    private void removeFeed(Context ctx) {
        long id = Pages.longParam(ctx.pathParam("id"));
        if (!room.removeFeed(id)) {
            throw Problem.notFound("no feed " + id);
        }
        ctx.status(204);
    }

    private static int offset(Context ctx) {
        return number(ctx, "offset", 0, 0, Integer.MAX_VALUE);
    }

    private static int limit(Context ctx) {
        return number(ctx, "limit", 20, 1, MAX_LIMIT);
    }

    private static int number(Context ctx, String name, int dflt, int min, int max) {
        String v = ctx.queryParam(name);
        if (v == null || v.isEmpty()) {
            return dflt;
        }
        if (!v.matches("\\d{1,9}") || Integer.parseInt(v) < min || Integer.parseInt(v) > max) {
            throw Problem.badRequest(name + " must be a number from " + min + " to " + max);
        }
        return Integer.parseInt(v);
    }

    private void send(Context ctx, Object body) {
        try {
            ctx.contentType("application/json").result(json.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
