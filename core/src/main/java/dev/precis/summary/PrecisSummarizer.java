package dev.precis.summary;

import dev.precis.text.Doc;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Locale;
import java.util.Properties;

/**
 * The default summarizer: a linear score over {@link SentenceFeatures} (position, length,
 * centrality, lead overlap, topic density, quotation cues), followed by best-first selection that
 * skips near-duplicates.
 *
 * <p>The weights live in {@value #WEIGHTS_RESOURCE} beside this class and are produced by
 * {@code precis train summarizer}, which fits them to maximize ROUGE on the dev files and reports
 * cross-validated figures. A summary costs one analysis of the text plus an O(n²) pass over the
 * sentence pairs, well under a millisecond for a news article.
 */
public final class PrecisSummarizer implements Summarizer {

    /** Resource, next to this class, holding the trained weights as {@code feature=weight} lines. */
    public static final String WEIGHTS_RESOURCE = "precis-weights.properties";

    private static final double[] TRAINED = readWeights(PrecisSummarizer.class.getResourceAsStream(WEIGHTS_RESOURCE));

    private final double[] weights;

    /** The summarizer with the trained weights. */
    public PrecisSummarizer() {
        this.weights = TRAINED;
    }

    /** A summarizer with the given weights, one per {@link SentenceFeatures#NAMES} entry. */
    public PrecisSummarizer(double[] weights) {
        if (weights.length != SentenceFeatures.COUNT) {
            throw new IllegalArgumentException("expected " + SentenceFeatures.COUNT + " weights, got " + weights.length);
        }
        this.weights = weights.clone();
    }

    /** The trained weights, in {@link SentenceFeatures#NAMES} order. */
    public static double[] trainedWeights() {
        return TRAINED.clone();
    }

    @Override
    public String name() {
        return "precis";
    }

    /** Scores for a summary of the default length, three sentences. */
    @Override
    public double[] score(Doc doc) {
        return score(doc, TermVectors.of(doc), Length.sentences(3));
    }

    private double[] score(Doc doc, TermVectors vectors, Length length) {
        double[][] features = SentenceFeatures.of(doc, vectors, SentenceFeatures.share(doc, length));
        double[] scores = new double[features.length];
        for (int i = 0; i < features.length; i++) {
            scores[i] = score(features[i], weights);
        }
        return scores;
    }

    /** The linear score of one feature row. */
    public static double score(double[] features, double[] weights) {
        double s = 0;
        for (int k = 0; k < weights.length; k++) {
            s += weights[k] * features[k];
        }
        return s;
    }

    @Override
    public Summary summarize(Doc doc, Length length) {
        TermVectors vectors = TermVectors.of(doc);
        return Selection.standard().select(name(), doc, vectors, score(doc, vectors, length), length);
    }

    /**
     * Reads {@code feature=weight} lines; features not named get weight 0, unknown names are an
     * error so a stale file cannot load silently.
     */
    public static double[] readWeights(Reader reader) throws IOException {
        Properties p = new Properties();
        p.load(reader);
        double[] w = new double[SentenceFeatures.COUNT];
        for (String key : p.stringPropertyNames()) {
            int k = SentenceFeatures.NAMES.indexOf(key);
            if (k < 0) {
                throw new IOException("unknown feature '" + key + "' in summarizer weights");
            }
            w[k] = Double.parseDouble(p.getProperty(key).strip());
        }
        return w;
    }

    private static double[] readWeights(InputStream in) {
        if (in == null) {
            throw new IllegalStateException("missing resource " + WEIGHTS_RESOURCE);
        }
        try (in) {
            return readWeights(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes weights as {@code feature=weight} lines under a comment header. */
    public static void writeWeights(double[] weights, String header, Writer out) throws IOException {
        for (String line : header.split("\n")) {
            out.write("# " + line + "\n");
        }
        for (int k = 0; k < weights.length; k++) {
            out.write(SentenceFeatures.NAMES.get(k) + "=" + String.format(Locale.ROOT, "%.6f", weights[k]) + "\n");
        }
    }
}
