package dev.precis.article.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The article facts a page states about itself: title, authors, publication date, outlet,
 * canonical URL, language and lead image.
 *
 * <p>Sources, most trusted first: schema.org JSON-LD ({@code NewsArticle}, {@code Article},
 * {@code BlogPosting}…, also inside {@code @graph}), OpenGraph and Twitter card meta, plain
 * {@code <meta>} (author, date, dc.*), microdata ({@code itemprop}), {@code <time>} elements,
 * and byline elements ({@code rel=author}, classes like {@code byline} or {@code author}).
 *
 * @param title     headline, without a trailing " | Site" part when the site name is known
 * @param byline    author names
 * @param published publication date as ISO-8601
 * @param source    outlet or site name
 * @param url       canonical URL
 * @param language  ISO 639-1 code
 * @param image     lead image URL
 */
public record PageMetadata(String title, List<String> byline, String published, String source,
                           String url, String language, String image) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ARTICLE_TYPE = Pattern.compile(
            "(?i).*(Article|BlogPosting|Posting|Report|LiveBlogPosting|Story)$");
    private static final Pattern BY_PREFIX = Pattern.compile("(?iu)^\\s*(by|von|par|por|di|door|av|af)\\s+");
    private static final Pattern NAME_SPLIT = Pattern.compile("\\s*(?:[,;&|]|\\s(?:and|AND|und|et|y|e|og|och)\\s)\\s*");
    private static final Pattern NOT_A_NAME = Pattern.compile(
            "(?iu)\\d|^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?$|^(updated|published|posted)\\b|@");
    private static final Pattern DATE_IN_TEXT = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{2}:\\d{2}(?::\\d{2})?(?:\\.\\d+)?)(Z|[+-]\\d{2}:?\\d{2})?)?");
    private static final String[] BYLINE_SELECTORS = {
        "[itemprop=author] [itemprop=name]", "[itemprop=author]", "a[rel=author]",
        "[class~=(?i)^(byline|by-line|author|author-name|article-author|byline__name|contributor)$]",
    };

    /** Reads the metadata of a parsed page. */
    public static PageMetadata of(Document doc) {
        Builder b = new Builder();
        for (Element script : doc.select("script[type=application/ld+json]")) {
            try {
                JsonNode root = JSON.readTree(script.data());
                b.jsonLd(root);
            } catch (Exception e) {
                // Broken JSON-LD is common; the other sources still count.
            }
        }
        for (Element meta : doc.select("meta")) {
            String key = meta.hasAttr("property") ? meta.attr("property") : meta.attr("name");
            if (key.isEmpty()) {
                key = meta.attr("itemprop");
            }
            String value = meta.attr("content").strip();
            if (key.isEmpty() || value.isEmpty()) {
                continue;
            }
            switch (key.toLowerCase(Locale.ROOT)) {
                case "og:title", "twitter:title" -> b.metaTitle = first(b.metaTitle, value);
                case "og:site_name", "application-name", "publisher" -> b.source = first(b.source, value);
                case "og:url" -> b.metaUrl = first(b.metaUrl, value);
                case "og:image", "og:image:url", "twitter:image", "twitter:image:src", "thumbnailurl" ->
                        b.image = first(b.image, value);
                case "article:published_time", "datepublished", "date", "pubdate", "publishdate",
                     "publish-date", "dc.date", "dc.date.issued", "dcterms.date", "sailthru.date",
                     "parsely-pub-date", "og:published_time", "article.published", "citation_publication_date" ->
                        b.metaDate = first(b.metaDate, value);
                case "author", "article:author", "dc.creator", "sailthru.author", "parsely-author", "byl" -> {
                    if (!value.startsWith("http")) {
                        b.metaAuthors.addAll(splitNames(value));
                    }
                }
                case "og:locale", "language", "content-language", "inlanguage" -> b.metaLang = first(b.metaLang, value);
                default -> {
                }
            }
        }
        Element canonical = doc.selectFirst("link[rel=canonical][href]");
        if (canonical != null) {
            b.canonical = canonical.absUrl("href");
            if (b.canonical.isEmpty()) {
                b.canonical = canonical.attr("href");
            }
        }
        if (b.published == null && b.metaDate == null) {
            for (Element time : doc.select("time[datetime], [itemprop=datePublished]")) {
                String v = time.hasAttr("datetime") ? time.attr("datetime") : time.attr("content");
                if (isoDate(v) != null) {
                    b.metaDate = v;
                    break;
                }
            }
        }
        if (b.authors.isEmpty() && b.metaAuthors.isEmpty()) {
            for (String selector : BYLINE_SELECTORS) {
                for (Element e : doc.select(selector)) {
                    String name = e.hasAttr("content") ? e.attr("content") : e.text();
                    if (name.length() <= 80) {
                        b.metaAuthors.addAll(splitNames(name));
                    }
                }
                if (!b.metaAuthors.isEmpty()) {
                    break;
                }
            }
        }
        Element html = doc.selectFirst("html");
        String lang = html == null ? "" : html.attr("lang");
        if (lang.isEmpty() && html != null) {
            lang = html.attr("xml:lang");
        }
        b.htmlLang = lang;
        b.docTitle = doc.title();
        return b.build();
    }

    /** The byline names found in a line such as "By Ann Lee and Bo Chen". */
    static List<String> splitNames(String raw) {
        String s = BY_PREFIX.matcher(raw.strip()).replaceFirst("");
        List<String> out = new ArrayList<>();
        for (String part : NAME_SPLIT.split(s)) {
            String name = part.strip();
            if (!name.isEmpty() && name.length() <= 60 && Character.isLetter(name.codePointAt(0))
                    && !NOT_A_NAME.matcher(name).find()) {
                out.add(name);
            }
        }
        return out;
    }

    /** An ISO-8601 form of a date as pages write it, or {@code null} when it is not one. */
    static String isoDate(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip();
        if (s.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            // fall through
        }
        try {
            return ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            // fall through
        }
        Matcher m = DATE_IN_TEXT.matcher(s);
        if (m.find()) {
            try {
                LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            } catch (java.time.DateTimeException e) {
                return null;
            }
            StringBuilder out = new StringBuilder(m.group(1) + "-" + m.group(2) + "-" + m.group(3));
            if (m.group(4) != null) {
                out.append('T').append(m.group(4).length() == 5 ? m.group(4) + ":00" : m.group(4));
                if (m.group(5) != null) {
                    String z = m.group(5);
                    out.append(z.length() == 5 ? z.substring(0, 3) + ":" + z.substring(3) : z);
                }
            }
            return out.toString();
        }
        return null;
    }

    private static String first(String current, String candidate) {
        return current != null ? current : candidate;
    }

    private static final class Builder {
        String title;
        String metaTitle;
        String docTitle;
        final Set<String> authors = new LinkedHashSet<>();
        final Set<String> metaAuthors = new LinkedHashSet<>();
        String published;
        String metaDate;
        String source;
        String ldSource;
        String canonical;
        String metaUrl;
        String ldUrl;
        String metaLang;
        String ldLang;
        String htmlLang;
        String image;
        String ldImage;

        void jsonLd(JsonNode root) {
            Deque<JsonNode> todo = new ArrayDeque<>();
            todo.add(root);
            int seen = 0;
            while (!todo.isEmpty() && seen++ < 2000) {
                JsonNode n = todo.poll();
                if (n.isArray()) {
                    n.forEach(todo::add);
                    continue;
                }
                if (!n.isObject()) {
                    continue;
                }
                JsonNode graph = n.get("@graph");
                if (graph != null) {
                    graph.forEach(todo::add);
                }
                if (isArticle(n.get("@type"))) {
                    article(n);
                } else if (n.has("mainEntity")) {
                    todo.add(n.get("mainEntity"));
                }
            }
        }

        private static boolean isArticle(JsonNode type) {
            if (type == null) {
                return false;
            }
            if (type.isArray()) {
                for (JsonNode t : type) {
                    if (ARTICLE_TYPE.matcher(t.asText()).matches()) {
                        return true;
                    }
                }
                return false;
            }
            return ARTICLE_TYPE.matcher(type.asText()).matches();
        }

        private void article(JsonNode n) {
            if (title == null) {
                title = textOf(n.get("headline"));
                if (title == null) {
                    title = textOf(n.get("name"));
                }
            }
            if (authors.isEmpty()) {
                names(n.get("author"), authors);
                if (authors.isEmpty()) {
                    names(n.get("creator"), authors);
                }
            }
            if (published == null) {
                published = isoDate(textOf(n.get("datePublished")));
                if (published == null) {
                    published = isoDate(textOf(n.get("dateCreated")));
                }
            }
            if (ldSource == null) {
                JsonNode pub = n.get("publisher");
                if (pub != null && pub.isArray() && !pub.isEmpty()) {
                    pub = pub.get(0);
                }
                ldSource = pub == null ? null : pub.isObject() ? textOf(pub.get("name")) : textOf(pub);
            }
            if (ldUrl == null) {
                ldUrl = textOf(n.get("url"));
                JsonNode main = n.get("mainEntityOfPage");
                if (ldUrl == null && main != null) {
                    ldUrl = main.isObject() ? textOf(main.get("@id")) : textOf(main);
                }
            }
            if (ldLang == null) {
                ldLang = textOf(n.get("inLanguage"));
            }
            if (ldImage == null) {
                JsonNode img = n.get("image");
                if (img != null && img.isArray() && !img.isEmpty()) {
                    img = img.get(0);
                }
                if (img != null) {
                    ldImage = img.isObject() ? textOf(img.get("url")) : textOf(img);
                }
            }
        }

        private static void names(JsonNode n, Set<String> out) {
            if (n == null) {
                return;
            }
            if (n.isArray()) {
                n.forEach(a -> names(a, out));
            } else if (n.isObject()) {
                String name = textOf(n.get("name"));
                if (name != null && !name.startsWith("http")) {
                    out.addAll(splitNames(name));
                }
            } else if (n.isTextual() && !n.asText().startsWith("http")) {
                out.addAll(splitNames(n.asText()));
            }
        }

        private static String textOf(JsonNode n) {
            if (n == null || n.isNull() || n.isContainerNode()) {
                return null;
            }
            String s = n.asText().strip();
            return s.isEmpty() ? null : org.jsoup.parser.Parser.unescapeEntities(s, false);
        }

        PageMetadata build() {
            String site = source != null ? source : ldSource;
            String head = title != null ? title : metaTitle != null ? withoutSite(metaTitle, site) : cleanDocTitle(docTitle, site);
            List<String> names = new ArrayList<>(!authors.isEmpty() ? authors : metaAuthors);
            String date = published != null ? published : isoDate(metaDate);
            String url = canonical != null && !canonical.isEmpty() ? canonical : metaUrl != null ? metaUrl : ldUrl;
            String lang = language(ldLang != null ? ldLang : !htmlLang.isEmpty() ? htmlLang : metaLang);
            return new PageMetadata(head, names, date, site, url, lang, image != null ? image : ldImage);
        }

        private static String withoutSite(String t, String site) {
            if (site == null) {
                return t;
            }
            for (String sep : new String[]{" | ", " - ", " — ", " – ", " :: ", " · "}) {
                if (t.endsWith(sep + site) && t.length() > sep.length() + site.length()) {
                    return t.substring(0, t.length() - sep.length() - site.length()).strip();
                }
            }
            return t;
        }

        private static String cleanDocTitle(String t, String site) {
            if (t == null || t.isBlank()) {
                return null;
            }
            String s = t.strip();
            for (String sep : new String[]{" | ", " - ", " — ", " – ", " :: ", " · "}) {
                int i = s.lastIndexOf(sep);
                if (i > 0 && (site == null || s.substring(i + sep.length()).strip().equalsIgnoreCase(site)
                        || s.length() - i < 40)) {
                    return s.substring(0, i).strip();
                }
            }
            return s;
        }

        private static String language(String raw) {
            if (raw == null || raw.isBlank()) {
                return null;
            }
            String s = raw.strip().toLowerCase(Locale.ROOT);
            int cut = s.indexOf('-');
            if (cut < 0) {
                cut = s.indexOf('_');
            }
            String code = cut > 0 ? s.substring(0, cut) : s;
            return code.matches("[a-z]{2,3}") ? code : null;
        }
    }
}
