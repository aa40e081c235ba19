package dev.precis.fetch;

import dev.precis.article.html.PageDecoder;

import java.io.IOException;
import java.io.InputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches one web page over HTTP(S) with the limits a server-side fetcher needs: a total time
 * limit, a size cap (also on the inflated size of gzip bodies), at most {@link #MAX_REDIRECTS}
 * redirects followed one by one, a clear User-Agent, and refusal of non-http(s) schemes and of
 * hosts that resolve to loopback, private, link-local or other internal addresses (checked at
 * every hop) unless private hosts are allowed.
 */
public final class PageFetcher {

    /** The User-Agent sent with every request. */
    public static final String USER_AGENT = "Precis/0.1 (+https://github.com/precis-news/precis)";
    /** Redirects followed at most. */
    public static final int MAX_REDIRECTS = 5;
    /** Largest body accepted, in bytes (after inflating). */
    public static final int MAX_BYTES = 10 * 1024 * 1024;
    /** Environment variable that allows private hosts when set to {@code 1}. */
    public static final String ALLOW_PRIVATE_ENV = "PRECIS_ALLOW_PRIVATE_HOSTS";

    private final HttpClient client;
    private final Duration timeout;
    private final boolean allowPrivate;

    /**
     * A fetcher.
     *
     * @param timeout      total time for one fetch, redirects and body included
     * @param allowPrivate whether loopback and private addresses may be fetched
     */
    public PageFetcher(Duration timeout, boolean allowPrivate) {
        this.timeout = timeout;
        this.allowPrivate = allowPrivate;
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout)
                .build();
    }

    /** A fetcher with a 30 s limit; private hosts allowed only when the flag or environment says so. */
    public static PageFetcher standard(boolean allowPrivateFlag) {
        return new PageFetcher(Duration.ofSeconds(30), allowPrivateFlag || "1".equals(System.getenv(ALLOW_PRIVATE_ENV)));
    }

    /** Whether {@code spec} names an http(s) URL (as opposed to a file). */
    public static boolean isUrl(String spec) {
        String s = spec.toLowerCase(Locale.ROOT);
        return s.startsWith("http://") || s.startsWith("https://");
    }

    /** Whether {@code spec} looks like a URL of some scheme ("ftp://…", "file://…"). */
    public static boolean looksLikeUrl(String spec) {
        return spec.matches("(?i)^[a-z][a-z0-9+.-]*://.*");
    }

    /**
     * Fetches {@code url}.
     *
     * @throws FetchException with a one-line reason when the page cannot be fetched or is refused
     */
    public FetchedPage fetch(String url) throws FetchException {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI uri = parse(url);
        for (int hop = 0; ; hop++) {
            checkTarget(uri);
            HttpResponse<InputStream> response = send(uri, deadline);
            int status = response.statusCode();
            if (status >= 300 && status < 400 && status != 304) {
                closeQuietly(response.body());
                String location = response.headers().firstValue("Location").orElse(null);
                if (location == null) {
                    throw new FetchException("HTTP " + status + " redirect without a Location");
                }
                if (hop >= MAX_REDIRECTS) {
                    throw new FetchException("more than " + MAX_REDIRECTS + " redirects");
                }
                try {
                    uri = uri.resolve(new URI(location.strip().replace(" ", "%20")));
                } catch (URISyntaxException e) {
                    throw new FetchException("redirect to a malformed URL: " + location);
                }
                continue;
            }
            if (status < 200 || status >= 300) {
                closeQuietly(response.body());
                throw new FetchException("HTTP " + status);
            }
            String contentType = response.headers().firstValue("Content-Type").orElse(null);
            long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > MAX_BYTES) {
                closeQuietly(response.body());
                throw new FetchException("page is larger than " + (MAX_BYTES >> 20) + " MB");
            }
            byte[] body = readBody(response.body(), deadline);
            String encoding = response.headers().firstValue("Content-Encoding").orElse("").strip().toLowerCase(Locale.ROOT);
            if (encoding.equals("gzip") || encoding.equals("x-gzip") || PageDecoder.isGzip(body)) {
                try (InputStream in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
                    body = PageDecoder.readCapped(in, MAX_BYTES);
                } catch (IllegalArgumentException e) {
                    throw new FetchException(e.getMessage());
                } catch (IOException e) {
                    throw new FetchException("broken gzip body: " + e.getMessage());
                }
            } else if (!encoding.isEmpty() && !encoding.equals("identity")) {
                throw new FetchException("unsupported Content-Encoding " + encoding);
            }
            return new FetchedPage(uri.toString(), contentType, body);
        }
    }

    private static URI parse(String url) throws FetchException {
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new FetchException("only http and https URLs can be fetched");
            }
            if (uri.getHost() == null) {
                throw new FetchException("URL has no host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new FetchException("malformed URL: " + e.getReason());
        }
    }

    private void checkTarget(URI uri) throws FetchException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchException("refused: redirect to a non-http(s) URL (" + scheme + ")");
        }
        if (uri.getHost() == null) {
            throw new FetchException("URL has no host");
        }
        if (allowPrivate) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new FetchException("unknown host " + uri.getHost());
        }
        for (InetAddress a : addresses) {
            if (isInternal(a)) {
                throw new FetchException("refused: " + uri.getHost() + " resolves to the private address "
                        + a.getHostAddress() + " (use --allow-private-hosts or " + ALLOW_PRIVATE_ENV + "=1 to allow)");
            }
        }
    }

    /** Whether an address is loopback, private, link-local, unspecified, multicast or unique-local. */
    static boolean isInternal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            if ((b[0] & 0xFE) == 0xFC) {
                return true; // fc00::/7 unique local
            }
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF) {
                try {
                    return isInternal(InetAddress.getByAddress(new byte[]{b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
            return false;
        }
        int first = b[0] & 0xFF;
        int second = b[1] & 0xFF;
        return first == 0 || first == 100 && second >= 64 && second < 128 // carrier-grade NAT
                || first == 169 && second == 254 || first >= 240;
    }

    private HttpResponse<InputStream> send(URI uri, long deadline) throws FetchException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new FetchException("timed out after " + timeout.toSeconds() + " s");
        }
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofNanos(left))
                .header("User-Agent", USER_AGENT)
                .header("Accept", "text/html,application/xhtml+xml,text/plain;q=0.8,*/*;q=0.5")
                .header("Accept-Encoding", "gzip")
                .GET()
                .build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (java.net.http.HttpTimeoutException e) {
            throw new FetchException("timed out after " + timeout.toSeconds() + " s");
        } catch (java.net.ConnectException e) {
            throw new FetchException("cannot connect to " + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : ""));
        } catch (IOException e) {
            throw new FetchException("cannot fetch: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException("interrupted");
        } catch (IllegalArgumentException e) {
            throw new FetchException("malformed URL: " + e.getMessage());
        }
    }

    private byte[] readBody(InputStream in, long deadline) throws FetchException {
        CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
            try {
                return PageDecoder.readCapped(in, MAX_BYTES);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try {
            return read.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            closeQuietly(in);
            throw new FetchException("timed out after " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            closeQuietly(in);
            Throwable cause = e.getCause();
            if (cause instanceof IllegalArgumentException) {
                throw new FetchException(cause.getMessage());
            }
            throw new FetchException("cannot read the body: " + cause.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException("interrupted");
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // nothing left to do with a stream we are abandoning
        }
    }
}
