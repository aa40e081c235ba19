package dev.precis.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.precis.store.StoreUnavailableException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.staticfiles.Location;
import io.javalin.router.ParsedEndpoint;
import io.javalin.util.JavalinBindException;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;

/**
 * The web reader and JSON API over a {@link Newsroom}: server-rendered pages under {@code /},
 * JSON under {@code /api/v1}, static assets under {@code /static}. Security is configured here in
 * one place: a strict Content-Security-Policy (no inline script or style), CSRF checks on form
 * posts, a bearer token on API writes when listening beyond loopback, and request size limits.
 * While the store cannot be reached (its database server restarting), requests that need it get
 * 503 with a problem document and {@code Retry-After}, and succeed again once it is back.
 */
public final class ReaderServer implements AutoCloseable {

    /** Largest request body accepted (an OPML file is the biggest legitimate one). */
    public static final long MAX_REQUEST_BYTES = 1_000_000;

    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /**
     * Where and how to listen.
     *
     * @param host  address to bind; {@code 127.0.0.1} keeps the reader private to this machine
     * @param port  port to bind, 0 for any free one
     * @param token bearer token required for writes when {@code host} is not loopback (may be null)
     * @param nextFreePort when the port is taken, try the following ones instead of failing
     * @param banner a note shown on every page (e.g. that the content is sample content), or null
     */
    public record Options(String host, int port, String token, boolean nextFreePort, String banner) {
        public Options {
            Objects.requireNonNull(host, "host");
        }

        /** Loopback on {@code port}. */
        public static Options local(int port) {
            return new Options("127.0.0.1", port, null, false, null);
        }
    }

    /** What a 503 asks clients to wait before trying again, in seconds (the store retries each second). */
    static final int RETRY_AFTER_SECONDS = 2;
    private static final long OUTAGE_NOTE_NANOS = 10_000_000_000L;

    private final java.util.concurrent.atomic.AtomicLong lastOutageNote = new java.util.concurrent.atomic.AtomicLong();
    private final Newsroom room;
    private final Options options;
    private final boolean tokenRequired;
    private final ObjectMapper json = new ObjectMapper();
    private final Templates templates = new Templates();
    private Javalin app;

    public ReaderServer(Newsroom room, Options options) {
        this.room = room;
        this.options = options;
        this.tokenRequired = !isLoopback(options.host());
    }

    /**
     * Starts listening; with {@code nextFreePort}, moves up from a taken port (up to 50 tries).
     *
     * @throws IllegalArgumentException when the address cannot be bound, saying which
     */
    public ReaderServer start() {
        int port = options.port();
        while (options.nextFreePort() && port != 0 && port < options.port() + 50 && !free(options.host(), port)) {
            port++;
        }
        for (int attempt = 0; ; attempt++) {
            Javalin candidate = build();
            try {
                candidate.start(options.host(), port);
                app = candidate;
                return this;
            } catch (JavalinBindException e) {
                candidate.stop();
                if (!options.nextFreePort() || attempt >= 50 || port == 0) {
                    throw new IllegalArgumentException("cannot listen on " + options.host() + ":" + port
                            + ": the address is in use or not available here", e);
                }
                port++;
            }
        }
    }

    private static boolean free(String host, int port) {
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.bind(new java.net.InetSocketAddress(host, port));
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** The bound port. */
    public int port() {
        return app.port();
    }

    /** The reader's address, e.g. {@code http://127.0.0.1:8080}. */
    public String url() {
        String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
        if ("0.0.0.0".equals(host)) {
            host = "127.0.0.1";
        }
        return "http://" + host + ":" + port();
    }

    /** The HTTP routes registered, as {@code METHOD path} pairs (used to check the OpenAPI document). */
    public List<String[]> routes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .filter((ParsedEndpoint p) -> p.endpoint.method.isHttpMethod())
                .map((ParsedEndpoint p) -> new String[]{p.endpoint.method.name(), p.endpoint.path})
                .toList();
    }

    @Override
    public void close() {
        if (app != null) {
            app.stop();
        }
    }

