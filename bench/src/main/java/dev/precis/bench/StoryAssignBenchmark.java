package dev.precis.bench;

import dev.precis.stories.ArticleFeatures;
import dev.precis.stories.Meaning;
import dev.precis.text.Doc;
import dev.precis.stories.StoryGrouper;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Cost of assigning one article to a story when the grouper already holds many live stories.
 *
 * <p>The stories are synthetic, generated at run time: {@code stories} stories are restored, each
 * from one article whose headline and ~100-word body draw words from a Zipf-distributed vocabulary
 * of 200,000 made-up words (so common words are shared by many stories, as in news) plus two
 * capitalized names from a pool of 20,000; all are dated the same day, so none leaves the time
 * window. The measured articles are pre-analyzed: half are reworded copies of existing stories
 * (they join), half are fresh (they start a story). Text analysis is not measured, only
 * {@link StoryGrouper#assign}. Each article's {@link Meaning} is a random unit vector (a reworded
 * copy gets its seed's vector plus noise): encoding 100,000 articles would take far longer than the
 * measurement, and what assignment does with a vector (centre it, one dot product per candidate
 * story) costs the same whatever its values.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class StoryAssignBenchmark {

    static final int VOCABULARY = 200_000;
    static final int NAMES = 20_000;
    static final LocalDate DAY = LocalDate.of(2025, 1, 15);

    @Param({"100000"})
    int stories;

    /** Weight of the meaning view: the default, and 0 (terms alone) as the baseline of the same run. */
    @Param({"default", "0"})
    String meaningWeight;

    StoryGrouper grouper;
    List<ArticleFeatures> probes;
    int next;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        double[] cumulative = zipf(VOCABULARY, 1.0);
        StoryGrouper.Options options = StoryGrouper.Options.defaults();
        grouper = new StoryGrouper("default".equals(meaningWeight) ? options
                : options.withMeaningWeight(Double.parseDouble(meaningWeight)));
        List<String[]> seeds = new ArrayList<>();
        List<float[]> seedMeanings = new ArrayList<>();
        for (int s = 1; s <= stories; s++) {
            String[] words = article(random, cumulative);
            if (seeds.size() < 1000) {
                seeds.add(words);
            }
            float[] meaning = meaning(random);
            if (seedMeanings.size() < seeds.size()) {
                seedMeanings.add(meaning);
            }
            grouper.restoreMember(s, s, features(words, meaning));
        }
        probes = new ArrayList<>();
        Random shuffle = new Random(7);
        for (int i = 0; i < 1000; i++) {
            if (i % 2 == 0) {
                int seed = shuffle.nextInt(seeds.size());
                probes.add(features(reword(seeds.get(seed), random, cumulative), near(seedMeanings.get(seed), random)));
            } else {
                probes.add(features(article(random, cumulative), meaning(random)));
            }
        }
    }

    @Benchmark
    public long assign() {
        ArticleFeatures a = probes.get(next++ % probes.size());
        return grouper.assign(stories + next, a).storyId();
    }

    /** Title words then body words; the first two body words are a person's name. */
    static String[] article(SplittableRandom random, double[] cumulative) {
        String[] words = new String[110];
        for (int i = 0; i < words.length; i++) {
            words[i] = word(draw(random, cumulative));
        }
        words[10] = name(random.nextInt(NAMES));
        words[11] = name(random.nextInt(NAMES));
        return words;
    }

    static String[] reword(String[] words, SplittableRandom random, double[] cumulative) {
        String[] out = words.clone();
        for (int i = 12; i < out.length; i++) {
            if (random.nextInt(4) == 0) {
                out[i] = word(draw(random, cumulative));
            }
        }
        return out;
    }

    /** A random unit vector. */
    static float[] meaning(SplittableRandom random) {
        float[] v = new float[Meaning.DIMENSIONS];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return unit(v);
    }

    /** A unit vector close to {@code v}. */
    static float[] near(float[] v, SplittableRandom random) {
        float[] out = v.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += (float) ((random.nextDouble() * 2 - 1) * 0.3 / Math.sqrt(out.length));
        }
        return unit(out);
    }

    private static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }

    static ArticleFeatures features(String[] words, float[] meaning) {
        String title = String.join(" ", java.util.Arrays.copyOfRange(words, 0, 10));
        StringBuilder body = new StringBuilder();
        for (int i = 10; i < words.length; i++) {
            body.append(words[i]);
            body.append((i - 9) % 12 == 0 ? ". " : " ");
        }
        body.append("said.");
        String text = Character.toUpperCase(body.charAt(0)) + body.substring(1);
        return new ArticleFeatures(title, text, DAY, "Synthetic", null, Doc.of(text), meaning);
    }

    static String word(int rank) {
        StringBuilder sb = new StringBuilder("q");
        int r = rank;
        do {
            sb.append((char) ('a' + r % 26));
            r /= 26;
        } while (r > 0);
        return sb.toString();
    }

    static String name(int rank) {
        String w = word(rank);
        return "Z" + w.substring(1);
    }

    static double[] zipf(int n, double exponent) {
        double[] c = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1 / Math.pow(i + 1, exponent);
            c[i] = sum;
        }
        for (int i = 0; i < n; i++) {
            c[i] /= sum;
        }
        return c;
    }

    static int draw(SplittableRandom random, double[] cumulative) {
        double u = random.nextDouble();
        int i = java.util.Arrays.binarySearch(cumulative, u);
        return i >= 0 ? i : Math.min(cumulative.length - 1, -i - 1);
    }
}
