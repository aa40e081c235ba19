package dev.precis.web;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

import java.util.ArrayList;
import java.util.List;

/**
 * OPML subscription lists: every {@code <outline xmlUrl=…>} becomes a feed. Parsed with jsoup's
 * XML parser, which neither resolves external entities nor expands DTDs.
 */
final class Opml {

    /** What an import did: feeds added, and addresses refused with the reason. */
    record Result(int added, List<String> refused) {
    }

    private Opml() {
    }

    static Result importInto(Newsroom room, String xml) {
        if (xml == null || !xml.contains("<opml")) {
            throw new IllegalArgumentException("not an OPML file (no <opml> element)");
        }
        Document doc = Jsoup.parse(xml, "", Parser.xmlParser());
        int added = 0;
        List<String> refused = new ArrayList<>();
        for (Element outline : doc.select("outline[xmlUrl]")) {
            String url = outline.attr("xmlUrl");
            String title = outline.hasAttr("title") ? outline.attr("title") : outline.attr("text");
            try {
                room.addFeed(FeedAddress.check(url), title.isBlank() ? null : title);
                added++;
            } catch (IllegalArgumentException e) {
                refused.add(url + " (" + e.getMessage() + ")");
            }
        }
        return new Result(added, refused);
    }
}
