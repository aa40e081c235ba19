package dev.precis.article.html;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Turns the bytes of a web page into text, choosing the charset as browsers do (WHATWG
 * "encoding sniffing", simplified): a byte-order mark first, then the {@code charset} parameter
 * of the HTTP {@code Content-Type} header, then a {@code <meta charset>} or
 * {@code <meta http-equiv="Content-Type">} in the first 4 KB, then UTF-8 when the bytes are valid
 * UTF-8, else windows-1252. Gzip data (magic {@code 1f 8b}) is inflated first, up to a cap.
 */
public final class PageDecoder {

    /** The largest inflated page accepted, in bytes. */
    public static final int MAX_BYTES = 16 * 1024 * 1024;
    private static final Pattern HEADER_CHARSET = Pattern.compile("(?i)charset\\s*=\\s*[\"']?([\\w.:-]+)");
    private static final Pattern META_CHARSET = Pattern.compile(
            "(?i)<meta[^>]+charset\\s*=\\s*[\"']?\\s*([\\w.:-]+)");

    private PageDecoder() {
    }

    /**
     * The page's text.
     *
     * @param bytes       the page as received or stored, possibly gzip-compressed
     * @param contentType the HTTP Content-Type header value, or {@code null}
     * @throws IllegalArgumentException when gzip data is broken or inflates beyond {@link #MAX_BYTES}
     */
    public static String decode(byte[] bytes, String contentType) {
        byte[] data = isGzip(bytes) ? gunzip(bytes) : bytes;
        Charset charset = byteOrderMark(data);
        int skip = charset == null ? 0 : charset.equals(StandardCharsets.UTF_8) ? 3 : 2;
        if (charset == null && contentType != null) {
            charset = named(HEADER_CHARSET.matcher(contentType));
        }
        if (charset == null) {
            String head = new String(data, 0, Math.min(data.length, 4096), StandardCharsets.ISO_8859_1);
            charset = named(META_CHARSET.matcher(head));
            if (charset != null && (charset.equals(StandardCharsets.UTF_16BE) || charset.equals(StandardCharsets.UTF_16LE)
                    || charset.name().equals("UTF-16"))) {
                charset = StandardCharsets.UTF_8; // a meta tag readable as ASCII cannot be UTF-16
            }
        }
        if (charset == null) {
            charset = validUtf8(data) ? StandardCharsets.UTF_8 : Charset.forName("windows-1252");
        }
        return new String(data, skip, data.length - skip, charset);
    }

    /**
     * The charset a byte-order mark at the start names (UTF-8 with a 3-byte mark, UTF-16BE or
     * UTF-16LE with a 2-byte one), or {@code null} without a mark.
     */
    public static Charset byteOrderMark(byte[] data) {
        if (data.length >= 3 && (data[0] & 0xFF) == 0xEF && (data[1] & 0xFF) == 0xBB && (data[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (data.length >= 2 && (data[0] & 0xFF) == 0xFE && (data[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (data.length >= 2 && (data[0] & 0xFF) == 0xFF && (data[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    /** Whether the bytes start with the gzip magic number. */
    public static boolean isGzip(byte[] bytes) {
        return bytes.length >= 2 && (bytes[0] & 0xFF) == 0x1F && (bytes[1] & 0xFF) == 0x8B;
    }

    /** Inflates gzip data, refusing more than {@link #MAX_BYTES}. */
    public static byte[] gunzip(byte[] bytes) {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes), 65536)) {
            return readCapped(in, MAX_BYTES);
        } catch (IOException e) {
            throw new IllegalArgumentException("broken gzip data: " + e.getMessage(), e);
        }
    }

    /** Reads a stream to its end, refusing more than {@code max} bytes. */
    public static byte[] readCapped(InputStream in, int max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[65536];
        long total = 0;
        for (int n; (n = in.read(buf)) > 0; ) {
            total += n;
            if (total > max) {
                throw new IllegalArgumentException("page is larger than " + (max >> 20) + " MB");
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    private static Charset named(Matcher m) {
        if (!m.find()) {
            return null;
        }
        String name = m.group(1).toLowerCase(Locale.ROOT);
        if (name.equals("iso-8859-1") || name.equals("latin1") || name.equals("us-ascii") || name.equals("ascii")) {
            name = "windows-1252"; // what browsers decode these labels as
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    private static boolean validUtf8(byte[] data) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
