package dev.precis.article.html;

import dev.precis.article.PageChrome;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the chosen content elements into paragraphs: every block element (paragraph, heading,
 * list item, quote, table cell, division) starts a new one, {@code <br>} breaks a line, inline
 * text joins. Blocks that are mostly links, page chrome ({@link PageChrome}), bylines, lone dates
 * or the headline again are dropped. The walk is a {@link NodeTraversor}, so depth costs no stack.
 */
final class BodyText {

    private static final Set<String> BLOCKS = Set.of("address", "article", "blockquote", "dd", "div", "dl", "dt",
            "figure", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "ol", "p", "pre", "section",
            "table", "tr", "ul", "caption", "center", "details", "summary");
    private static final Set<String> CONTAINERS = Set.of("div", "section", "ul", "ol", "table", "dl", "article");
    private static final Pattern BYLINE = Pattern.compile(
            "(?iu)^(by|written by|words by|von|par|por|di|door|av|af|автор|текст)[:\\s]+\\p{Lu}[\\p{L}.'’-]*(\\s+[\\p{L}.'’-]+){0,5}"
                    + "(\\s*(,|and|&|und|et|y|e)\\s*\\p{Lu}[\\p{L}.'’-]*(\\s+[\\p{L}.'’-]+){0,4})*"
                    + "(\\s*[,|•·-]\\s*.{0,60})?$");
    private static final Pattern LONE_DATE = Pattern.compile(
            "(?iu)^((published|updated|posted|last updated|first published|modified|date)[:\\s]+)?"
                    + "(on\\s+)?[\\p{L}]*,?\\s*(\\d{1,2}(st|nd|rd|th)?\\s+)?\\p{L}{3,9}\\.?\\s+\\d{1,2}(st|nd|rd|th)?,?\\s+\\d{4}"
                    + "([\\s,|at-]+\\d{1,2}[:.]\\d{2}\\s*(am|pm|a\\.m\\.|p\\.m\\.)?\\s*\\p{Lu}{0,5})?$"
                    + "|^((published|updated|posted)[:\\s]+)?\\d{1,4}[./-]\\d{1,2}[./-]\\d{1,4}([\\sT,]+\\d{1,2}:\\d{2}.{0,12})?$");

    /** Page chrome is short: longer paragraphs are not matched against the chrome rules. */
    private static final int MAX_CHROME_CHARS = 160;

    /** One output block. */
    record Block(String text, String tag, int linkChars) {
    }

    private final ContentScorer measure;
    private final PageChrome chrome;
    private final String title;
    private final List<String> bylines = new ArrayList<>();
    private boolean pruneLinkBlocks = true;

    BodyText(ContentScorer measure, PageChrome chrome, String title) {
        this.measure = measure;
        this.chrome = chrome;
        this.title = title == null ? null : squash(title);
    }

    /** The byline lines ("By Ann Lee") dropped from the body by the last {@link #paragraphs} call. */
    List<String> bylines() {
        return bylines;
    }

    /** Keeps link-heavy containers too (for the last-resort pass over a whole page). */
    BodyText keepLinkBlocks() {
        pruneLinkBlocks = false;
        return this;
    }

    /** The kept paragraphs of the given elements, in order. */
    List<String> paragraphs(List<Element> roots) {
        List<Block> blocks = new ArrayList<>();
        for (Element root : roots) {
            collect(root, blocks);
        }
        return filter(blocks);
    }

    private void collect(Element root, List<Block> blocks) {
        StringBuilder text = new StringBuilder();
        int[] links = {0};
        String[] tag = {root.normalName()};
        int[] inLink = {0};
        int[] inPre = {0};
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    String s = inPre[0] > 0 ? t.getWholeText() : collapse(t.getWholeText(), text);
                    text.append(s);
                    if (inLink[0] > 0) {
                        links[0] += ContentScorer.nonSpace(s);
                    }
                    return FilterResult.CONTINUE;
                }
                if (!(node instanceof Element e)) {
                    return FilterResult.CONTINUE;
                }
                if (e != root && skip(e)) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                String name = e.normalName();
                if (name.equals("br")) {
                    text.append('\n');
                } else if (name.equals("td") || name.equals("th")) {
                    text.append(' ');
                } else if (BLOCKS.contains(name)) {
                    flush(text, tag[0], links, blocks);
                    tag[0] = name;
                } else if (name.equals("a")) {
                    inLink[0]++;
                }
                if (name.equals("pre")) {
                    inPre[0]++;
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element e) {
                    String name = e.normalName();
                    if (name.equals("a")) {
                        inLink[0]--;
                    } else if (BLOCKS.contains(name)) {
                        flush(text, tag[0], links, blocks);
                    }
                    if (name.equals("pre")) {
                        inPre[0]--;
                    }
                }
                return FilterResult.CONTINUE;
            }
        }, root);
        flush(text, tag[0], links, blocks);
    }

    private static String collapse(String raw, StringBuilder before) {
        StringBuilder out = new StringBuilder(raw.length());
        boolean space = before.isEmpty() || Character.isWhitespace(before.charAt(before.length() - 1));
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00a0') {
                if (!space) {
                    out.append(' ');
                    space = true;
                }
            } else {
                out.append(c);
                space = false;
            }
        }
        return out.toString();
    }

    private boolean skip(Element e) {
        String name = e.normalName();
        if (name.equals("h1") && title != null) {
            String h = squash(e.text());
            if (!h.isEmpty() && (title.contains(h) || h.contains(title))) {
                return true;
            }
        }
        if (pruneLinkBlocks && CONTAINERS.contains(name)) {
            int len = measure.textLength(e);
            double ld = measure.linkDensity(e);
            if (len > 0 && (ld > 0.5 || ld > 0.33 && len < 200) && measure.weight(e) < 25) {
                return true;
            }
        }
        return false;
    }

    private static void flush(StringBuilder text, String tag, int[] links, List<Block> blocks) {
        String s = text.toString().strip();
        if (!s.isEmpty()) {
            s = s.replaceAll(" *\n[\\s\n]*", "\n");
            blocks.add(new Block(s, tag, links[0]));
        }
        text.setLength(0);
        links[0] = 0;
    }

    private List<String> filter(List<Block> blocks) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            String text = b.text();
            int len = ContentScorer.nonSpace(text);
            if (len == 0) {
                continue;
            }
            if (b.linkChars() > len * 0.6 && !(len > 200 && b.linkChars() < len * 0.8)) {
                continue;
            }
            int drop = text.length() <= MAX_CHROME_CHARS ? chrome.chromeLines(text) : 0;
            if (drop > 0) {
                if (drop == 2 && i + 1 < blocks.size() && blocks.get(i + 1).text().length() < 200) {
                    i++;
                }
                continue;
            }
            if (text.length() < 120 && BYLINE.matcher(text).matches()) {
                bylines.add(text);
                continue;
            }
            if (text.length() < 120 && LONE_DATE.matcher(text).matches()) {
                continue;
            }
            if (title != null && text.length() < 400 && squash(text).equals(title)) {
                continue;
            }
            if (text.length() < 100 || seen.add(text)) {
                out.add(text);
            }
        }
        return out;
    }

    /** Lower-case letters and digits only, for comparing headlines. */
    static String squash(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.toLowerCase(Locale.ROOT).codePoints().filter(Character::isLetterOrDigit).forEach(b::appendCodePoint);
        return b.toString();
    }
}