    private Javalin build() {
        Pages pages = new Pages(room, templates, tokenRequired ? options.token() : null, tokenRequired, options.banner());
        Api api = new Api(room, json);
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            config.http.generateEtags = false;
            config.jetty.multipartConfig.maxFileSize(MAX_REQUEST_BYTES, io.javalin.config.SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(MAX_REQUEST_BYTES, io.javalin.config.SizeUnit.BYTES);
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/dev/precis/web/static";
                files.location = Location.CLASSPATH;
                files.headers = java.util.Map.of("Cache-Control", "public, max-age=3600");
            });
            config.routes.before(this::secureHeaders);
            config.routes.before("/api/v1/*", this::checkWrite);
            pages.register(config.routes);
            api.register(config.routes);
            config.routes.exception(Problem.class, (e, ctx) -> problem(ctx, e));
            config.routes.exception(StoreUnavailableException.class, (e, ctx) -> {
                noteUnavailable(e);
                ctx.header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
                problem(ctx, Problem.unavailable("the database cannot be reached just now; try again in a few seconds"));
            });
            config.routes.exception(IllegalArgumentException.class,
                    (e, ctx) -> problem(ctx, Problem.badRequest(e.getMessage())));
            config.routes.exception(Exception.class, (e, ctx) -> {
                System.err.println("precis: request failed: " + ctx.method() + " " + ctx.path() + ": " + e);
                if (System.getenv("PRECIS_DEBUG") != null) {
                    e.printStackTrace();
                }
                problem(ctx, new Problem(500, "Internal Server Error", "the server could not answer this request"));
            });
            config.routes.error(404, ctx -> {
                String type = ctx.res().getContentType();
                if (type == null || !(type.startsWith(Problem.MEDIA_TYPE) || type.startsWith("text/html"))) {
                    problem(ctx, Problem.notFound("no such page: " + ctx.path()));
                }
            });
            config.routes.error(413, ctx -> problem(ctx, new Problem(413, "Content Too Large",
                    "request bodies are limited to " + MAX_REQUEST_BYTES + " bytes")));
        });
    }

    /** Says on stderr that the store is unreachable: once per {@link #OUTAGE_NOTE_NANOS} at most, not per request. */
    private void noteUnavailable(StoreUnavailableException e) {
        long now = System.nanoTime();
        long last = lastOutageNote.get();
        if ((last == 0 || now - last > OUTAGE_NOTE_NANOS) && lastOutageNote.compareAndSet(last, now)) {
            System.err.println("precis: answering 503 while the store is unavailable: " + e.getMessage());
        }
    }

    private void secureHeaders(Context ctx) {
        if (!tokenRequired && !namesLoopback(ctx.header("Host"))) {
            throw Problem.forbidden("this reader serves this machine only (it listens on " + options.host()
                    + "); a request for another host name is refused, as a DNS rebinding page would send it."
                    + " To serve other names, listen on them with --host and set --token");
        }
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("X-Frame-Options", "DENY");
        String length = ctx.header("Content-Length");
        if (length != null && length.matches("\\d{1,19}") && Long.parseLong(length) > MAX_REQUEST_BYTES) {
            throw new Problem(413, "Content Too Large", "request bodies are limited to " + MAX_REQUEST_BYTES + " bytes");
        }
    }

    /**
     * API writes need the bearer token when the server is reachable from other machines (no other
     * site can send that header); on loopback, where none is asked, they must come from this origin
     * with a body type no other site can send ({@link Csrf#checkApiWrite}).
     */
    private void checkWrite(Context ctx) {
        HandlerType m = ctx.method();
        if (m == HandlerType.GET || m == HandlerType.HEAD || m == HandlerType.OPTIONS) {
            return;
        }
        if (!tokenRequired) {
            if (m != HandlerType.DELETE) { // a cross-site DELETE needs a preflight, which is never granted
                Csrf.checkApiWrite(ctx);
            }
            return;
        }
        if (options.token() == null || options.token().isEmpty()) {
            throw Problem.forbidden("writes are disabled: the server listens beyond 127.0.0.1 and no token is set (PRECIS_TOKEN or --token)");
        }
        String auth = ctx.header("Authorization");
        if (auth == null || !constantTimeEquals(auth, "Bearer " + options.token())) {
            throw new Problem(401, "Unauthorized", "this write needs 'Authorization: Bearer <token>'");
        }
    }

    static boolean constantTimeEquals(String a, String b) {
        return java.security.MessageDigest.isEqual(a.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                b.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private void problem(Context ctx, Problem p) {
        if (ctx.path().startsWith("/api/") || !acceptsHtml(ctx)) {
            try {
                ctx.status(p.status()).contentType(Problem.MEDIA_TYPE).result(json.writeValueAsString(p.body(ctx.path())));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            ctx.status(p.status()).contentType("text/html; charset=utf-8")
                    .result(templates.render("error", java.util.Map.of("status", p.status(), "title", p.title(),
                            "detail", p.getMessage() == null ? "" : p.getMessage())));
        }
    }

    private static boolean acceptsHtml(Context ctx) {
        String accept = ctx.header("Accept");
        return accept != null && accept.contains("text/html");
    }

    /**
     * Whether a {@code Host} header names this machine's loopback: {@code localhost} or a loopback
     * address literal, any port. Checked without a name lookup.
     */
    static boolean namesLoopback(String hostHeader) {
        if (hostHeader == null) {
            return true; // HTTP/1.0 without Host: no browser sends that
        }
        String h = hostHeader.strip().toLowerCase(java.util.Locale.ROOT);
        if (h.startsWith("[")) {
            int close = h.indexOf(']');
            return close > 0 && h.substring(1, close).matches("(0{0,4}:){2,7}0{0,3}1|::1");
        }
        int colon = h.indexOf(':');
        String name = colon >= 0 ? h.substring(0, colon) : h;
        return name.equals("localhost") || name.equals("localhost.") || name.matches("127(\\.\\d{1,3}){3}");
    }

    static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
