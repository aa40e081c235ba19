package dev.precis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precis.fetch.TestWeb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeedsCommandTest {

    @TempDir
    Path dir;
    TestWeb web;

    @BeforeEach
    void start() throws Exception {
        web = TestWeb.start();
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            items.append("<item><guid>g").append(i).append("</guid><link>").append(web.url("/a" + i))
                    .append("</link><title>Story ").append(i).append("</title><description><![CDATA[")
                    .append(("<p>Story " + i + " tells how the town council voted on the new bridge and what the "
                            + "residents of both banks of the river said about the toll that will pay for it.</p>").repeat(6))
                    .append("]]></description></item>");
        }
        web.page("/feed.xml", "application/rss+xml", "<rss version=\"2.0\"><channel><title>Town News</title>"
                + "<link>" + web.url("/") + "</link>" + items + "</channel></rss>");
        web.page("/", "text/html", "<html><head><title>Town</title><link rel=\"alternate\" "
                + "type=\"application/rss+xml\" href=\"/feed.xml\"></head><body>Welcome</body></html>");
        web.page("/plain", "text/plain", "nothing to see");
    }

    @AfterEach
    void stop() {
        web.close();
    }

    private CliRun run(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--data";
        all[args.length + 1] = dir.resolve("data").toString();
        return CliRun.of(all);
    }

    private static JsonNode lastLine(String out) throws Exception {
        String[] lines = out.strip().split("\n");
        return Json.MAPPER.readTree(lines[lines.length - 1]);
    }

    @Test
    void subscribesPollsListsExportsAndImports() throws Exception {
        CliRun refused = run("feeds", "add", web.url("/"));
        assertEquals(ExitCodes.BAD_INPUT, refused.exit());
        assertTrue(refused.err().startsWith("precis: " + web.url("/") + ": refused: 127.0.0.1 resolves to the private"),
                refused.err());

        CliRun add = run("feeds", "add", "--allow-private-hosts", web.url("/"), web.url("/plain"));
        assertEquals(ExitCodes.BAD_INPUT, add.exit(), add.err());
        assertTrue(add.out().startsWith("1\t" + web.url("/feed.xml") + "\tTown News\trss_2.0, 3 entries"), add.out());
        assertEquals("precis: " + web.url("/plain") + ": not a feed: neither XML nor JSON\n", add.err());

        JsonNode before = lastLine(run("feeds", "list", "--json").out());
        assertEquals(1, before.get("count").asInt());
        assertTrue(before.get("feeds").get(0).get("last_fetch").isNull());

        CliRun poll = run("poll", "--allow-private-hosts", "--delay", "0", "--json");
        assertEquals(ExitCodes.OK, poll.exit(), poll.err());
        JsonNode summary = lastLine(poll.out());
        assertEquals(3, summary.get("added").asInt());
        assertEquals(1, summary.get("requests").asInt());

        JsonNode after = lastLine(run("feeds", "list", "--json").out()).get("feeds").get(0);
        assertEquals(3, after.get("articles").asInt());
        assertTrue(after.get("last_error").isNull());
        assertTrue(run("feeds", "list").out().contains("\t3\t"));

        CliRun export = run("feeds", "export");
        assertTrue(export.out().contains("xmlUrl=\"" + web.url("/feed.xml") + "\""), export.out());
        Path opml = dir.resolve("subs.opml");
        Files.writeString(opml, export.out());

        assertEquals("removed feed 1\n", run("feeds", "remove", "1").out());
        CliRun missing = run("feeds", "remove", "1");
        assertEquals(ExitCodes.BAD_INPUT, missing.exit());
        assertEquals("precis: 1: no such feed\n", missing.err());

        CliRun imported = run("feeds", "import", opml.toString());
        assertEquals("imported 1 feeds (0 already subscribed) from " + opml + "\n", imported.out());
        assertEquals(1, lastLine(run("feeds", "list", "--json").out()).get("count").asInt());
        CliRun bad = run("feeds", "import", dir.resolve("nope.opml").toString());
        assertEquals(ExitCodes.BAD_INPUT, bad.exit());
        assertTrue(bad.err().endsWith("nope.opml: no such file\n"), bad.err());
    }
}
