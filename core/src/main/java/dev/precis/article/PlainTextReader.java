package dev.precis.article;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads an article from plain text or Markdown as people paste or scrape it.
 *
 * <p>The title is a first short line without terminal punctuation (or a Markdown {@code # }
 * heading); paragraphs are blocks between blank lines; lines of page chrome ("Get a summary",
 * "Previous Article" and the title after it, share bars) are dropped by {@link PageChrome}.
 * Markdown emphasis, links and heading marks are reduced to their text.
 */
public final class PlainTextReader {

    private static final int MAX_TITLE_CHARS = 200;
    private static final int MAX_TITLE_WORDS = 25;
    private static final Pattern MD_LINK = Pattern.compile("!?\\[([^\\]]*)\\]\\([^)]*\\)");
    private static final Pattern MD_EMPHASIS = Pattern.compile("(\\*\\*|__|\\*|_)(\\S(?:.*?\\S)?)\\1");
    private static final Pattern MD_HEADING = Pattern.compile("^#{1,6}\\s+");
    private static final Pattern MD_RULE = Pattern.compile("^([-*_]\\s*){3,}$");
    private static final Pattern BYLINE = Pattern.compile(
            "(?i:by|written by|words by)\\s+(\\p{Lu}[\\p{L}.'’-]*(?:\\s+\\p{Lu}[\\p{L}.'’-]*){0,3}"
                    + "(?:\\s*(?:,|and|&)\\s*\\p{Lu}[\\p{L}.'’-]*(?:\\s+\\p{Lu}[\\p{L}.'’-]*){0,3})*)\\s*[.]?");
    private static final int BYLINE_SEARCH_LINES = 4;

    private final PageChrome chrome;

    /** A reader that drops the standard page chrome. */
    public PlainTextReader() {
        this(PageChrome.standard());
    }

    /** A reader with its own chrome rules. */
    public PlainTextReader(PageChrome chrome) {
        this.chrome = chrome;
    }

    /** Reads plain text. */
    public Article read(String text) {
        return read(text, false);
    }

    /** Reads Markdown: like plain text, with Markdown syntax reduced to its words. */
    public Article readMarkdown(String text) {
        return read(text, true);
    }

    private Article read(String raw, boolean markdown) {
        String[] lines = raw.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<String> kept = new ArrayList<>(lines.length);
        String title = null;
        boolean headingTitle = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            boolean heading = false;
            if (markdown) {
                if (MD_RULE.matcher(line.strip()).matches()) {
                    kept.add("");
                    continue;
                }
                heading = MD_HEADING.matcher(line).find();
                line = reduceMarkdown(line);
            }
            int drop = chrome.chromeLines(line);
            if (drop > 0) {
                if (drop == 2) {
                    i = nextNonBlank(lines, i + 1);
                }
                continue;
            }
            if (heading && title == null && contentLines(kept) == 0 && !line.isBlank()) {
                title = line.strip();
                headingTitle = true;
                continue;
            }
            kept.add(line.stripTrailing());
        }
        if (title == null && !headingTitle) {
            int first = firstContentLine(kept);
            if (first >= 0 && looksLikeTitle(kept, first)) {
                title = kept.get(first).strip();
                kept.set(first, "");
            }
        }
        List<String> byline = new ArrayList<>();
        String source = takeByline(kept, byline);
        List<String> paragraphs = paragraphs(kept);
        return new Article(null, null, source, title, byline, null, null, null, String.join("\n\n", paragraphs));
    }

    /**
     * Finds a "By Jane Roe, The Courier" line among the first lines, removes it, fills
     * {@code names} and returns the outlet named after the last comma, if any.
     */
    private static String takeByline(List<String> lines, List<String> names) {
        int seen = 0;
        for (int i = 0; i < lines.size() && seen < BYLINE_SEARCH_LINES; i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            seen++;
            if (line.length() > 100) {
                continue;
            }
            var m = BYLINE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            String source = null;
            List<String> parts = new ArrayList<>(List.of(m.group(1).split("\\s*,\\s*")));
            if (parts.size() > 1 && parts.get(parts.size() - 1).startsWith("The ")) {
                source = parts.remove(parts.size() - 1);
            }
            for (String part : parts) {
                for (String name : part.split("\\s+(?:and|&)\\s+")) {
                    if (!name.isBlank()) {
                        names.add(name.strip());
                    }
                }
            }
            lines.set(i, "");
            return source;
        }
        return null;
    }

    private static boolean looksLikeTitle(List<String> lines, int index) {
        String line = lines.get(index).strip();
        if (line.length() > MAX_TITLE_CHARS || line.split("\\s+").length > MAX_TITLE_WORDS) {
            return false;
        }
        char last = line.charAt(line.length() - 1);
        if (last == '.' || last == '!' || last == ',' || last == ';' || last == ':' || last == '"' || last == '”') {
            return false;
        }
        return index + 1 < lines.size() && firstContentLine(lines.subList(index + 1, lines.size())) >= 0;
    }

    private static List<String> paragraphs(List<String> lines) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            if (line.isBlank()) {
                flush(out, current);
            } else {
                if (!current.isEmpty()) {
                    current.append('\n');
                }
                current.append(line.strip());
            }
        }
        flush(out, current);
        return out;
    }

    private static void flush(List<String> out, StringBuilder current) {
        if (!current.isEmpty()) {
            out.add(current.toString());
            current.setLength(0);
        }
    }

    private static String reduceMarkdown(String line) {
        String s = MD_HEADING.matcher(line).replaceFirst("");
        s = MD_LINK.matcher(s).replaceAll("$1");
        s = MD_EMPHASIS.matcher(s).replaceAll("$2");
        if (s.startsWith("> ")) {
            s = s.substring(2);
        }
        return s;
    }

    private static int nextNonBlank(String[] lines, int from) {
        int i = from;
        while (i < lines.length && lines[i].isBlank()) {
            i++;
        }
        return i;
    }

    private static int firstContentLine(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                return i;
            }
        }
        return -1;
    }

    private static int contentLines(List<String> lines) {
        int n = 0;
        for (String l : lines) {
            if (!l.isBlank()) {
                n++;
            }
        }
        return n;
    }
}
