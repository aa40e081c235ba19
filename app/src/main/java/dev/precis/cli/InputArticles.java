package dev.precis.cli;

import dev.precis.article.Article;
import dev.precis.article.PlainTextReader;

/**
 * Turns a loaded {@link Input} into an {@link Article} according to its kind.
 */
final class InputArticles {

    private InputArticles() {
    }

    static Article read(Input input) {
        Article article = switch (input.kind()) {
            case "md" -> new PlainTextReader().readMarkdown(input.text());
            case "html" -> throw new BadInputException(input.name(), "HTML input is not supported by this command yet");
            case "jsonl" -> throw new BadInputException(input.name(), "JSONL input holds many articles; use 'precis ingest'");
            default -> new PlainTextReader().read(input.text());
        };
        if (article.text().isBlank()) {
            throw new BadInputException(input.name(), "has no article text (only a title or page chrome)");
        }
        return article;
    }
}
