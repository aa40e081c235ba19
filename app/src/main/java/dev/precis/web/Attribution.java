package dev.precis.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The attribution line of an article: the sources it names, as "According to …" phrases and as
 * the speakers of its statements, in order of first appearance.
 */
final class Attribution {

    private static final Pattern ACCORDING = Pattern.compile(
            "\\b[Aa]ccording to (?:the |a |an )?((?:[A-Z][\\p{L}'’.-]*|of|the|for|and)(?:\\s+(?:[A-Z][\\p{L}'’.-]*|news|agency|of|the|for|and))*)");

    private Attribution() {
    }

    /** Named sources of an article, at most {@code limit}. */
    static List<String> sources(String text, List<Newsroom.Said> statements, int limit) {
        Map<String, String> names = new LinkedHashMap<>();
        for (Newsroom.Said s : statements) {
            if (s.speaker() != null && !s.speaker().isBlank()) {
                names.putIfAbsent(key(s.speaker()), s.speaker().strip());
            }
        }
        Matcher m = ACCORDING.matcher(text);
        while (m.find()) {
            String name = m.group(1).replaceAll("(\\s+(of|the|for|and))+$", "").strip();
            if (!name.isEmpty() && Character.isUpperCase(name.charAt(0))) {
                names.putIfAbsent(key(name), name);
            }
        }
        List<String> out = new ArrayList<>(names.values());
        return out.subList(0, Math.min(limit, out.size()));
    }

    private static String key(String name) {
        return name.strip().toLowerCase(java.util.Locale.ROOT).replaceFirst("^(the|a|an) ", "");
    }

    /** "According to A, B and C." — or empty when the article names no sources. */
    static String line(List<String> sources) {
        if (sources.isEmpty()) {
            return "";
        }
        if (sources.size() == 1) {
            return "According to " + sources.get(0) + ".";
        }
        return "According to " + String.join(", ", sources.subList(0, sources.size() - 1))
                + " and " + sources.get(sources.size() - 1) + ".";
    }
}
