package dev.precis.cli;

import dev.precis.article.Article;
import dev.precis.article.PlainTextReader;
import dev.precis.article.html.Extraction;
import dev.precis.article.html.HtmlExtractor;
import dev.precis.fetch.FetchException;
import dev.precis.fetch.FetchedPage;
import dev.precis.fetch.PageFetcher;


/**
 * Turns an input (file, {@code -} or http(s) URL) into an {@link Article} according to its kind:
 * plain text and Markdown through {@link PlainTextReader}, web pages through {@link HtmlExtractor}.
 */
final class InputArticles {

    private static final HtmlExtractor HTML = new HtmlExtractor();

    private InputArticles() {
    }

    /**
     * Loads and reads one input.
     *
     * @param spec    a file path, {@code -}, or an http(s) URL
     * @param baseUrl the page's URL for a file or standard input (relative links, canonical URL), or null
     * @param fetcher fetches URL inputs
     */
    static Article load(String spec, String baseUrl, PageFetcher fetcher) {
        if (PageFetcher.isUrl(spec)) {
            FetchedPage page;
            try {
                page = fetcher.fetch(spec);
            } catch (FetchException e) {
                throw new BadInputException(spec, e.getMessage());
            }
            if (page.isPlainText()) {
                return read(Input.fromBytes(spec, "txt", page.body()), null);
            }
            if (!page.isHtml()) {
                throw new BadInputException(spec, "is not a web page (Content-Type " + page.contentType() + ")");
            }
            return read(Input.html(spec, page.body(), page.contentType()), page.url());
        }
        if (PageFetcher.looksLikeUrl(spec)) {
            throw new BadInputException(spec, "only http and https URLs can be fetched");
        }
        return read(Input.load(spec), baseUrl);
    }

    static Article read(Input input) {
        return read(input, null);
    }

    static Article read(Input input, String baseUrl) {
        String kind = input.kind().equals("txt") && Input.looksLikeHtml(input.text()) ? "html" : input.kind();
        Article article = switch (kind) {
            case "md" -> new PlainTextReader().readMarkdown(input.text());
            case "html" -> {
                Extraction x = HTML.extractPage(input.text(), baseUrl);
                if (!x.found()) {
                    throw new BadInputException(input.name(), x.emptyReason());
                }
                yield x.article();
            }
            case "jsonl" -> throw new BadInputException(input.name(), "JSONL input holds many articles; use 'precis ingest'");
            default -> new PlainTextReader().read(input.text());
        };
        if (article.text().isBlank()) {
            throw new BadInputException(input.name(), "has no article text (only a title or page chrome)");
        }
        if (article.url() == null && baseUrl != null) {
            article = article.withUrl(baseUrl);
        }
        return article;
    }
}
