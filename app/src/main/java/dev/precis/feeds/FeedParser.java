package dev.precis.feeds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.module.SyModule;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.impl.DateParser;
import dev.precis.text.PortableText;

import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads a feed document in any of the formats found in the wild: RSS 0.9x, 1.0 and 2.0 and Atom 0.3 and
 * 1.0 through ROME, JSON Feed 1.0 and 1.1 through Jackson.
 *
 * <p>XML is read with DOCTYPE declarations refused (ROME's {@code allowDoctypes=false} sets the SAX
 * feature {@code disallow-doctype-decl} and turns off external entities), so XXE and entity-expansion
 * ("billion laughs") documents fail at their first line instead of expanding. The refresh interval a
 * feed asks for comes from RSS {@code <ttl>} or the syndication module ({@code sy:updatePeriod}). Dates in formats beyond
 * RFC 822 and W3C are read with the extra masks in {@code rome.properties}. Titles come out as one
 * line, and all text {@link PortableText portable} (a JSON Feed may escape NUL or lone surrogates into
 * any string); a link with such characters in it is no link.
 */
public final class FeedParser {

    /** Entries kept from one document by default; a feed with more is cut, newest (first) kept. */
    public static final int DEFAULT_MAX_ENTRIES = 1000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HTML_START =
            Pattern.compile("^(?:\\s|<!--.*?-->)*<(?:!doctype\\s+html|html|head|body)\\b",
                    Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private static final Pattern ABSOLUTE = Pattern.compile("(?i)https?://");
    private static final Pattern EMAIL_NAME = Pattern.compile("\\S+@\\S+\\s*\\((.+)\\)");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final int maxEntries;

    /** A parser keeping at most {@link #DEFAULT_MAX_ENTRIES} entries per document. */
    public FeedParser() {
        this(DEFAULT_MAX_ENTRIES);
    }

    /** A parser keeping at most {@code maxEntries} entries per document. */
    public FeedParser(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /**
     * Parses a fetched body.
     *
     * @param body        the raw bytes (already decompressed)
     * @param contentType the HTTP {@code Content-Type}, or {@code null}; used for its charset
     * @param baseUrl     the document's URL, against which relative links are resolved; may be {@code null}
     * @throws FeedFormatException when the body is not a feed; the message says what it is instead
     */
    public ParsedFeed parse(byte[] body, String contentType, String baseUrl) throws FeedFormatException {
        String text = XmlCharset.decode(body, contentType);
        String start = text.stripLeading();
        if (start.isEmpty()) {
            throw new FeedFormatException("not a feed: empty document");
        }
        if (start.charAt(0) == '{') {
            return parseJson(start, baseUrl);
        }
        if (HTML_START.matcher(start.length() > 4096 ? start.substring(0, 4096) : start).find()) {
            throw new FeedFormatException("not a feed: an HTML page");
        }
        if (start.charAt(0) != '<') {
            throw new FeedFormatException("not a feed: neither XML nor JSON");
        }
        return parseXml(text, baseUrl);
    }

    private ParsedFeed parseXml(String text, String baseUrl) throws FeedFormatException {
        SyndFeedInput input = new SyndFeedInput();
        input.setAllowDoctypes(false);
        input.setPreserveWireFeed(true);
        SyndFeed feed;
        try {
            feed = input.build(new StringReader(text));
        } catch (FeedException e) {
            throw new FeedFormatException(xmlProblem(e));
        } catch (IllegalArgumentException e) {
            throw new FeedFormatException("not a feed: " + e.getMessage());
        }
        List<SyndEntry> all = feed.getEntries();
        List<FeedEntry> entries = new ArrayList<>(Math.min(all.size(), maxEntries));
        for (SyndEntry e : all.subList(0, Math.min(all.size(), maxEntries))) {
            entries.add(entry(e, baseUrl));
        }
        return new ParsedFeed(feed.getFeedType(), line(feed.getTitle()), resolve(baseUrl, feed.getLink()),
                ttl(feed), entries, all.size());
    }

    private static String xmlProblem(FeedException e) {
        String message = String.valueOf(e.getMessage());
        Throwable cause = e.getCause();
        String detail = cause != null && cause.getMessage() != null ? cause.getMessage() : message;
        if (detail.contains("DOCTYPE")) {
            return "refused: the document declares a DOCTYPE (DTDs and entities are not allowed in feeds)";
        }
        if (message.startsWith("Invalid XML")) {
            return "malformed XML: " + detail;
        }
        return "not a feed: " + message;
    }

    /** The refresh interval the feed asks for: RSS 2.0 {@code <ttl>}, or the syndication module's period. */
    private static Duration ttl(SyndFeed feed) {
        WireFeed wire = feed.originalWireFeed();
        if (wire instanceof Channel channel && channel.getTtl() > 0) {
            return Duration.ofMinutes(channel.getTtl());
        }
        if (feed.getModule(SyModule.URI) instanceof SyModule sy && sy.getUpdatePeriod() != null) {
            Duration period = switch (sy.getUpdatePeriod().strip().toLowerCase(Locale.ROOT)) {
                case SyModule.HOURLY -> Duration.ofHours(1);
                case SyModule.DAILY -> Duration.ofDays(1);
                case SyModule.WEEKLY -> Duration.ofDays(7);
                case SyModule.MONTHLY -> Duration.ofDays(30);
                case SyModule.YEARLY -> Duration.ofDays(365);
                default -> null;
            };
            if (period != null) {
                return period.dividedBy(Math.max(1, sy.getUpdateFrequency()));
            }
        }
        return null;
    }

    private static FeedEntry entry(SyndEntry e, String baseUrl) {
        String link = e.getLink();
        if (link != null && e.getWireEntry() instanceof Item item && item.getLink() == null
                && !ABSOLUTE.matcher(link.strip()).lookingAt()) {
            link = null; // ROME's link from a permalink guid that is no URL ("item-17")
        }
        String url = resolve(baseUrl, link);
        if (url == null && e.getUri() != null && ABSOLUTE.matcher(e.getUri().strip()).lookingAt()) {
            url = resolve(null, e.getUri());
        }
        List<String> authors = new ArrayList<>();
        for (SyndPerson p : e.getAuthors()) {
            addName(authors, p.getName());
        }
        if (authors.isEmpty()) {
            addName(authors, e.getAuthor());
        }
        Date date = e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate();
        String content = null;
        for (SyndContent c : e.getContents()) {
            content = longer(content, c.getValue());
        }
        if (e.getDescription() != null) {
            content = longer(content, e.getDescription().getValue());
        }
        String title = line(e.getTitle());
        return new FeedEntry(id(blankToNull(e.getUri()), url, title, content), url, title, authors,
                instant(date), content);
    }

    private ParsedFeed parseJson(String text, String baseUrl) throws FeedFormatException {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new FeedFormatException("malformed JSON: " + e.getOriginalMessage());
        }
        String version = root.path("version").asText("");
        if (!version.startsWith("https://jsonfeed.org/version/")) {
            throw new FeedFormatException("not a feed: JSON without a JSON Feed \"version\"");
        }
        JsonNode items = root.path("items");
        if (!items.isArray() && !items.isMissingNode()) {
            throw new FeedFormatException("not a feed: the JSON Feed's \"items\" is not a list");
        }
        List<FeedEntry> entries = new ArrayList<>();
        for (int i = 0; i < items.size() && entries.size() < maxEntries; i++) {
            entries.add(jsonEntry(items.get(i), baseUrl));
        }
        String format = "json_" + version.substring("https://jsonfeed.org/version/".length());
        return new ParsedFeed(format, line(root.path("title").asText(null)),
                resolve(baseUrl, root.path("home_page_url").asText(null)), null, entries, items.size());
    }

    private static FeedEntry jsonEntry(JsonNode item, String baseUrl) {
        String url = resolve(baseUrl, item.path("url").asText(null));
        if (url == null) {
            url = resolve(baseUrl, item.path("external_url").asText(null));
        }
        List<String> authors = new ArrayList<>();
        for (JsonNode a : item.path("authors")) {
            addName(authors, a.path("name").asText(null));
        }
        if (authors.isEmpty()) {
            addName(authors, item.path("author").path("name").asText(null));
        }
        String content = blankToNull(item.path("content_html").asText(null));
        if (content == null && item.hasNonNull("content_text")) {
            content = textAsHtml(item.get("content_text").asText());
        }
        if (content == null && item.hasNonNull("summary")) {
            content = textAsHtml(item.get("summary").asText());
        }
        Instant date = jsonDate(item.path("date_published").asText(null));
        if (date == null) {
            date = jsonDate(item.path("date_modified").asText(null));
        }
        String title = line(item.path("title").asText(null));
        return new FeedEntry(id(blankToNull(item.path("id").asText(null)), url, title, content), url, title,
                authors, date, content);
    }

    private static Instant jsonDate(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s.strip()).toInstant();
        } catch (DateTimeParseException e) {
            return instant(DateParser.parseDate(s, Locale.US));
        }
    }

    /**
     * The date as an instant, reading a two-digit year ("05 Mar 24", which a four-digit mask takes as year
     * 24) as 1970–2069.
     */
    private static Instant instant(Date date) {
        if (date == null) {
            return null;
        }
        GregorianCalendar c = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
        c.setTime(date);
        int year = c.get(Calendar.YEAR);
        if (c.get(Calendar.ERA) == GregorianCalendar.AD && year >= 100) {
            return date.toInstant();
        }
        int fixed = year < 70 ? 2000 + year : 1900 + year % 100;
        return ZonedDateTime.of(fixed, c.get(Calendar.MONTH) + 1, c.get(Calendar.DAY_OF_MONTH),
                c.get(Calendar.HOUR_OF_DAY), c.get(Calendar.MINUTE), c.get(Calendar.SECOND), 0, ZoneOffset.UTC)
                .toInstant();
    }

    private static String textAsHtml(String text) {
        StringBuilder html = new StringBuilder();
        for (String para : text.split("\\n\\s*\\n")) {
            if (!para.isBlank()) {
                html.append("<p>").append(org.jsoup.nodes.Entities.escape(PortableText.of(para.strip()))).append("</p>");
            }
        }
        return html.isEmpty() ? null : html.toString();
    }

    /** The entry's own id, else its link, else a hash of what it says, so that it is recognized next time. */
    private static String id(String own, String url, String title, String content) {
        if (own != null) {
            return PortableText.of(own);
        }
        if (url != null) {
            return url;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-1")
                    .digest((title + "\u0000" + content).getBytes(StandardCharsets.UTF_8));
            return "urn:sha1:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds an author's name; RSS writes "desk@site.test (Ann Desk)", of which the name is kept. */
    private static void addName(List<String> names, String name) {
        if (name == null || name.isBlank()) {
            return;
        }
        String n = name.strip();
        var m = EMAIL_NAME.matcher(n);
        if (m.matches()) {
            n = m.group(1).strip();
        } else if (n.matches("\\S+@\\S+")) {
            return;
        }
        n = PortableText.of(n);
        if (!n.isEmpty() && !names.contains(n)) {
            names.add(n);
        }
    }

    private static String longer(String a, String b) {
        if (b == null || b.isBlank()) {
            return a;
        }
        return a == null || b.length() > a.length() ? PortableText.of(b) : a;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : PortableText.of(s.strip());
    }

    /** A title as one line: feeds indent and wrap titles in their markup. */
    private static String line(String s) {
        String t = blankToNull(s);
        return t == null ? null : WHITESPACE.matcher(t).replaceAll(" ");
    }

    /** {@code link} resolved against {@code base}; {@code null} when absent or not an http(s) URL. */
    static String resolve(String base, String link) {
        if (link == null || link.isBlank() || !PortableText.is(link)) {
            return null;
        }
        try {
            URI uri = base == null ? new URI(link.strip()) : new URI(base).resolve(link.strip());
            String scheme = uri.getScheme();
            return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    ? uri.toString() : null;
        } catch (Exception e) {
            return null;
        }
    }
}
