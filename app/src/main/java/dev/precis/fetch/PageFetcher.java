package dev.precis.fetch;

import dev.precis.article.html.PageDecoder;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.IDN;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Fetches web pages and feeds over HTTP(S) with the limits a server-side fetcher needs: a total time
 * limit (redirects and a slowly dripping body included), a size cap on the wire and on the inflated body
 * (a gzip bomb is cut off, not inflated), at most {@link #MAX_REDIRECTS} redirects followed one by one, a
 * clear User-Agent, and refusal of non-http(s) schemes and of loopback, private, link-local and other
 * internal addresses unless private hosts are allowed.
 *
 * <p>The time limit holds whatever the server does: a watchdog closes the connection at the deadline,
 * so a host that accepts and never answers, or trickles its answer (or its TLS handshake) a byte at a
 * time, costs one fetch at most the limit. A failure to reach or hear from the host is marked as such
 * ({@link FetchException#hostUnreachable()}), so a caller can spare the host further requests for a while.
 *
 * <p>It speaks HTTP/1.1 over a socket it opens itself, to the address it has just checked: the address
 * the guard approves is the address connected to, on every redirect hop, so a host name that resolves
 * to a public address once and a private one the next time (DNS rebinding) cannot slip through.
 * {@link #get} returns any status with its headers, for conditional requests ({@code If-None-Match},
 * {@code If-Modified-Since} → 304), {@code Cache-Control} and {@code Retry-After}; {@link #fetch} wants a page.
 */
public final class PageFetcher {

    /** The User-Agent sent with every request. */
    public static final String USER_AGENT = "Precis/0.1 (+https://github.com/precis-news/precis)";
    /** Redirects followed at most. */
    public static final int MAX_REDIRECTS = 5;
    /** Largest body accepted, in bytes, on the wire and after inflating. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;
    /** Environment variable that allows private hosts when set to {@code 1}. */
    public static final String ALLOW_PRIVATE_ENV = "PRECIS_ALLOW_PRIVATE_HOSTS";

    private static final int MAX_HEADER_BYTES = 64 * 1024;

    /**
     * Closes the socket of a fetch that reaches its deadline, whatever it is blocked in. Read
     * timeouts alone cannot cap a fetch: a server that sends one byte a second satisfies every read,
     * and a TLS handshake reads on its own, outside {@link Reading}'s re-armed timeouts.
     */
    private static final ScheduledThreadPoolExecutor DEADLINES = deadlines();

    private static ScheduledThreadPoolExecutor deadlines() {
        ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().daemon().name("precis-fetch-deadline").factory());
        e.setRemoveOnCancelPolicy(true);
        return e;
    }

    private final Duration timeout;
    private final boolean allowPrivate;
    private final Set<InetAddress> allowedAddresses;
    private final int maxBytes;

    /**
     * A fetcher.
     *
     * @param timeout      total time for one fetch, redirects and body included
     * @param allowPrivate whether loopback and private addresses may be fetched
     */
    public PageFetcher(Duration timeout, boolean allowPrivate) {
        this(timeout, allowPrivate, Set.of(), MAX_BYTES);
    }

    /**
     * A fetcher with every limit chosen.
     *
     * @param timeout          total time for one fetch, redirects and body included
     * @param allowPrivate     whether loopback and private addresses may be fetched
     * @param allowedAddresses internal addresses allowed all the same (an intranet feed server, say)
     * @param maxBytes         largest body accepted, on the wire and after inflating
     */
    public PageFetcher(Duration timeout, boolean allowPrivate, Set<InetAddress> allowedAddresses, int maxBytes) {
        this.timeout = timeout;
        this.allowPrivate = allowPrivate;
        this.allowedAddresses = Set.copyOf(allowedAddresses);
        this.maxBytes = maxBytes;
    }

    /** A fetcher with a 30 s limit; private hosts allowed only when the flag or environment says so. */
    public static PageFetcher standard(boolean allowPrivateFlag) {
        return new PageFetcher(Duration.ofSeconds(30), allowPrivateFlag || "1".equals(System.getenv(ALLOW_PRIVATE_ENV)));
    }

    /** The total time one fetch may take, redirects and body included. */
    public Duration timeout() {
        return timeout;
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
     * Fetches the page at {@code url}.
     *
     * @throws FetchException with a one-line reason when the page cannot be fetched, is refused, or the
     *                        server answers with a status other than 2xx
     */
    public FetchedPage fetch(String url) throws FetchException {
        FetchResponse r = get(url, Map.of());
        if (r.status() < 200 || r.status() >= 300) {
            throw new FetchException("HTTP " + r.status());
        }
        return r.page();
    }

    /**
     * GETs {@code url} with the extra request headers given, following redirects, and returns whatever
     * status the last hop answered with.
     *
     * @throws FetchException when the URL is refused, the host cannot be reached, a limit is passed or the
     *                        answer is not HTTP; the message says which
     */
    public FetchResponse get(String url, Map<String, String> headers) throws FetchException {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI uri = parse(url);
        for (int hop = 0; ; hop++) {
            FetchResponse r = once(uri, headers, deadline);
            String location = r.header("location");
            if (!isRedirect(r.status())) {
                return r;
            }
            if (location == null) {
                throw new FetchException("HTTP " + r.status() + " redirect without a Location");
            }
            if (hop >= MAX_REDIRECTS) {
                throw new FetchException("more than " + MAX_REDIRECTS + " redirects");
            }
            try {
                uri = parse(uri.resolve(new URI(location.strip().replace(" ", "%20"))).toString());
            } catch (URISyntaxException e) {
                throw new FetchException("redirect to a malformed URL: " + location);
            }
        }
    }

    private boolean allows(InetAddress a) {
        return allowPrivate || !isInternal(a) || allowedAddresses.contains(a);
    }

    /** Whether an address is loopback, private, link-local, unspecified, multicast, unique-local or reserved. */
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

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static URI parse(String url) throws FetchException {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new FetchException("not a URL: " + url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchException("refused: scheme '" + (scheme.isEmpty() ? "none" : scheme)
                    + "' (only http and https are fetched)");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new FetchException("not a URL with a host: " + url);
        }
        return uri;
    }

    private FetchResponse once(URI uri, Map<String, String> headers, long deadline) throws FetchException {
        boolean tls = uri.getScheme().equalsIgnoreCase("https");
        String host = uri.getHost();
        String bareHost = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
        InetAddress address = resolve(bareHost);
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> watchdog = null;
        try (Socket socket = connect(address, port, deadline)) {
            watchdog = DEADLINES.schedule(() -> {
                expired.set(true);
                close(socket);
            }, deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            Socket s = tls ? tls(socket, bareHost, port, deadline) : socket;
            OutputStream out = s.getOutputStream();
            out.write(request(uri, host, port, tls, headers).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = new BufferedInputStream(s.getInputStream());
            Reading reading = new Reading(in, s, deadline);
            int status = statusCode(reading.line());
            Map<String, String> responseHeaders = new LinkedHashMap<>();
            int headerBytes = 0;
            for (String line = reading.line(); !line.isEmpty(); line = reading.line()) {
                headerBytes += line.length();
                if (headerBytes > MAX_HEADER_BYTES) {
                    throw new FetchException("refused: response headers larger than 64 KB");
                }
                int colon = line.indexOf(':');
                if (colon > 0) {
                    responseHeaders.putIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                            line.substring(colon + 1).strip());
                }
            }
            byte[] body = status == 304 || status == 204 || status / 100 == 1 || isRedirect(status)
                    ? new byte[0] : body(reading, responseHeaders);
            return new FetchResponse(status, uri.toString(), responseHeaders, body);
        } catch (SocketTimeoutException e) {
            throw new FetchException("timed out after " + timeout.toSeconds() + " s", true);
        } catch (IOException e) {
            if (expired.get()) {
                throw new FetchException("timed out after " + timeout.toSeconds() + " s", true);
            }
            throw new FetchException("cannot fetch: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
                    e instanceof java.net.SocketException);
        } finally {
            if (watchdog != null) {
                watchdog.cancel(false);
            }
        }
    }

    private InetAddress resolve(String host) throws FetchException {
        InetAddress[] all;
        try {
            all = InetAddress.getAllByName(IDN.toASCII(host));
        } catch (UnknownHostException | IllegalArgumentException e) {
            throw new FetchException("unknown host: " + host);
        }
        for (InetAddress a : all) {
            if (allows(a)) {
                return a;
            }
        }
        throw new FetchException("refused: " + host + " resolves to the private address " + all[0].getHostAddress()
                + " (use --allow-private-hosts or " + ALLOW_PRIVATE_ENV + "=1 to allow)");
    }

    private Socket connect(InetAddress address, int port, long deadline) throws FetchException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(address, port), remainingMillis(deadline));
            // The address connected to, checked again: the one the bytes go to.
            if (!allows(socket.getInetAddress())) {
                throw new FetchException("refused: connected to a private address " + socket.getInetAddress());
            }
            return socket;
        } catch (SocketTimeoutException e) {
            close(socket);
            throw new FetchException("timed out connecting to " + address.getHostAddress(), true);
        } catch (IOException e) {
            close(socket);
            throw new FetchException("cannot connect to " + address.getHostAddress() + ":" + port + " (" + e.getMessage() + ")", true);
        } catch (FetchException e) {
            close(socket);
            throw e;
        }
    }

    private Socket tls(Socket socket, String host, int port, long deadline) throws IOException {
        try {
            SSLSocket ssl = (SSLSocket) SSLContext.getDefault().getSocketFactory().createSocket(socket, host, port, true);
            SSLParameters params = ssl.getSSLParameters();
            params.setEndpointIdentificationAlgorithm("HTTPS");
            if (!host.contains(":") && !host.matches("[0-9.]+")) {
                params.setServerNames(List.of(new SNIHostName(IDN.toASCII(host))));
            }
            ssl.setSSLParameters(params);
            ssl.setSoTimeout(remainingMillis(deadline));
            ssl.startHandshake();
            return ssl;
        } catch (NoSuchAlgorithmException e) {
            throw new IOException("no TLS", e);
        }
    }

    private static String request(URI uri, String host, int port, boolean tls, Map<String, String> headers) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            path += "?" + uri.getRawQuery();
        }
        boolean defaultPort = port == (tls ? 443 : 80);
        StringBuilder r = new StringBuilder("GET ").append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(IDN.toASCII(host)).append(defaultPort ? "" : ":" + port).append("\r\n")
                .append("User-Agent: ").append(USER_AGENT).append("\r\n")
                .append("Accept-Encoding: gzip, deflate\r\n")
                .append("Connection: close\r\n");
        if (headers.keySet().stream().noneMatch(k -> k.equalsIgnoreCase("accept"))) {
            r.append("Accept: */*\r\n");
        }
        headers.forEach((k, v) -> {
            if (v != null && k.matches("[A-Za-z0-9-]+") && v.indexOf('\r') < 0 && v.indexOf('\n') < 0) {
                r.append(k).append(": ").append(v).append("\r\n");
            }
        });
        return r.append("\r\n").toString();
    }

    private static int statusCode(String line) throws FetchException {
        String[] parts = line.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/") || !parts[1].matches("\\d{3}")) {
            throw new FetchException("not an HTTP response");
        }
        return Integer.parseInt(parts[1]);
    }

    private byte[] body(Reading reading, Map<String, String> headers) throws IOException, FetchException {
        byte[] raw;
        if (headers.getOrDefault("transfer-encoding", "").strip().toLowerCase(Locale.ROOT).endsWith("chunked")) {
            raw = chunked(reading);
        } else if (headers.containsKey("content-length")) {
            long length;
            try {
                length = Long.parseLong(headers.get("content-length").strip());
            } catch (NumberFormatException e) {
                throw new FetchException("bad Content-Length: " + headers.get("content-length"));
            }
            if (length > maxBytes) {
                throw new FetchException(tooLarge(maxBytes));
            }
            raw = reading.bytes(length, false);
        } else {
            raw = reading.bytes(maxBytes + 1, true);
            if (raw.length > maxBytes) {
                throw new FetchException(tooLarge(maxBytes));
            }
        }
        String encoding = headers.getOrDefault("content-encoding", "identity").strip().toLowerCase(Locale.ROOT);
        return switch (encoding) {
            case "gzip", "x-gzip" -> decoded(new GZIPInputStream(new ByteArrayInputStream(raw)));
            case "deflate" -> inflate(raw);
            case "identity", "" -> PageDecoder.isGzip(raw) ? decoded(new GZIPInputStream(new ByteArrayInputStream(raw))) : raw;
            default -> throw new FetchException("unsupported Content-Encoding " + encoding);
        };
    }

    private byte[] chunked(Reading reading) throws IOException, FetchException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = reading.line();
            int semi = sizeLine.indexOf(';');
            long size;
            try {
                size = Long.parseLong((semi >= 0 ? sizeLine.substring(0, semi) : sizeLine).strip(), 16);
            } catch (NumberFormatException e) {
                throw new FetchException("bad chunked encoding");
            }
            if (size == 0) {
                return out.toByteArray();
            }
            if (out.size() + size > maxBytes) {
                throw new FetchException(tooLarge(maxBytes));
            }
            out.write(reading.bytes(size, false));
            reading.line();
        }
    }

    /** zlib-wrapped deflate as the RFC says, or raw deflate as some servers send. */
    private byte[] inflate(byte[] raw) throws IOException, FetchException {
        try {
            return decoded(new InflaterInputStream(new ByteArrayInputStream(raw)));
        } catch (java.util.zip.ZipException e) {
            return decoded(new InflaterInputStream(new ByteArrayInputStream(raw), new Inflater(true)));
        }
    }

    private byte[] decoded(InputStream in) throws IOException, FetchException {
        try (in) {
            byte[] out = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (out.length > maxBytes) {
                throw new FetchException("refused: decompressed body larger than " + (maxBytes >> 20)
                        + " MB (compression bomb)");
            }
            return out;
        } catch (EOFException e) {
            throw new FetchException("truncated compressed body");
        }
    }

    private static String tooLarge(long max) {
        return "refused: larger than " + (max >> 20) + " MB";
    }

    private static int remainingMillis(long deadline) throws SocketTimeoutException {
        long ms = (deadline - System.nanoTime()) / 1_000_000;
        if (ms <= 0) {
            throw new SocketTimeoutException();
        }
        return (int) Math.min(ms, Integer.MAX_VALUE);
    }

    private static void close(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // nothing more to do with a socket that failed
        }
    }

    /** Reads a response within the deadline, whatever pace the server sends at. */
    private static final class Reading {
        private final InputStream in;
        private final Socket socket;
        private final long deadline;

        Reading(InputStream in, Socket socket, long deadline) {
            this.in = in;
            this.socket = socket;
            this.deadline = deadline;
        }

        private void arm() throws IOException {
            socket.setSoTimeout(remainingMillis(deadline));
        }

        /** One CRLF- or LF-terminated line, without the terminator, at most 8 KB. */
        String line() throws IOException {
            StringBuilder sb = new StringBuilder();
            while (true) {
                arm();
                int c = in.read();
                if (c < 0) {
                    if (sb.isEmpty()) {
                        throw new EOFException("connection closed");
                    }
                    return sb.toString();
                }
                if (c == '\n') {
                    int n = sb.length();
                    return n > 0 && sb.charAt(n - 1) == '\r' ? sb.substring(0, n - 1) : sb.toString();
                }
                if (sb.length() >= 8192) {
                    throw new IOException("response line longer than 8 KB");
                }
                sb.append((char) c);
            }
        }

        /** {@code n} bytes, or up to {@code n} bytes and the end of the stream when {@code untilEnd}. */
        byte[] bytes(long n, boolean untilEnd) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(n, 1 << 16));
            byte[] buf = new byte[1 << 16];
            long left = n;
            while (left > 0) {
                arm();
                int read = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (read < 0) {
                    if (untilEnd) {
                        break;
                    }
                    throw new EOFException("body shorter than announced");
                }
                out.write(buf, 0, read);
                left -= read;
            }
            return out.toByteArray();
        }
    }
}
