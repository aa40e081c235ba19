package dev.precis.article.html;

import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

import java.util.ArrayList;
import java.util.List;
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

    private static final String ALWAYS = "script, style, noscript, template, svg, canvas, iframe, object, embed, "
            + "button, select, input, textarea, nav, aside, footer, dialog, link, meta, figcaption, "
            + "[hidden], [style~=(?i)display\\s*:\\s*none|visibility\\s*:\\s*hidden], [role=navigation], "
            + "[role=complementary], [role=contentinfo], [role=dialog], [aria-hidden=true]:not(:has(p))";
    private static final Pattern UNLIKELY = Pattern.compile(
            "(?i)-ad-|ad-break|adbox|advert|agegate|banner|breadcrumb|combx|comment|community|consent|cookie|cover-wrap"
                    + "|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar"
                    + "|skyscraper|social|sponsor|supplemental|pagination|pager|popup|yom-remote|share|sharing"
                    + "|newsletter|subscribe|signup|sign-up|promo|outbrain|taboola|recirc|recommend|more-stories"
                    + "|read-more|readmore|most-?popular|most-?read|trending|byline|author|caption|credit|dateline"
                    + "|timestamp|published|updated|article-meta|post-meta|entry-meta|meta-data|tags|keywords"
                    + "|topics|toolbar|tools|print|login|paywall|modal|overlay|skip|hidden|visually-hidden|sr-only"
                    + "|screen-reader|jump|toc\\b|ticker|alert|bio\\b|about-the-author");
    private static final Pattern NEVER = Pattern.compile(
            "(?i)comment|disqus|related|footer|sidebar|newsletter|cookie|consent|share|social|outbrain|taboola|recirc");
    private static final Pattern MAYBE = Pattern.compile("(?i)and|article|body|column|content|main|shadow|story|entry|post-?text");
    private static final Set<String> KEEP = Set.of("html", "body", "article", "main");

    private PageCleaner() {
    }

    /** Removes tags that never hold article text. */
    static void always(Element root) {
        root.select(ALWAYS).remove();
        for (Element figure : root.select("figure")) {
            if (figure.selectFirst("p, blockquote") == null) {
                figure.remove();
            }
        }
        for (Element header : root.select("header")) {
            if (header.select("p").size() < 3) {
                header.remove();
            }
        }
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
            for (Element p = body; p != null; p = p.parent()) {
                protectedElements.add(p);
            }
        }
        Elements all = root.getAllElements();
        for (Element e : all) {
            if (KEEP.contains(e.normalName()) || e.nameIs("a") || e.nameIs("p") || protectedElements.contains(e)) {
                continue;
            }
            String names = e.className() + " " + e.id();
            if (names.isBlank() || names.length() > 300) {
                continue;
            }
            if (UNLIKELY.matcher(names).find() && !MAYBE.matcher(names).find()
                    && (measure.textLength(e) < total * 0.4 || measure.linkDensity(e) > 0.3 || NEVER.matcher(names).find())) {
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
