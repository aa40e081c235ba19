package dev.precis.digest;

import dev.precis.article.Article;
import dev.precis.summary.Length;
import dev.precis.summary.Summarizer;
import dev.precis.summary.Summarizers;
import dev.precis.summary.Summary;
import dev.precis.text.Doc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds the {@link Digest} of an article from one analysis of its text: the {@link Doc} is
 * computed once and every part (summary, statements, fingerprint, keyphrases) reads it.
 * Thread-safe when its summarizer and statement finder are.
 */
public final class Digester {

    /** Sentences in the stored default summary. */
    public static final int SUMMARY_SENTENCES = 3;
    /** Keyphrases kept per article. */
    public static final int KEYPHRASES = 8;

    private final Summarizer summarizer;
    private final Function<Doc, List<Digest.Statement>> statements;

    /** The default summarizer and no statement extraction. */
    public Digester() {
        this(Summarizers.standard(), doc -> List.of());
    }

    /**
     * A digester with the given summarizer and statement finder (which reads the article's
     * {@link Doc} and returns its statements in text order).
     */
    public Digester(Summarizer summarizer, Function<Doc, List<Digest.Statement>> statements) {
        this.summarizer = summarizer;
        this.statements = statements;
    }

    /** The digest of {@code article}. */
    public Digest digest(Article article) {
        return digest(Doc.of(article.text()));
    }

    /** The digest of an analyzed article body. */
    public Digest digest(Doc doc) {
        Summary summary = summarizer.summarize(doc, Length.sentences(SUMMARY_SENTENCES));
        return new Digest(summary, statements.apply(doc), SimHash.of(doc), keyphrases(doc));
    }

    /**
     * The most frequent content terms (stems, shown by their first surface form), ties broken by
     * first occurrence; a simple stand-in until a weighted keyphrase extractor lands.
     */
    static List<String> keyphrases(Doc doc) {
        Map<Integer, int[]> byTerm = new HashMap<>();
        Map<Integer, String> surface = new HashMap<>();
        for (int t = 0; t < doc.tokenCount(); t++) {
            if (!doc.isContent(t) || doc.norm(t).length() < 3) {
                continue;
            }
            int term = doc.term(t);
            int[] c = byTerm.computeIfAbsent(term, k -> new int[]{0, byTerm.size()});
            c[0]++;
            surface.putIfAbsent(term, doc.norm(t));
        }
        List<Map.Entry<Integer, int[]>> ranked = new ArrayList<>(byTerm.entrySet());
        ranked.sort((a, b) -> a.getValue()[0] != b.getValue()[0]
                ? Integer.compare(b.getValue()[0], a.getValue()[0])
                : Integer.compare(a.getValue()[1], b.getValue()[1]));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.min(KEYPHRASES, ranked.size()); i++) {
            out.add(surface.get(ranked.get(i).getKey()));
        }
        return out;
    }
}
