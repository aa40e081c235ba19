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
            "(?iu)\\d|^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?$|^(updated|published|posted)\\b|@"
                    + "|^(by|von|par|por|di|door|av|af|admin|administrator|editor|staff|user|guest|anonymous|unknown)$|^.{0,2}$");
    private static final Pattern URL_DATE = Pattern.compile("/((?:19|20)\\d{2})[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\\d|3[01])(?:/|$)");
    private static final Pattern DATE_IN_TEXT = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{2}:\\d{2}(?::\\d{2})?(?:\\.\\d+)?)(Z|[+-]\\d{2}:?\\d{2})?)?");
    private static final Set<String> BYLINE_CLASSES = Set.of("byline", "by-line", "author", "author-name",
            "article-author", "byline__name", "contributor", "author__name", "byline-name");

    /** Reads the metadata of a parsed page. */
    public static PageMetadata of(Document doc) {
        Builder b = new Builder();
        List<Element> metas = new ArrayList<>();
        List<Element> times = new ArrayList<>();
        List<List<Element>> bylines = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        Element canonical = null;
        for (Element e : doc.getAllElements()) {
            switch (e.normalName()) {
                case "script" -> {
                    if (e.attr("type").equalsIgnoreCase("application/ld+json")) {
                        try {
                            b.jsonLd(JSON.readTree(e.data()));
                        } catch (Exception broken) {
                            // Broken JSON-LD is common; the other sources still count.
                        }
                    }
                }
                case "meta" -> metas.add(e);
                case "link" -> {
                    if (canonical == null && e.attr("rel").equalsIgnoreCase("canonical") && e.hasAttr("href")) {
                        canonical = e;
                    }
                }
                case "time" -> {
                    if (e.hasAttr("datetime")) {
                        times.add(e);
                    }
                }
                default -> {
                }
            }
            if (e.attributesSize() == 0) {
                continue;
            }
            String itemprop = e.attr("itemprop");
            if (itemprop.equals("datePublished") && !e.nameIs("meta")) {
                times.add(e);
            } else if (itemprop.equals("author")) {
                addCapped(bylines.get(0), e);
            } else if (e.nameIs("a") && e.attr("rel").equalsIgnoreCase("author")) {
                addCapped(bylines.get(1), e);
            } else if (isBylineClass(e.className())) {
                addCapped(bylines.get(2), e);
            }
        }
        for (Element meta : metas) {
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
                case "article:published_time", "article:published", "datepublished", "date", "pubdate", "publishdate",
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
        if (canonical != null) {
            b.canonical = canonical.absUrl("href");
            if (b.canonical.isEmpty()) {
                b.canonical = canonical.attr("href");
            }
        }
        if (b.published == null && b.metaDate == null) {
            for (Element time : times) {
                String v = time.hasAttr("datetime") ? time.attr("datetime") : time.attr("content");
                if (isoDate(v) != null) {
                    b.metaDate = v;
                    break;
                }
            }
        }
        if (b.authors.isEmpty() && b.metaAuthors.isEmpty()) {
            for (List<Element> kind : bylines) {
                for (Element e : kind) {
                    if (containsOther(e, kind)) {
                        continue;
                    }
                    Element name = e.attr("itemprop").equals("author") ? e.selectFirst("[itemprop=name]") : null;
                    if (name == null) {
                        name = e;
                    }
                    String text = name.hasAttr("content") ? name.attr("content") : name.text();
                    if (text.length() <= 80) {
                        b.metaAuthors.addAll(splitNames(text));
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
        PageMetadata m = b.build();
        String base = doc.location();
        String published = m.published() != null ? m.published() : urlDate(m.url() != null ? m.url() : base);
        return new PageMetadata(m.title(), m.byline(), published, m.source(), absolute(base, m.url()),
                m.language(), absolute(base, m.image()));
    }

    private static String absolute(String base, String url) {
        if (url == null || base == null || base.isEmpty()) {
            return url;
        }
        String resolved = org.jsoup.internal.StringUtil.resolve(base, url);
        return resolved.isEmpty() ? url : resolved;
    }

    private static void addCapped(List<Element> list, Element e) {
        if (list.size() < 20) {
            list.add(e);
        }
    }

    private static boolean containsOther(Element e, List<Element> candidates) {
        for (Element c : candidates) {
            if (c != e && c.parents().contains(e)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isBylineClass(String className) {
        if (className.isEmpty() || !className.contains("author") && !className.contains("byline")
                && !className.contains("contributor")) {
            return false;
        }
        for (String c : className.split("\\s+")) {
            String lower = c.toLowerCase(Locale.ROOT);
            if (BYLINE_CLASSES.contains(lower) || lower.contains("byline") && !lower.contains("date")
                    && !lower.contains("time") && !lower.contains("title")) {
                return true;
            }
        }
        return false;
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
        if (s.startsWith("0001") || s.startsWith("0000") || s.startsWith("1970-01-01")) {
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

    /** A date written into a URL path as news sites do ({@code /2024/03/05/}), or {@code null}. */
    static String urlDate(String url) {
        if (url == null) {
            return null;
        }
        Matcher m = URL_DATE.matcher(url);
        if (!m.find()) {
            return null;
        }
        return isoDate(m.group(1) + "-" + m.group(2) + "-" + m.group(3));
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

        final List<String> authorRefs = new ArrayList<>();
        final java.util.Map<String, String> namedIds = new java.util.HashMap<>();

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
                if (n.has("@id") && n.has("name") && n.get("name").isTextual()) {
                    namedIds.putIfAbsent(n.get("@id").asText(), n.get("name").asText());
                }
                JsonNode graph = n.get("@graph");
                if (graph != null) {
                    graph.forEach(todo::add);
                }
                if (isArticle(n.get("@type")) || n.has("headline") && n.has("datePublished")) {
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

        private void names(JsonNode n, Set<String> out) {
            if (n == null) {
                return;
            }
            if (n.isArray()) {
                n.forEach(a -> names(a, out));
            } else if (n.isObject()) {
                String name = textOf(n.get("name"));
                if (name == null && n.has("@id")) {
                    authorRefs.add(n.get("@id").asText());
                }
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
            if (authors.isEmpty()) {
                for (String ref : authorRefs) {
                    String name = namedIds.get(ref);
                    if (name != null) {
                        authors.addAll(splitNames(name));
                    }
                }
            }
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
