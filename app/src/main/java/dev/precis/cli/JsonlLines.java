package dev.precis.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The lines of a JSONL stream, strict UTF-8, ended by {@code \n}, {@code \r} or {@code \r\n}, with
 * a cap on a line's length: a longer line is read through but not kept, so a file of any size,
 * or a gzip bomb of one endless line, costs at most the cap in memory.
 */
final class JsonlLines {

    /** The longest line kept, in chars: the size limit of one input file. */
    static final int MAX_CHARS = Input.MAX_BYTES;

    private final Reader in;
    private final char[] buf = new char[1 << 16];
    private final int maxChars;
    private int pos;
    private int len;
    private boolean afterCr;
    private boolean tooLong;

    JsonlLines(InputStream in) {
        this(in, MAX_CHARS);
    }

    JsonlLines(InputStream in, int maxChars) {
        this.in = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        this.maxChars = maxChars;
    }

    /**
     * The next line without its terminator, or {@code null} at the end of the stream; empty when the
     * line was longer than the cap ({@link #tooLong()}).
     *
     * @throws java.nio.charset.CharacterCodingException at bytes that are not UTF-8
     */
    String next() throws IOException {
        tooLong = false;
        StringBuilder line = new StringBuilder();
        boolean any = false;
        while (true) {
            if (pos == len) {
                len = in.read(buf);
                pos = 0;
                if (len <= 0) {
                    len = 0;
                    return !any ? null : tooLong ? "" : line.toString();
                }
            }
            char c = buf[pos++];
            if (afterCr) {
                afterCr = false;
                if (c == '\n') {
                    continue;
                }
            }
            if (c == '\n' || c == '\r') {
                afterCr = c == '\r';
                return tooLong ? "" : line.toString();
            }
            any = true;
            if (tooLong) {
                continue;
            }
            if (line.length() < maxChars) {
                line.append(c);
            } else {
                tooLong = true;
                line = new StringBuilder();
            }
        }
    }

    /** Whether the line {@link #next} returned last was longer than the cap. */
    boolean tooLong() {
        return tooLong;
    }
}
