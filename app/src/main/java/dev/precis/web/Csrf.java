package dev.precis.web;

import io.javalin.http.Context;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Cross-site request forgery protection. The reader's forms: a double-submit cookie (a random
 * token in a {@code SameSite=Strict} cookie that every form repeats in a hidden field) plus a check
 * that the {@code Origin} (or {@code Referer}) header, when sent, names this server. API writes:
 * the same origin check, and a body type no other site can send without the browser asking this
 * server first (a CORS preflight it never grants), so a page elsewhere cannot post to the API.
 */
final class Csrf {

    static final String COOKIE = "precis_csrf";
    static final String FIELD = "csrf";

    private static final SecureRandom RANDOM = new SecureRandom();

    private Csrf() {
    }

    /** The token for this browser, setting the cookie when it has none yet. */
    static String token(Context ctx) {
        String token = ctx.cookie(COOKIE);
        if (token == null || !token.matches("[0-9a-f]{32}")) {
            byte[] b = new byte[16];
            RANDOM.nextBytes(b);
            token = HexFormat.of().formatHex(b);
            ctx.header("Set-Cookie", COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Strict");
        }
        return token;
    }

    /** Refuses a form post whose token does not match its cookie or that comes from another origin. */
    static void check(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null) {
            origin = ctx.header("Referer");
        }
        if (origin != null && !"null".equals(origin) && !sameOrigin(origin, ctx)) {
            throw Problem.forbidden("cross-site form post refused");
        }
        String cookie = ctx.cookie(COOKIE);
        String field = ctx.formParam(FIELD);
        if (cookie == null || field == null
                || !MessageDigest.isEqual(cookie.getBytes(StandardCharsets.UTF_8), field.getBytes(StandardCharsets.UTF_8))) {
            throw Problem.forbidden("form token missing or stale; reload the page and try again");
        }
    }

    /** Content types any web page may post cross-site without a preflight (the Fetch standard's safelist). */
    private static final java.util.Set<String> CROSS_SITE_TYPES =
            java.util.Set.of("application/x-www-form-urlencoded", "multipart/form-data", "text/plain");

    /**
     * Refuses an API write (a request with a body) from another origin, or with a body type another
     * site could send: none, or form or plain-text types.
     */
    static void checkApiWrite(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin != null && !"null".equals(origin) && !sameOrigin(origin, ctx)) {
            throw Problem.forbidden("cross-site API write refused");
        }
        String type = ctx.header("Content-Type");
        String bare = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        if (bare.isEmpty() || CROSS_SITE_TYPES.contains(bare)) {
            throw new Problem(415, "Unsupported Media Type", "API writes need a Content-Type such as application/json"
                    + " (feeds) or text/x-opml (OPML import); form and plain-text bodies are refused, as any web page could send them");
        }
    }

    private static boolean sameOrigin(String origin, Context ctx) {
        String host = ctx.header("Host");
        if (host == null) {
            return false;
        }
        String o = origin.replaceFirst("^https?://", "");
        int slash = o.indexOf('/');
        if (slash >= 0) {
            o = o.substring(0, slash);
        }
        return o.equalsIgnoreCase(host);
    }
}
