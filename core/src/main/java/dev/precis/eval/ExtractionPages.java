package dev.precis.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Reads an article-extraction benchmark folder in the Zyte layout: {@code ground-truth.json}
 * (page id → {@code articleBody}, {@code url}) and {@code html/<id>.html.gz}, decoded as UTF-8.
 */
public final class ExtractionPages {

    /**
     * One benchmark page.
     *
     * @param id   page id
     * @param url  the page's URL
     * @param html the page
     * @param gold the annotated article body
     */
    public record Page(String id, String url, String html, String gold) {
    }

    private ExtractionPages() {
    }

    /** All pages of the folder, in ground-truth order. */
    public static List<Page> load(Path dir) throws IOException {
        Path truth = dir.resolve("ground-truth.json");
        if (!Files.isRegularFile(truth)) {
            throw new IOException(dir + " has no ground-truth.json");
        }
        JsonNode root = new ObjectMapper().readTree(truth.toFile());
        List<Page> pages = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            String id = e.getKey();
            Path gz = dir.resolve("html").resolve(id + ".html.gz");
            Path plain = dir.resolve("html").resolve(id + ".html");
            byte[] bytes;
            if (Files.isRegularFile(gz)) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
                    bytes = in.readAllBytes();
                }
            } else if (Files.isRegularFile(plain)) {
                bytes = Files.readAllBytes(plain);
            } else {
                throw new IOException("no page html/" + id + ".html.gz");
            }
            pages.add(new Page(id, e.getValue().path("url").asText(null), new String(bytes, StandardCharsets.UTF_8),
                    e.getValue().path("articleBody").asText("")));
        }
        return pages;
    }
}
