package dev.precis.article.html;

import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Removes what is never article text before the body is looked for: scripts and styles, forms
 * and buttons, navigation, asides and footers, hidden elements, captions, and (in the strict pass)
 * elements whose class or id names them as comments, share bars, related links, newsletters,
 * bylines and the like.
 *
 * <p>The unlikely-name list follows Readability.js; an element that also carries a content name
 * ("article", "body", "content", "main") is kept, as are {@code body}, {@code article} and
 * {@code main} themselves.
 */
final class PageCleaner {

    private static final Set<String> NEVER_CONTENT = Set.of("script", "style", "noscript", "template", "svg",
            "canvas", "iframe", "object", "embed", "button", "select", "input", "textarea", "nav", "aside", "footer",
            "dialog", "link", "meta", "figcaption", "amp-sidebar", "amp-ad", "amp-analytics", "amp-social-share",
            "amp-consent", "amp-user-notification");
    private static final Set<String> FURNITURE_ROLES = Set.of("navigation", "complementary", "contentinfo", "dialog");
    private static final Keywords UNLIKELY = new Keywords(
            "-ad-|ad-break|adbox|advert|agegate|banner|breadcrumb|combx|comment|community|consent|cookie|cover-wrap"
                    + "|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar"
                    + "|skyscraper|social|sponsor|supplemental|pagination|pager|popup|yom-remote|share|sharing"
                    + "|newsletter|subscribe|signup|sign-up|promo|outbrain|taboola|recirc|recommend|more-stories"
                    + "|read-more|readmore|most-popular|mostpopular|most-read|mostread|trending|byline|author|caption|credit|dateline"
                    + "|timestamp|published|updated|article-meta|post-meta|entry-meta|meta-data|tags|keywords"
                    + "|topics|toolbar|tools|print|login|paywall|modal|overlay|skip|hidden|visually-hidden|sr-only"
                    + "|screen-reader|jump|toc\\b|ticker|alert|bio\\b|about-the-author");
    private static final Keywords NEVER = new Keywords(
            "comment|disqus|related|footer|sidebar|newsletter|cookie|consent|share|social|outbrain|taboola|recirc");
    private static final Keywords MAYBE = new Keywords("and|article|body|column|content|main|shadow|story|entry|post-text|posttext|embed");
    private static final Set<String> KEEP = Set.of("html", "body", "article", "main");

    private PageCleaner() {
    }

    /** Removes tags that never hold article text, hidden elements, and figures and headers without paragraphs. */
    static void always(Element root) {
        Elements all = root.getAllElements();
        Map<Element, Integer> paragraphs = new IdentityHashMap<>();
        for (int i = all.size() - 1; i >= 0; i--) {
            Element e = all.get(i);
            int n = e.nameIs("p") || e.nameIs("blockquote") ? 1 : 0;
            for (Element c : e.children()) {
                n += paragraphs.getOrDefault(c, 0);
            }
            paragraphs.put(e, n);
        }
        List<Element> doomed = new ArrayList<>();
        for (Element e : all) {
            int n = paragraphs.get(e);
            if (neverContent(e, n) || e.nameIs("figure") && n == 0 || e.nameIs("header") && n < 3) {
                doomed.add(e);
            }
        }
        for (Element e : doomed) {
            e.remove();
        }
    }

    /** 0: not furniture by name; 1: furniture unless it holds most of the text; 2: always furniture. */
    private static int verdict(String rawNames) {
        String names = rawNames.toLowerCase(java.util.Locale.ROOT);
        if (!UNLIKELY.in(names) || MAYBE.in(names)) {
            return 0;
        }
        return NEVER.in(names) ? 2 : 1;
    }

    private static boolean neverContent(Element e, int paragraphs) {
        if (NEVER_CONTENT.contains(e.normalName())) {
            return true;
        }
        if (e.attributesSize() == 0) {
            return false;
        }
        if (e.hasAttr("hidden") || FURNITURE_ROLES.contains(e.attr("role"))) {
            return true;
        }
        String style = e.attr("style");
        if (!style.isEmpty()) {
            String s = style.toLowerCase(java.util.Locale.ROOT).replace(" ", "");
            if (s.contains("display:none") || s.contains("visibility:hidden")) {
                return true;
            }
        }
        return "true".equals(e.attr("aria-hidden")) && paragraphs == 0;
    }

    /**
     * Removes elements whose class or id names them as page furniture, unless such an element
     * holds most of the page's text in plain (unlinked) words and is not named as comments,
     * related links or the like: then the name is a theme's wrapper ("widget-wrap"), not furniture.
     */
    static void unlikely(Element root) {
        ContentScorer measure = new ContentScorer(root);
        int total = measure.textLength(root);
        List<Element> doomed = new ArrayList<>();
        Set<Element> protectedElements = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Element body : root.select("[itemprop=articleBody], article")) {
            for (Element p = body; p != null && protectedElements.add(p); p = p.parent()) {
                // each ancestor chain is walked once: it stops where an earlier one was marked
            }
        }
        Map<String, Integer> verdicts = new HashMap<>();
        Elements all = root.getAllElements();
        for (Element e : all) {
            if (KEEP.contains(e.normalName()) || e.nameIs("a") || e.nameIs("p") || protectedElements.contains(e)) {
                continue;
            }
            String names = e.className() + " " + e.id();
            if (names.isBlank() || names.length() > 300) {
                continue;
            }
            int verdict = verdicts.computeIfAbsent(names, PageCleaner::verdict);
            if (verdict == 0) {
                continue;
            }
            if (verdict == 2 || measure.textLength(e) < total * 0.4 || measure.linkDensity(e) > 0.3) {
                doomed.add(e);
            }
        }
        for (Element e : doomed) {
            if (e.parent() != null) {
                e.remove();
            }
        }
    }
}
