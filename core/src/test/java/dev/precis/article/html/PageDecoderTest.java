package dev.precis.article.html;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PageDecoderTest {

    private static final String RUSSIAN = "<p>Привет, мир</p>";
    private static final String FRENCH = "<p>Café déjà vu à l'été</p>";

    @Test
    void metaCharsetDecidesWithoutHeader() {
        byte[] bytes = ("<html><head><meta charset=\"windows-1251\"></head><body>" + RUSSIAN + "</body></html>")
                .getBytes(Charset.forName("windows-1251"));
        assertTrue(PageDecoder.decode(bytes, null).contains("Привет, мир"));
    }

    @Test
    void httpEquivMetaIsRead() {
        byte[] bytes = ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"></head><body>"
                + FRENCH + "</body></html>").getBytes(StandardCharsets.ISO_8859_1);
        assertTrue(PageDecoder.decode(bytes, null).contains("Café déjà vu à l'été"));
    }

    @Test
    void headerCharsetWinsOverMeta() {
        byte[] bytes = ("<html><head><meta charset=\"utf-8\"></head><body>" + RUSSIAN + "</body></html>")
                .getBytes(Charset.forName("KOI8-R"));
        assertTrue(PageDecoder.decode(bytes, "text/html; charset=KOI8-R").contains("Привет, мир"));
    }

    @Test
    void byteOrderMarkWinsOverEverything() {
        byte[] body = ("<html><head><meta charset=\"windows-1252\"></head><body>" + FRENCH + "</body></html>")
                .getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[body.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(body, 0, bytes, 2, body.length);
        String text = PageDecoder.decode(bytes, "text/html; charset=iso-8859-1");
        assertTrue(text.startsWith("<html>"), text);
        assertTrue(text.contains("Café déjà vu"));
    }

    @Test
    void undeclaredBytesAreUtf8WhenValidElseWindows1252() {
        assertTrue(PageDecoder.decode(FRENCH.getBytes(StandardCharsets.UTF_8), null).contains("Café déjà"));
        assertTrue(PageDecoder.decode(("<p>“smart” café</p>").getBytes(Charset.forName("windows-1252")), null)
                .contains("“smart” café"));
    }

    @Test
    void gzipIsInflated() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(("<html><body>" + RUSSIAN + "</body></html>").getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(PageDecoder.decode(out.toByteArray(), null).contains("Привет, мир"));
    }

    @Test
    void aGzipBombIsCutOffAtTheCap() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < (PageDecoder.MAX_BYTES >> 20) + 48; i++) {
                gz.write(zeros);
            }
        }
        assertTrue(out.size() < 200_000);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PageDecoder.decode(out.toByteArray(), null));
        assertEquals("page is larger than 16 MB", e.getMessage());
    }

    @Test
    void brokenGzipIsAClearError() {
        byte[] bytes = {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PageDecoder.decode(bytes, null));
        assertTrue(e.getMessage().contains("gzip"), e.getMessage());
    }

    @Test
    void unknownCharsetLabelFallsBackToSniffing() {
        byte[] bytes = ("<meta charset=\"no-such-charset\"><p>" + "naïve" + "</p>").getBytes(StandardCharsets.UTF_8);
        assertEquals("<meta charset=\"no-such-charset\"><p>naïve</p>", PageDecoder.decode(bytes, "text/html; charset=bogus"));
    }
}
