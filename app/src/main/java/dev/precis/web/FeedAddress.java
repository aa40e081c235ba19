package dev.precis.web;

import java.net.URI;
import java.net.URISyntaxException;

/** Checks that a feed address a reader typed is an absolute http(s) URL of sane length. */
final class FeedAddress {

    private FeedAddress() {
    }

    /** The trimmed URL, or an {@link IllegalArgumentException} saying what is wrong with it. */
    static String check(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("enter the address of a feed");
        }
        String u = url.strip();
        if (u.length() > 2048) {
            throw new IllegalArgumentException("feed address is longer than 2048 characters");
        }
        try {
            URI uri = new URI(u);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                throw new IllegalArgumentException("feed address must start with http:// or https://");
            }
            if (uri.getHost() == null) {
                throw new IllegalArgumentException("feed address has no host name");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid address: " + e.getReason());
        }
        return u;
    }
}
