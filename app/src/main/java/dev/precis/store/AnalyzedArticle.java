package dev.precis.store;

import dev.precis.article.Article;
import dev.precis.digest.Digest;
import dev.precis.digest.Digester;
import dev.precis.text.Doc;
import dev.precis.text.PortableText;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * An article ready to store: the article, its digest and the hash of its normalized text that
 * keeps the same content from being stored twice.
 *
 * @param article     the article (its URL already normalized)
 * @param digest      its digest
 * @param contentHash hex SHA-256 of {@link #normalizedText(String)}
 */
public record AnalyzedArticle(Article article, Digest digest, String contentHash) {

    /**
     * Analyzes {@code article} once: makes its fields {@link PortableText portable}, normalizes its
     * URL, hashes its text and builds its digest.
     */
    public static AnalyzedArticle of(Article article, Digester digester) {
        Article a = ready(article);
        return new AnalyzedArticle(a, digester.digest(a), contentHash(a.text()));
    }

    /**
     * Analyzes {@code article} from an analysis of its text already made ({@code doc} must be
     * {@code Doc.of(article.text())}), so that other stages can share it. When making the text
     * portable changed it, the text is analyzed again.
     */
    public static AnalyzedArticle of(Article article, Doc doc, Digester digester) {
        Article a = ready(article);
        Doc d = a.text().equals(article.text()) ? doc : Doc.of(a.text());
        return new AnalyzedArticle(a, digester.digest(d), contentHash(a.text()));
    }

    /** The article as stored: its fields made {@link PortableText portable}, its URL normalized. */
    private static Article ready(Article article) {
        Article a = portable(article);
        return a.url() == null ? a : a.withUrl(ArticleUrl.normalize(a.url()));
    }

    private static Article portable(Article a) {
        return new Article(PortableText.of(a.id()), PortableText.of(a.url()), PortableText.of(a.source()),
                PortableText.of(a.title()), a.byline().stream().map(PortableText::of).toList(),
                PortableText.of(a.published()), PortableText.of(a.language()), PortableText.of(a.image()),
                PortableText.of(a.text()));
    }

    /** The hash under which {@code text} counts as already stored. */
    public static String contentHash(String text) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(normalizedText(text).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The text as compared for duplicates: Unicode-compatibility folded, lowercased, with only
     * letters and digits kept and every other run collapsed to one space, so copies that differ
     * in whitespace, quotes or punctuation are the same content.
     */
    public static String normalizedText(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(folded.length());
        boolean gap = false;
        for (int i = 0; i < folded.length(); ) {
            int c = folded.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isLetterOrDigit(c)) {
                if (gap && !sb.isEmpty()) {
                    sb.append(' ');
                }
                gap = false;
                sb.appendCodePoint(c);
            } else {
                gap = true;
            }
        }
        return sb.toString();
    }
}
