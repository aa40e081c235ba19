package dev.precis.feeds;

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
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Fetches feeds and article pages from the open web without letting them hurt the host: HTTP/1.1 over a
 * socket Precis opens itself, so that the address checked by the {@link AddressGuard} is the address
 * actually connected to (no second DNS lookup an attacker could rebind), on every redirect hop.
 *
 * <p>Limits: only http and https; at most {@link Limits#maxRedirects} redirects; the whole fetch, redirects
 * included, within {@link Limits#total}; at most {@link Limits#maxBody} bytes on the wire and at most
 * {@link Limits#maxDecoded} after gzip/deflate decoding (a gzip bomb is cut off, not inflated). Callers pass
 * conditional headers ({@code If-None-Match}, {@code If-Modified-Since}) and get 304s back as they are.
 */
public final class WebFetcher {

    /** The fetcher's limits. */
    public record Limits(long maxBody, long maxDecoded, Duration total, int maxRedirects) {
        /** 10 MB on the wire and decoded, 30 s in all, 5 redirects. */
        public static final Limits DEFAULT = new Limits(10L << 20, 10L << 20, Duration.ofSeconds(30), 5);
    }

    /**
     * A response.
     *
     * @param status  the HTTP status of the last hop
     * @param url     the URL of the last hop (after redirects)
     * @param headers response headers, names lower-cased, first value of each
     * @param body    the decoded body (empty for 304 and HEAD)
     */
    public record Response(int status, String url, Map<String, String> headers, byte[] body) {
        /** A header's value, or {@code null}. */
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** The User-Agent sent with every request. */
    public static final String USER_AGENT = "Precis/0.1 (self-hosted news reader; +https://precis.dev/bot)";

    private static final int MAX_HEADER_BYTES = 64 * 1024;

    private final AddressGuard guard;
    private final Limits limits;

    public WebFetcher(AddressGuard guard, Limits limits) {
        this.guard = guard;
        this.limits = limits;
    }

    public WebFetcher(AddressGuard guard) {
        this(guard, Limits.DEFAULT);
    }

    /** The guard this fetcher checks addresses with. */
    public AddressGuard guard() {
        return guard;
    }

    /**
     * GETs {@code url}, following redirects, with the extra request headers given.
     *
     * @throws FetchException when the URL is refused, the host cannot be reached, a limit is passed or the
     *                        response is not HTTP; the message says which
     */
    public Response get(String url, Map<String, String> headers) throws FetchException {
        long deadline = System.nanoTime() + limits.total().toNanos();
        URI uri = parse(url);
        for (int hop = 0; ; hop++) {
            Response r = once(uri, headers, deadline);
            String location = r.header("location");
            if (!isRedirect(r.status()) || location == null) {
                return r;
            }
            if (hop >= limits.maxRedirects()) {
                throw new FetchException("too many redirects (more than " + limits.maxRedirects() + ")");
            }
            try {
                uri = parse(uri.resolve(new URI(location.strip().replace(" ", "%20"))).toString());
            } catch (URISyntaxException e) {
                throw new FetchException("bad redirect location: " + location);
            }
        }
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

    private Response once(URI uri, Map<String, String> headers, long deadline) throws FetchException {
        boolean tls = uri.getScheme().equalsIgnoreCase("https");
        String host = uri.getHost();
        String bareHost = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
        InetAddress address = resolve(bareHost);
        try (Socket socket = connect(address, port, deadline)) {
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
            return new Response(status, uri.toString(), responseHeaders, body);
        } catch (SocketTimeoutException e) {
            throw new FetchException("timed out after " + limits.total().toSeconds() + " s");
        } catch (IOException e) {
            throw new FetchException("cannot fetch: " + e.getMessage());
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
            if (guard.allows(a)) {
                return a;
            }
        }
        throw new FetchException("refused: " + host + " resolves to a private address (" + all[0].getHostAddress()
                + "); allow with --allow-private-hosts or PRECIS_ALLOW_PRIVATE_HOSTS=1");
    }

    private Socket connect(InetAddress address, int port, long deadline) throws FetchException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(address, port), remainingMillis(deadline));
            // The address connected to, checked again: the one the bytes go to.
            if (!guard.allows(socket.getInetAddress())) {
                throw new FetchException("refused: connected to a private address " + socket.getInetAddress());
            }
            return socket;
        } catch (SocketTimeoutException e) {
            close(socket);
            throw new FetchException("timed out connecting to " + address.getHostAddress());
        } catch (IOException e) {
            close(socket);
            throw new FetchException("cannot connect to " + address.getHostAddress() + ":" + port + " (" + e.getMessage() + ")");
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
        if ("chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", "").strip())) {
            raw = chunked(reading);
        } else if (headers.containsKey("content-length")) {
            long length;
            try {
                length = Long.parseLong(headers.get("content-length").strip());
            } catch (NumberFormatException e) {
                throw new FetchException("bad Content-Length: " + headers.get("content-length"));
            }
            if (length > limits.maxBody()) {
                throw new FetchException(tooLarge(limits.maxBody()));
            }
            raw = reading.bytes(length, false);
        } else {
            raw = reading.bytes(limits.maxBody() + 1, true);
            if (raw.length > limits.maxBody()) {
                throw new FetchException(tooLarge(limits.maxBody()));
            }
        }
        String encoding = headers.getOrDefault("content-encoding", "identity").strip().toLowerCase(Locale.ROOT);
        return switch (encoding) {
            case "gzip", "x-gzip" -> decoded(new GZIPInputStream(new ByteArrayInputStream(raw)));
            case "deflate" -> inflate(raw);
            default -> raw;
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
            if (out.size() + size > limits.maxBody()) {
                throw new FetchException(tooLarge(limits.maxBody()));
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
            byte[] out = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxDecoded() + 1));
            if (out.length > limits.maxDecoded()) {
                throw new FetchException("refused: decompressed body larger than " + (limits.maxDecoded() >> 20)
                        + " MB (compression bomb)");
            }
            return out;
        } catch (EOFException e) {
            throw new FetchException("truncated compressed body");
        }
    }

    private static String tooLarge(long max) {
        return "refused: body larger than " + (max >> 20) + " MB";
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
