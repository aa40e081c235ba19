package dev.precis.article;

import dev.precis.text.ResourceLines;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Recognizes lines of page furniture in scraped text: "No time to read?", "Get a summary",
 * "Share this", "Advertisement", "Read more: …", and "Previous Article" / "Next Article" followed
 * by another article's title.
 *
 * <p>The rules are data, in {@code page-chrome.txt} beside this class: one rule a line,
 * {@code line REGEX} drops a matching line, {@code line+next REGEX} drops it and the line after it
 * (the other article's title). Patterns match the whole trimmed line, ignoring case.
 */
public final class PageChrome {

    private record Rule(Pattern pattern, boolean dropsNext) {
    }

    private static final PageChrome DEFAULT = new PageChrome(load("page-chrome.txt"));

    private final List<Rule> rules;

    private PageChrome(List<Rule> rules) {
        this.rules = rules;
    }

    /** The built-in English rule set. */
    public static PageChrome standard() {
        return DEFAULT;
    }

    /**
     * How many lines, starting with {@code line}, are chrome: 0 when the line is content, 1 for a
     * chrome line, 2 when it also carries the next line away.
     */
    public int chromeLines(String line) {
        String trimmed = line.strip();
        if (trimmed.isEmpty()) {
            return 0;
        }
        for (Rule rule : rules) {
            if (rule.pattern.matcher(trimmed).matches()) {
                return rule.dropsNext ? 2 : 1;
            }
        }
        return 0;
    }

    /** Whether the trimmed line is chrome. */
    public boolean isChrome(String line) {
        return chromeLines(line) > 0;
    }

    private static List<Rule> load(String resource) {
        List<Rule> rules = new ArrayList<>();
        for (String rule : ResourceLines.read(PageChrome.class, resource)) {
            int space = rule.indexOf(' ');
            String kind = rule.substring(0, space);
            String regex = rule.substring(space + 1).strip();
            Pattern pattern = Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            switch (kind) {
                case "line" -> rules.add(new Rule(pattern, false));
                case "line+next" -> rules.add(new Rule(pattern, true));
                default -> throw new IllegalStateException("unknown chrome rule kind: " + kind);
            }
        }
        return List.copyOf(rules);
    }
}
