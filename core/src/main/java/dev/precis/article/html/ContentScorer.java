package dev.precis.article.html;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the element that holds an article's body by content scoring, after Arc90's Readability
 * (as in Mozilla's Readability.js): every paragraph-like element with enough text scores by its
 * length and commas and passes the score to its parent (in full), grandparent (half) and further
 * ancestors (less); class and id names that hint at content or at page furniture add or subtract;
 * the score is scaled down by the element's link density. Siblings of the winner that look like
 * more of the same article are joined to it.
 *
 * <p>Text lengths and link lengths of all elements are computed in one pass over the document in
 * reverse order (children before parents), so scoring is linear in the page and never recursive.
 */
final class ContentScorer {

    private static final Keywords NEGATIVE = new Keywords(
            "-ad-|\\bad\\b|\\bads\\b|advert|banner|breadcrumb|combx|comment|community|cover-wrap|disqus|extra|foot"
                    + "|gdpr|masthead|media|meta|outbrain|promo|related|recommend|scroll|shoutbox|sidebar|skyscraper"
                    + "|sponsor|shopping|tag\\b|tags\\b|tool|widget|share|social|newsletter|subscribe|signup|popup|modal"
                    + "|byline|author|caption|credit|dateline|timestamp|pagination|pager|next|prev|teaser|most-read|mostread"
                    + "|trending|cookie|consent|paywall|login|nav\\b|menu|header");
    private static final Keywords POSITIVE = new Keywords(
            "article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|prose|rich-text|richtext");
    private static final Keywords BODY_HINT = new Keywords(
            "article-body|articlebody|article__body|articlebody|article-content|article__content|article-text|entry-content"
                    + "|post-content|post-body|post__content|story-body|story-content|storycontent|body-text|bodytext"
                    + "|main-content|text-content|rich-text|richtext|prose|content-body|news-text|article_body|article-main");

    private static final Set<String> SCORABLE = Set.of("p", "pre", "td", "blockquote", "li", "h2", "h3", "h4");
    private static final Set<String> BLOCKS = Set.of("address", "article", "aside", "blockquote", "dd", "div", "dl",
            "dt", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav",
            "ol", "p", "pre", "section", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "ul");

    /** Text length (non-space characters) and link text length of each element. */
    private static final int MAX_CHUNKS = 40;
    private static final int TEXT = 0;
    private static final int LINK = 1;
    private static final int COMMAS = 2;
    private static final int OWN_TEXT = 3;
    private static final int OWN_COMMAS = 4;

    private final Map<Element, int[]> lengths = new IdentityHashMap<>();
    private final Map<String, Integer> weights = new java.util.HashMap<>();
    private final Map<Element, Double> scores = new IdentityHashMap<>();
    private final Elements all;

    /** Measures every element under {@code root}. */
    ContentScorer(Element root) {
        all = root.getAllElements();
        for (int i = all.size() - 1; i >= 0; i--) {
            Element e = all.get(i);
            int text = 0;
            int link = 0;
            int commas = 0;
            int ownText = 0;
            int ownCommas = 0;
            for (Node child : e.childNodes()) {
                if (child instanceof TextNode t) {
                    String s = t.getWholeText();
                    ownText += nonSpace(s);
                    ownCommas += commas(s);
                } else if (child instanceof Element c) {
                    int[] l = lengths.get(c);
                    if (l != null) {
                        text += l[TEXT];
                        link += l[LINK];
                        commas += l[COMMAS];
                    }
                }
            }
            text += ownText;
            commas += ownCommas;
            if (e.nameIs("a")) {
                link = text;
            }
            lengths.put(e, new int[]{text, link, commas, ownText, ownCommas});
        }
    }

    int textLength(Element e) {
        int[] l = lengths.get(e);
        return l == null ? 0 : l[TEXT];
    }

    double linkDensity(Element e) {
        int[] l = lengths.get(e);
        return l == null || l[TEXT] == 0 ? 0 : (double) l[LINK] / l[TEXT];
    }

    static int nonSpace(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > ' ' && c != '\u00a0') {
                n++;
            }
        }
        return n;
    }

    /**
     * Class-and-id weight: +25 for content hints, -25 for furniture hints, +25 more for body names,
     * +50 for {@code itemprop=articleBody}; remembered per distinct class-and-id string of the page.
     */
    int weight(Element e) {
        String names = e.className() + " " + e.id();
        if (names.length() == 1) {
            return "articleBody".equals(e.attr("itemprop")) ? 50 : 0;
        }
        Integer w = weights.get(names);
        if (w == null) {
            w = nameWeight(names);
            weights.put(names, w);
        }
        return w + ("articleBody".equals(e.attr("itemprop")) ? 50 : 0);
    }

    private static int nameWeight(String rawNames) {
        if (rawNames.isBlank()) {
            return 0;
        }
        String names = rawNames.toLowerCase(java.util.Locale.ROOT);
        int w = 0;
        if (NEGATIVE.in(names)) {
            w -= 25;
        }
        if (POSITIVE.in(names)) {
            w += 25;
        }
        if (BODY_HINT.in(names)) {
            w += 25;
        }
        return w;
    }

    /**
     * The best content element under {@code root}, with joined siblings, or an empty list.
     * On a page of several {@code <article>}s, the one holding the headline {@code title} wins
     * when it has a body of its own.
     */
    List<Element> best(Element root, String title) {
        for (Element e : all) {
            boolean scorable = isScorable(e);
            if (!scorable && !e.nameIs("div") && !e.nameIs("section") && !e.nameIs("article")) {
                continue;
            }
            int[] m = lengths.get(e);
            int len = scorable ? m[TEXT] : m[OWN_TEXT];
            if (len < 20) {
                continue;
            }
            double score = 1 + (scorable ? m[COMMAS] : m[OWN_COMMAS]) + Math.min(len / 85, 3);
            Element ancestor = scorable ? e.parent() : e;
            for (int level = 0; ancestor != null && level < 5; level++) {
                if (ancestor.nameIs("html")) {
                    break;
                }
                double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                scores.merge(ancestor, initial(ancestor) + score / divider,
                        (old, add) -> old + score / divider);
                ancestor = ancestor.parent();
            }
        }
        Element top = null;
        double topScore = 0;
        List<Element> ranked = new ArrayList<>();
        for (Map.Entry<Element, Double> entry : scores.entrySet()) {
            double s = entry.getValue() * (1 - linkDensity(entry.getKey()));
            entry.setValue(s);
            ranked.add(entry.getKey());
            if (s > topScore) {
                topScore = s;
                top = entry.getKey();
            }
        }
        if (top == null) {
            return List.of();
        }
        top = climb(top, topScore, ranked);
        Element headlined = headlinedArticle(root, title);
        if (headlined != null && headlined != top && !isAncestor(headlined, top) && !isAncestor(top, headlined)) {
            Element inside = null;
            double insideScore = 0;
            for (Element e : ranked) {
                double s = scores.get(e);
                if ((e == headlined || isAncestor(headlined, e)) && s > insideScore) {
                    inside = e;
                    insideScore = s;
                }
            }
            if (inside != null && (insideScore >= topScore * 0.2 || textLength(inside) >= 400)) {
                return List.of(inside);
            }
        }
        return withCousins(withSiblings(top), top);
    }

    /**
     * Adds elements elsewhere on the page that carry exactly the top element's tag and classes:
     * bodies that the page cuts into chunks between ads or image rails. Returned in page order.
     */
    private List<Element> withCousins(List<Element> chosen, Element top) {
        String cls = top.className().strip();
        if (cls.isEmpty() || top.nameIs("body")) {
            return chosen;
        }
        Element article = top.closest("article");
        Element near = top;
        for (int up = 0; up < 4 && near.parent() != null && !near.parent().nameIs("body"); up++) {
            near = near.parent();
        }
        java.util.Set<Element> inArticle = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        if (article != null) {
            inArticle.addAll(article.getAllElements());
        }
        List<Element> cousins = new ArrayList<>();
        for (Element e : near.getAllElements()) {
            if (e != top && e.normalName().equals(top.normalName()) && e.className().strip().equals(cls)
                    && textLength(e) >= 50 && linkDensity(e) < 0.5 && (article == null || inArticle.contains(e))) {
                cousins.add(e);
                if (cousins.size() > MAX_CHUNKS) {
                    return chosen; // a repeated structure (list items, nested wrappers), not a body in chunks
                }
            }
        }
        if (cousins.isEmpty()) {
            return chosen;
        }
        java.util.Set<Element> keep = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        keep.addAll(chosen);
        for (Element c : cousins) {
            boolean nested = false;
            for (Element k : keep) {
                if (isAncestor(k, c) || isAncestor(c, k)) {
                    nested = true;
                    break;
                }
            }
            if (!nested) {
                keep.add(c);
            }
        }
        List<Element> out = new ArrayList<>();
        for (Element e : all) {
            if (keep.contains(e)) {
                out.add(e);
            }
        }
        return out;
    }

    private static Element headlinedArticle(Element root, String title) {
        if (title == null) {
            return null;
        }
        String want = BodyText.squash(title);
        if (want.length() < 8) {
            return null;
        }
        for (Element h : root.select("h1, h2")) {
            String got = BodyText.squash(h.text());
            if (got.length() >= 8 && (want.startsWith(got) || got.contains(want))) {
                return h.closest("article");
            }
        }
        return null;
    }

    /**
     * Whether an {@code <article>} beside the body is a teaser for another article (a linked
     * headline, mostly links, or too short to be read for itself) rather than, say, one more
     * entry of a live blog.
     */
    private boolean isTeaser(Element article) {
        return textLength(article) < 100 || linkDensity(article) > 0.3
                || article.selectFirst("h1 a, h2 a, h3 a, h4 a, a h1, a h2, a h3, a h4") != null;
    }

    /** A division that reads as one paragraph: no block children, or a wrapper around one paragraph. */
    private boolean isParagraphLike(Element e) {
        if (!e.nameIs("div")) {
            return false;
        }
        if (isScorable(e)) {
            return true;
        }
        return e.childrenSize() == 1 && e.child(0).nameIs("p");
    }

    private boolean isScorable(Element e) {
        if (SCORABLE.contains(e.normalName())) {
            return true;
        }
        if (e.nameIs("div") || e.nameIs("section")) {
            for (Element c : e.children()) {
                if (BLOCKS.contains(c.normalName())) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static int commas(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '，' || c == '、' || c == '،') {
                n++;
            }
        }
        return n;
    }

    private double initial(Element e) {
        double base = switch (e.normalName()) {
            case "div", "article", "main" -> 5;
            case "pre", "td", "blockquote", "section" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        return base + weight(e);
    }

    /**
     * Moves up from the winner while its ancestor is where several of the other top candidates
     * meet (the body is split into sections), or while the winner is an only child.
     */
    private Element climb(Element top, double topScore, List<Element> ranked) {
        ranked.sort((a, b) -> Double.compare(scores.get(b), scores.get(a)));
        List<Element> alternatives = new ArrayList<>();
        for (int i = 1; i < Math.min(ranked.size(), 6); i++) {
            Element e = ranked.get(i);
            if (scores.get(e) >= topScore * 0.75 && !e.equals(top) && !isAncestor(top, e) && !isAncestor(e, top)) {
                alternatives.add(e);
            }
        }
        if (alternatives.size() >= 2 && top.closest("article") == null) {
            Map<Element, Integer> meeting = new IdentityHashMap<>();
            for (Element alt : alternatives) {
                for (Element p = alt.parent(); p != null; p = p.parent()) {
                    meeting.merge(p, 1, Integer::sum);
                }
            }
            for (Element parent = top.parent(); parent != null && !parent.nameIs("body") && !parent.nameIs("html");
                 parent = parent.parent()) {
                if (meeting.getOrDefault(parent, 0) >= 2) {
                    top = parent;
                    break;
                }
            }
        }
        while (top.parent() != null && !top.parent().nameIs("body") && top.parent().children().size() == 1
                && textLength(top.parent()) <= textLength(top) * 1.1) {
            top = top.parent();
        }
        return top;
    }

    private static boolean isAncestor(Element ancestor, Element e) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }

    private List<Element> withSiblings(Element top) {
        Element parent = top.parent();
        if (parent == null || top.nameIs("body")) {
            return List.of(top);
        }
        double topScore = scores.getOrDefault(top, 0.0);
        double threshold = Math.max(10, topScore * 0.2);
        List<Element> out = new ArrayList<>();
        for (Element sibling : parent.children()) {
            if (sibling == top) {
                out.add(sibling);
                continue;
            }
            if (sibling.nameIs("article") ? isTeaser(sibling) : sibling.selectFirst("article") != null) {
                continue; // other articles (teasers, lists of them), not more of this one
            }
            boolean sameClass = !top.className().isEmpty() && top.className().equals(sibling.className());
            double bonus = sameClass ? topScore * 0.2 : 0;
            Double s = scores.get(sibling);
            double ld = linkDensity(sibling);
            if (s != null && s + bonus >= threshold && ld < (sameClass ? 0.5 : 0.25)) {
                out.add(sibling);
            } else if (sibling.nameIs("p") || isParagraphLike(sibling)) {
                int len = textLength(sibling);
                String text = len > 0 && len <= 80 ? sibling.text() : "";
                if (len > 80 && ld < 0.25 || len > 0 && len <= 80 && ld == 0 && text.matches("(?s).*[.!?。…\"”]\\s*$")) {
                    out.add(sibling);
                }
            }
        }
        return out;
    }
}
