package dev.precis.fetch;

import java.util.Locale;
import java.util.Map;

/**
 * What a server answered to {@link PageFetcher#get}, whatever the status.
 *
 * @param status  the HTTP status of the last hop
 * @param url     the URL of the last hop, after redirects
 * @param headers response headers, names lower-cased, first value of each
 * @param body    the body, inflated when it was sent compressed; empty for 304
 */
public record FetchResponse(int status, String url, Map<String, String> headers, byte[] body) {

    public FetchResponse {
        headers = Map.copyOf(headers);
    }

    /** A header's value, or {@code null}. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The response as a page. */
    public FetchedPage page() {
        return new FetchedPage(url, header("content-type"), body);
    }
}
