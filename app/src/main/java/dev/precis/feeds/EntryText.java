package dev.precis.feeds;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

import java.util.ArrayList;
import java.util.List;

/** The paragraphs of a feed entry's HTML content: its block elements' text, or its whole text. */
final class EntryText {

    // Compiled once: jsoup parses a query string anew on every select(String) call.
    private static final Evaluator NOT_TEXT =
            QueryParser.parse("script, style, iframe, object, embed, form, figure figcaption");
    private static final Evaluator BLOCKS = QueryParser.parse("p, li, h1, h2, h3, h4, h5, h6, blockquote, pre");
    private static final Evaluator OUTER_BLOCKS = QueryParser.parse("p, li, blockquote");

    private EntryText() {
    }

    static List<String> paragraphs(String html) {
        if (html == null || html.isBlank()) {
            return List.of();
        }
        Document doc = Jsoup.parseBodyFragment(html);
        doc.select(NOT_TEXT).remove();
        List<String> out = new ArrayList<>();
        for (Element block : doc.body().select(BLOCKS)) {
            if (hasInnerBlock(block)) {
                continue; // its inner blocks are taken one by one
            }
            String t = block.text().strip();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        if (out.isEmpty()) {
            for (String t : doc.body().wholeText().split("\\n\\s*\\n")) {
                String p = t.strip().replaceAll("\\s+", " ");
                if (!p.isEmpty()) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    private static boolean hasInnerBlock(Element block) {
        for (Element child : block.getAllElements()) {
            if (child != block && OUTER_BLOCKS.matches(block, child)) {
                return true;
            }
        }
        return false;
    }
}
