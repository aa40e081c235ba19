package dev.precis.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The form of an article URL under which two links to the same page compare equal: lowercase
 * scheme and host, no default port, no fragment, no tracking parameters ({@code utm_*},
 * {@code fbclid}, {@code gclid}, …).
 */
public final class ArticleUrl {

    private ArticleUrl() {
    }

    /** The normalized URL, or {@code url} trimmed when it is not an absolute http(s) URL. */
    public static String normalize(String url) {
        String u = url.strip();
        try {
            URI uri = new URI(u);
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
                return u;
            }
            int port = uri.getPort();
            if (port == 80 && scheme.equals("http") || port == 443 && scheme.equals("https")) {
                port = -1;
            }
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            StringBuilder sb = new StringBuilder(scheme).append("://").append(uri.getHost().toLowerCase(Locale.ROOT));
            if (port != -1) {
                sb.append(':').append(port);
            }
            sb.append(path);
            String query = keptQuery(uri.getRawQuery());
            if (!query.isEmpty()) {
                sb.append('?').append(query);
            }
            return sb.toString();
        } catch (URISyntaxException e) {
            return u;
        }
    }

    private static String keptQuery(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String p : raw.split("&")) {
            String name = p.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (!p.isEmpty() && !name.startsWith("utm_") && !List.of("fbclid", "gclid", "mc_cid", "mc_eid", "ref", "cmpid").contains(name)) {
                kept.add(p);
            }
        }
        return String.join("&", kept);
    }
}
