package dev.precis.bench;

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

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Cost of one {@link StoryGrouper#regroup()} over all members of the live stories.
 *
 * <p>Built like {@link StoryAssignBenchmark}'s stories (same synthetic words, names and random
 * meaning vectors), but with three members each: a seed article and two rewordings of it, so that
 * the regroup has real stories to find again. A regroup always starts from single members, so
 * running it again on its own result does the same work; each call is timed once
 * ({@link Mode#SingleShotTime}). Divide by {@code members} for the cost per member; the grouper
 * regroups once the new articles reach a fifth of the members, so the cost per assigned article
 * is about five times that.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = {"-Xmx6g"})
public class StoryRegroupBenchmark {

    @Param({"10000", "100000"})
    int members;

    StoryGrouper grouper;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        double[] cumulative = StoryAssignBenchmark.zipf(StoryAssignBenchmark.VOCABULARY, 1.0);
        grouper = new StoryGrouper();
        long key = 0;
        for (long story = 1; key < members; story++) {
            String[] seed = StoryAssignBenchmark.article(random, cumulative);
            float[] meaning = StoryAssignBenchmark.meaning(random);
            grouper.restoreMember(story, key++, StoryAssignBenchmark.features(seed, meaning));
            for (int copy = 0; copy < 2 && key < members; copy++) {
                grouper.restoreMember(story, key++, StoryAssignBenchmark.features(
                        StoryAssignBenchmark.reword(seed, random, cumulative), StoryAssignBenchmark.near(meaning, random)));
            }
        }
    }

    @Benchmark
    public int regroup() {
        return grouper.regroup().members();
    }
}
