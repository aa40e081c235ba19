package dev.precis.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PortableTextTest {

    @Test
    void replacesWhatDatabasesAndXmlRefuseOneForOne() {
        String hostile = "a\u0000b\u0001c\u001bd\ud800e\udc00f\ufffeg\uffffh";
        String portable = PortableText.of(hostile);
        assertEquals("a\ufffdb\ufffdc\ufffdd\ufffde\ufffdf\ufffdg\ufffdh", portable);
        assertEquals(hostile.length(), portable.length(), "offsets into the text stay valid");
        assertFalse(PortableText.is(hostile));
        assertTrue(PortableText.is(portable));
        assertEquals("\ufffd", PortableText.of("\ud83d"), "a high surrogate at the end has no partner");
    }

    @Test
    void keepsEverythingElseAsItIs() {
        String fine = "Tab\there, lines\r\nand \u00e9, \u6e2f, \ud83d\udea2 and \u2028.";
        assertSame(fine, PortableText.of(fine));
        assertTrue(PortableText.is(fine));
        assertNull(PortableText.of(null));
    }

    @Test
    void aMessageIsOneLineATerminalOnlyPrints() {
        assertEquals("token 'a\\u0000\\u001bc' at line\\u000a2 \ufffd x", PortableText.line("token 'a\u0000\u001bc' at line\n2\t\ud800 x"));
        assertEquals("C1 \\u009b and DEL \\u007f", PortableText.line("C1 \u009b and DEL \u007f"));
        assertNull(PortableText.line(null));
    }
}
