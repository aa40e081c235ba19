package dev.precis.stories;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * What an article is about, as a point in the space of a sentence encoder: E5-small-v2 (Wang et al.,
 * "Text Embeddings by Weakly-Supervised Contrastive Pre-training", 2022), 8-bit quantized, run in this
 * process with ONNX Runtime. Outlets that frame one event in different words ("abortion ban",
 * "heartbeat law") land close together here where shared terms alone miss them; story grouping uses
 * it beside its term views (see {@link StoryGrouper}).
 *
 * <p>The encoder reads the headline and the lead, the first {@link #LEAD_CHARS} characters of the
 * text: that is where an article says which event it reports, and it bounds the cost (about 10 ms
 * per article on one core of a laptop-class CPU). The model ships inside the library; nothing is
 * downloaded. Thread-safe.
 */
public final class Meaning {

    /** Length of every vector. */
    public static final int DIMENSIONS = 384;

    /** How much of the text, in characters, is read after the headline. */
    public static final int LEAD_CHARS = 600;

    private Meaning() {
    }

    /**
     * The model with an ONNX Runtime session of its own: one thread per call and no spinning, since
     * callers already encode on one thread per core (the analysis threads); the default session
     * would start a pool per call site that spins while idle and competes with them.
     */
    private static final class Encoder extends AbstractInProcessEmbeddingModel {
        static final Encoder MODEL = load();

        private final OnnxBertBiEncoder model;

        private Encoder(OnnxBertBiEncoder model) {
            super(Runnable::run);
            this.model = model;
        }

        private static Encoder load() {
            try (InputStream onnx = resource("e5-small-v2-q.onnx");
                 InputStream tokenizer = resource("e5-small-v2-q-tokenizer.json");
                 OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setIntraOpNumThreads(1);
                options.setInterOpNumThreads(1);
                options.addConfigEntry("session.intra_op.allow_spinning", "0");
                OrtEnvironment environment = OrtEnvironment.getEnvironment();
                OrtSession session = environment.createSession(onnx.readAllBytes(), options);
                return new Encoder(new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN));
            } catch (IOException | OrtException | RuntimeException | LinkageError e) {
                throw new IllegalStateException("cannot load the sentence encoder (ONNX Runtime): " + e.getMessage(), e);
            }
        }

        private static InputStream resource(String name) {
            InputStream in = Meaning.class.getClassLoader().getResourceAsStream(name);
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the class path");
            }
            return in;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return model;
        }

        @Override
        protected Integer knownDimension() {
            return DIMENSIONS;
        }
    }

    /**
     * The unit vector of an article's headline and lead, {@link #DIMENSIONS} long; {@code null}
     * when both are blank.
     *
     * @throws IllegalStateException when the encoder cannot run on this platform
     */
    public static float[] of(String title, String text) {
        String input = input(title, text);
        if (input.isEmpty()) {
            return null;
        }
        float[] v = Encoder.MODEL.embed("query: " + input).content().vector();
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (norm == 0 || v.length != DIMENSIONS) {
            return null;
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= (float) norm;
        }
        return v;
    }

    /** Length in bytes of a vector as {@link #bytes} writes it. */
    public static final int BYTES = DIMENSIONS * Float.BYTES;

    /**
     * A vector as bytes to keep (a store keeps each article's vector so that it is not encoded
     * again): {@link #DIMENSIONS} float32 values, little-endian, {@link #BYTES} bytes; {@code null}
     * for {@code null}. {@link #fromBytes} gives back the same bits.
     *
     * @throws IllegalArgumentException when the vector is not {@link #DIMENSIONS} long
     */
    public static byte[] bytes(float[] vector) {
        if (vector == null) {
            return null;
        }
        if (vector.length != DIMENSIONS) {
            throw new IllegalArgumentException("a meaning has " + DIMENSIONS + " dimensions, got " + vector.length);
        }
        ByteBuffer out = ByteBuffer.allocate(BYTES).order(ByteOrder.LITTLE_ENDIAN);
        out.asFloatBuffer().put(vector);
        return out.array();
    }

    /**
     * The vector that {@link #bytes} wrote; {@code null} for {@code null}.
     *
     * @throws IllegalArgumentException when there are not exactly {@link #BYTES} bytes
     */
    public static float[] fromBytes(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        if (bytes.length != BYTES) {
            throw new IllegalArgumentException("a stored meaning has " + BYTES + " bytes, got " + bytes.length);
        }
        float[] v = new float[DIMENSIONS];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return v;
    }

    /**
     * The mean vector of a few typical news leads written for this purpose (resource
     * {@code meaning-prior.txt}): all encoder vectors lean this common way, whatever the story.
     * Story grouping starts from it before it has seen enough articles to learn the mean itself.
     */
    public static float[] prior() {
        return Prior.MEAN.clone();
    }

    private static final class Prior {
        static final float[] MEAN = load();

        private static float[] load() {
            double[] sum = new double[DIMENSIONS];
            int n = 0;
            try (InputStream in = Meaning.class.getResourceAsStream("meaning-prior.txt")) {
                if (in == null) {
                    throw new IllegalStateException("meaning-prior.txt is missing from the library");
                }
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    int dot = line.indexOf(". ");
                    float[] v = of(line.substring(0, dot), line.substring(dot + 2));
                    for (int i = 0; i < DIMENSIONS; i++) {
                        sum[i] += v[i];
                    }
                    n++;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read meaning-prior.txt", e);
            }
            float[] mean = new float[DIMENSIONS];
            for (int i = 0; i < DIMENSIONS; i++) {
                mean[i] = (float) (sum[i] / n);
            }
            return mean;
        }
    }

    /** The text the encoder reads: headline, then the lead cut at a space before {@link #LEAD_CHARS}. */
    static String input(String title, String text) {
        String head = title == null ? "" : title.strip();
        String body = text == null ? "" : text.strip();
        if (body.length() > LEAD_CHARS) {
            int cut = body.lastIndexOf(' ', LEAD_CHARS);
            body = body.substring(0, cut > 0 ? cut : LEAD_CHARS);
        }
        body = body.replaceAll("\\s+", " ");
        if (head.isEmpty()) {
            return body;
        }
        return body.isEmpty() ? head : head + ". " + body;
    }
}
