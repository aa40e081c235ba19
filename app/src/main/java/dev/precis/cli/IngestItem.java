package dev.precis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precis.article.Article;
import dev.precis.article.PlainTextReader;

import java.util.ArrayList;
import java.util.List;

/**
 * One thing to ingest, named for messages ({@code file.jsonl:12}, {@code notes/a.txt}), whose
 * article is read when a worker gets to it so parsing runs in parallel too.
 */
abstract sealed class IngestItem {

    final String name;

    private IngestItem(String name) {
        this.name = name;
    }

    /** The article; throws {@link BadInputException} when there is none to be had. */
    abstract Article read();

    /** A whole file already loaded and checked. */
    static IngestItem file(String name, String kind, String text) {
        return new FileItem(name, kind, text);
    }

    /** One JSONL record. */
    static IngestItem jsonLine(String name, String line) {
        return new JsonLine(name, line);
    }

    /** Something that could not be read at all. */
    static IngestItem failed(String name, String problem) {
        return new Failed(name, problem);
    }

    static final class FileItem extends IngestItem {
        private final String kind;
        private final String text;

        FileItem(String name, String kind, String text) {
            super(name);
            this.kind = kind;
            this.text = text;
        }

        @Override
        Article read() {
            return switch (kind) {
                case "html" -> HtmlFallbackExtractor.extract(text, null);
                case "md" -> new PlainTextReader().readMarkdown(text);
                default -> new PlainTextReader().read(text);
            };
        }
    }

    static final class JsonLine extends IngestItem {
        private final String line;

        JsonLine(String name, String line) {
            super(name);
            this.line = line;
        }

        @Override
        Article read() {
            JsonNode n;
            try {
                n = Json.MAPPER.readTree(line);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new BadInputException(name, "broken JSON (" + e.getOriginalMessage() + ")");
            }
            if (n == null || !n.isObject()) {
                throw new BadInputException(name, "is not a JSON object");
            }
            String url = text(n, "url");
            String body = text(n, "text");
            Article base;
            if (body != null) {
                base = new Article(null, url, null, null, List.of(), null, null, null, body);
            } else if (text(n, "html") != null) {
                base = HtmlFallbackExtractor.extract(text(n, "html"), url);
            } else {
                throw new BadInputException(name, "has neither a \"text\" nor an \"html\" field");
            }
            String published = text(n, "published") != null ? text(n, "published") : text(n, "date");
            return new Article(text(n, "id"), url, text(n, "source"), or(text(n, "title"), base.title()),
                    byline(n.get("byline")), published, text(n, "language"), text(n, "image"), base.text());
        }

        private static String or(String a, String b) {
            return a != null ? a : b;
        }

        private static String text(JsonNode n, String field) {
            JsonNode v = n.get(field);
            if (v == null || v.isNull()) {
                return null;
            }
            String s = v.isTextual() ? v.asText() : v.isNumber() ? v.asText() : null;
            return s == null || s.isBlank() ? null : s;
        }

        private static List<String> byline(JsonNode v) {
            List<String> out = new ArrayList<>();
            if (v == null || v.isNull()) {
                return out;
            }
            if (v.isArray()) {
                v.forEach(x -> {
                    if (x.isTextual() && !x.asText().isBlank()) {
                        out.add(x.asText().strip());
                    }
                });
            } else if (v.isTextual() && !v.asText().isBlank()) {
                out.add(v.asText().strip());
            }
            return out;
        }
    }

    static final class Failed extends IngestItem {
        private final String problem;

        Failed(String name, String problem) {
            super(name);
            this.problem = problem;
        }

        @Override
        Article read() {
            throw new BadInputException(name, problem);
        }
    }
}
