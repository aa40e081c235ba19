package dev.precis.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP error as RFC 9457 "Problem Details" ({@code application/problem+json}); thrown by
 * handlers and turned into a response in one place by {@link ReaderServer}.
 */
final class Problem extends RuntimeException {

    /** The media type of problem documents. */
    static final String MEDIA_TYPE = "application/problem+json";

    private final int status;
    private final String title;

    Problem(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    static Problem notFound(String detail) {
        return new Problem(404, "Not Found", detail);
    }

    static Problem badRequest(String detail) {
        return new Problem(400, "Bad Request", detail);
    }

    static Problem forbidden(String detail) {
        return new Problem(403, "Forbidden", detail);
    }

    static Problem unavailable(String detail) {
        return new Problem(503, "Service Unavailable", detail);
    }

    int status() {
        return status;
    }

    String title() {
        return title;
    }

    /** The problem document for a request to {@code instance}. */
    Map<String, Object> body(String instance) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "about:blank");
        m.put("title", title);
        m.put("status", status);
        m.put("detail", getMessage());
        m.put("instance", instance);
        return m;
    }
}
