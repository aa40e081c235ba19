package dev.precis.spark;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptionsTest {

    @Test
    void readsOptionsAndTwoPaths() {
        PrecisBatch.Options o = PrecisBatch.Options.parse(new String[]{
                "--master", "local[2]", "in.jsonl", "--format", "jsonl", "--partitions", "4", "--story-threshold", "0.4", "out"});
        assertEquals("local[2]", o.master);
        assertEquals("jsonl", o.format);
        assertEquals(4, o.partitions);
        assertEquals(0.4, o.threshold);
        assertEquals("in.jsonl", o.input);
        assertEquals("out", o.output);
    }

    @Test
    void rejectsBadOptionsWithOneLineMessages() {
        assertMessage("needs INPUT and OUTPUT", "in.jsonl");
        assertMessage("--format must be", "--format", "csv", "a", "b");
        assertMessage("positive whole number", "--partitions", "0", "a", "b");
        assertMessage("must be in (0, 1]", "--story-threshold", "2", "a", "b");
        assertMessage("unknown option --fast", "--fast", "a", "b");
        assertMessage("--master needs a value", "a", "b", "--master");
    }

    @Test
    void helpNeedsNoPaths() {
        assertTrue(PrecisBatch.Options.parse(new String[]{"--help"}).help);
    }

    private static void assertMessage(String part, String... args) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PrecisBatch.Options.parse(args));
        assertTrue(e.getMessage().contains(part), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
    }
}
