package dev.precis.feeds;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;

/** The paragraphs of a feed entry's HTML content: its block elements' text, or its whole text. */
final class EntryText {

    private EntryText() {
    }

    static List<String> paragraphs(String html) {
        if (html == null || html.isBlank()) {
            return List.of();
        }
        Document doc = Jsoup.parseBodyFragment(html);
        doc.select("script, style, iframe, object, embed, form, figure figcaption").remove();
        List<String> out = new ArrayList<>();
        for (Element block : doc.body().select("p, li, h1, h2, h3, h4, h5, h6, blockquote, pre")) {
            if (block.selectFirst("p, li, blockquote") != null) {
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
}
