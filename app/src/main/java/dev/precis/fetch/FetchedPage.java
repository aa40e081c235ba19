package dev.precis.fetch;

/**
 * A fetched page.
 *
 * @param url         the final URL, after redirects
 * @param contentType the Content-Type header, or {@code null}
 * @param body        the body, inflated when it was sent gzip-compressed
 */
public record FetchedPage(String url, String contentType, byte[] body) {

    /** Whether the Content-Type says HTML (or is missing, as HTML is what pages usually are). */
    public boolean isHtml() {
        if (contentType == null) {
            return true;
        }
        String t = contentType.toLowerCase(java.util.Locale.ROOT);
        return t.contains("html") || t.contains("xml");
    }

    /** Whether the Content-Type is plain text. */
    public boolean isPlainText() {
        return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("text/plain");
    }
}
