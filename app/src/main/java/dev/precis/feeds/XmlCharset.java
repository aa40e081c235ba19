package dev.precis.feeds;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes a feed body to text, choosing the charset the way the bytes justify rather than the way the
 * server claims: a byte-order mark first; then UTF-8 when the bytes are valid UTF-8 (servers and XML
 * prologs often lie about UTF-8 content, and valid UTF-8 is almost never an accident); then the XML
 * prolog's {@code encoding}, which the producer of the bytes wrote; then the HTTP {@code charset};
 * then windows-1252, which decodes anything.
 */
public final class XmlCharset {

    private static final Pattern PROLOG_ENCODING =
            Pattern.compile("^\\s*<\\?xml[^>]*encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");
    private static final Pattern HEADER_CHARSET = Pattern.compile("charset\\s*=\\s*\"?([A-Za-z0-9._:-]+)");

    private XmlCharset() {
    }

    /** The body as text, without a byte-order mark. */
    public static String decode(byte[] body, String contentType) {
        if (startsWith(body, 0xEF, 0xBB, 0xBF)) {
            return new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        }
        if (startsWith(body, 0xFE, 0xFF)) {
            return new String(body, 2, body.length - 2, StandardCharsets.UTF_16BE);
        }
        if (startsWith(body, 0xFF, 0xFE)) {
            return new String(body, 2, body.length - 2, StandardCharsets.UTF_16LE);
        }
        String utf8 = strictUtf8(body);
        if (utf8 != null) {
            return utf8;
        }
        String head = new String(body, 0, Math.min(body.length, 256), StandardCharsets.ISO_8859_1);
        Charset declared = charset(PROLOG_ENCODING.matcher(head));
        if (declared == null && contentType != null) {
            declared = charset(HEADER_CHARSET.matcher(contentType.toLowerCase(Locale.ROOT)));
        }
        if (declared == null || declared.equals(StandardCharsets.UTF_8)) {
            declared = Charset.forName("windows-1252");
        }
        return new String(body, declared);
    }

    /** The charset a prolog or header names, or {@code null} when none or unknown. */
    private static Charset charset(Matcher m) {
        if (!m.find()) {
            return null;
        }
        try {
            return Charset.forName(m.group(1));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static String strictUtf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean startsWith(byte[] body, int... prefix) {
        if (body.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((body[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
