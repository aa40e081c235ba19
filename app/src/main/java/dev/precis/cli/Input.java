package dev.precis.cli;

import dev.precis.article.html.PageDecoder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * One named input read into memory as text: a file or standard input ({@code -}), checked on
 * the way in so that a bad input gets one clear line rather than a stack trace.
 *
 * <p>Refused: missing files, folders, unreadable files, empty input, binary data, text that is
 * not UTF-8 (a UTF-16 byte-order mark is honoured), and anything over {@link #MAX_BYTES}
 * (after gunzipping {@code .gz} files), which keeps memory bounded.
 *
 * @param name the input as the user gave it
 * @param kind the kind of content, from the file name: {@code txt}, {@code md}, {@code html}, {@code jsonl}
 * @param text the decoded text
 */
public record Input(String name, String kind, String text) {

    private static final java.util.regex.Pattern HTML_START = java.util.regex.Pattern.compile(
            "(?is)^\\s*(<\\?xml[^>]*>\\s*)?(<!--.*?-->\\s*)*<(!doctype\\s+html|html|head|body|meta|title)\\b");

    /** The largest input accepted, in bytes. */
    public static final int MAX_BYTES = 16 * 1024 * 1024;

    /** Reads a file path, or standard input for {@code -}. */
    public static Input load(String spec) {
        if (spec.equals("-")) {
            try {
                byte[] bytes = readCapped("-", System.in);
                String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
                return looksLikeHtml(head) ? html("-", bytes, null) : fromBytes("-", "txt", bytes);
            } catch (IOException e) {
                throw new BadInputException("-", "cannot read standard input: " + e.getMessage());
            }
        }
        Path path = Path.of(spec);
        if (Files.isDirectory(path)) {
            throw new BadInputException(spec, "is a folder, not a file");
        }
        if (!Files.exists(path)) {
            throw new BadInputException(spec, "no such file");
        }
        String lower = spec.toLowerCase(Locale.ROOT);
        boolean gz = lower.endsWith(".gz");
        String kind = kindOf(gz ? lower.substring(0, lower.length() - 3) : lower);
        try (InputStream raw = Files.newInputStream(path)) {
            InputStream in = gz ? new GZIPInputStream(raw, 65536) : raw;
            byte[] bytes = readCapped(spec, in);
            return kind.equals("html") ? html(spec, bytes, null) : fromBytes(spec, kind, bytes);
        } catch (AccessDeniedException e) {
            throw new BadInputException(spec, "permission denied");
        } catch (NoSuchFileException e) {
            throw new BadInputException(spec, "no such file");
        } catch (java.util.zip.ZipException e) {
            throw new BadInputException(spec, "is not valid gzip data");
        } catch (IOException e) {
            throw new BadInputException(spec, "cannot read: " + e.getMessage());
        }
    }

    /** Checks and decodes bytes that came from {@code name}. */
    public static Input fromBytes(String name, String kind, byte[] bytes) {
        String text = decode(name, bytes);
        if (text.isBlank()) {
            throw new BadInputException(name, "is empty");
        }
        return new Input(name, kind, text);
    }

    /**
     * A web page's bytes, decoded by the page's own charset rules ({@link PageDecoder}: byte-order
     * mark, the Content-Type header's charset, {@code <meta charset>}, else UTF-8 or windows-1252).
     */
    public static Input html(String name, byte[] bytes, String contentType) {
        if (PageDecoder.byteOrderMark(bytes) == null && !PageDecoder.isGzip(bytes) && looksBinary(bytes)) {
            throw new BadInputException(name, "looks like binary data, not text");
        }
        String text;
        try {
            text = PageDecoder.decode(bytes, contentType);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(name, e.getMessage());
        }
        if (text.isBlank()) {
            throw new BadInputException(name, "is empty");
        }
        if (looksBinary(text)) {
            throw new BadInputException(name, "looks like binary data, not text");
        }
        return new Input(name, "html", text);
    }

    /** Whether text starts as a web page does (doctype, or an html, head, body, meta or title tag). */
    static boolean looksLikeHtml(String text) {
        return HTML_START.matcher(text).find();
    }

    private static String kindOf(String lowerName) {
        if (lowerName.endsWith(".html") || lowerName.endsWith(".htm") || lowerName.endsWith(".xhtml")) {
            return "html";
        }
        if (lowerName.endsWith(".md") || lowerName.endsWith(".markdown")) {
            return "md";
        }
        if (lowerName.endsWith(".jsonl") || lowerName.endsWith(".ndjson")) {
            return "jsonl";
        }
        return "txt";
    }

    private static byte[] readCapped(String name, InputStream in) throws IOException {
        try {
            return PageDecoder.readCapped(in, MAX_BYTES);
        } catch (IllegalArgumentException tooLarge) {
            throw new BadInputException(name, "is larger than " + (MAX_BYTES >> 20) + " MB");
        }
    }

    private static String decode(String name, byte[] bytes) {
        java.nio.charset.Charset bom = PageDecoder.byteOrderMark(bytes);
        java.nio.charset.Charset charset = bom == null ? StandardCharsets.UTF_8 : bom;
        int offset = bom == null ? 0 : bom.equals(StandardCharsets.UTF_8) ? 3 : 2;
        if (bom == null && looksBinary(bytes)) {
            throw new BadInputException(name, "looks like binary data, not text");
        }
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        try {
            String text = decoder.decode(buffer).toString();
            if (looksBinary(text)) {
                throw new BadInputException(name, "looks like binary data, not text");
            }
            return text;
        } catch (CharacterCodingException e) {
            throw new BadInputException(name, "is not valid " + charset.displayName() + " text (bad bytes at offset " + buffer.position() + ")");
        }
    }

    private static boolean looksBinary(byte[] bytes) {
        int n = Math.min(bytes.length, 8192);
        for (int i = 0; i < n; i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean looksBinary(String text) {
        int n = Math.min(text.length(), 8192);
        int control = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' || c == 0xFFFD) {
                control++;
            }
        }
        return n > 0 && control * 20 > n;
    }
}
